// Fails when the committed dist/ differs from a fresh build: the Action runs dist/index.js, the CLI's bin is
// dist/cli.js, and the published library is dist/lib.js with dist/types/, not src/. `git status` sees
// changed, deleted and new files alike (a declaration file added by a new export counts).
import { execFileSync } from 'node:child_process';

execFileSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });
const status = execFileSync('git', ['status', '--porcelain', '--', 'dist'], { encoding: 'utf8' });
if (status.trim() !== '') {
  console.error('dist/ is stale: run `npm run build` and commit dist/.\n' + status);
  const diff = execFileSync('git', ['diff', '--stat', '--', 'dist'], { encoding: 'utf8' });
  console.error(diff);
  process.exit(1);
}
console.log('dist/ matches a fresh build.');
