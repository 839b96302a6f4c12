import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'build/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // The pure core: no process, console, network or GitHub. Adapters live in src/cli, src/action, src/github, src/run.
    files: ['src/stats/**/*.ts', 'src/gate/**/*.ts', 'src/report/**/*.ts', 'src/document/**/*.ts', 'src/config/**/*.ts'],
    ignores: ['src/config/load.ts', 'src/config/index.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@actions/*', '@octokit/*'], message: 'The core must not depend on GitHub; use src/action or src/github.' },
          { group: ['node:fs', 'node:fs/*', 'fs', 'node:http', 'node:https', 'node:net', 'node:child_process'], message: 'The core does no I/O.' },
        ],
      }],
      'no-restricted-globals': ['error', { name: 'process', message: 'The core reads no environment.' }, { name: 'console', message: 'The core does not log.' }],
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
