import { describe, expect, it } from 'vitest';
import { ArgsInputError, parseEnvPairs, splitArgs } from '../../src/engine/split-args.js';

describe('splitArgs', () => {
  it.each([
    { what: 'plain words', input: '--vus 10 --duration 30s', expected: ['--vus', '10', '--duration', '30s'] },
    { what: 'a double-quoted value with a space', input: '--vus 10 --tag "team=core x"', expected: ['--vus', '10', '--tag', 'team=core x'] },
    { what: 'single quotes keep everything', input: `--tag 'a "b" \\c $HOME'`, expected: ['--tag', 'a "b" \\c $HOME'] },
    { what: 'adjacent parts join', input: '--tag="a b"c', expected: ['--tag=a bc'] },
    { what: 'escaped quote in double quotes', input: '"say \\"hi\\""', expected: ['say "hi"'] },
    { what: 'other backslashes in double quotes stay', input: '"C:\\dir\\k6"', expected: ['C:\\dir\\k6'] },
    { what: 'backslash escapes a space outside quotes', input: 'a\\ b c', expected: ['a b', 'c'] },
    { what: 'empty quotes give an empty argument', input: `--tag '' x`, expected: ['--tag', '', 'x'] },
    { what: 'newlines and tabs separate (a YAML block)', input: '--vus 10\n\t--no-thresholds\n', expected: ['--vus', '10', '--no-thresholds'] },
    { what: 'backslash-newline continues a line', input: '--vus \\\n10', expected: ['--vus', '10'] },
    { what: 'empty input', input: '   ', expected: [] },
    { what: 'a lone $ and a price stay', input: 'cost=$ 5$', expected: ['cost=$', '5$'] },
  ])('$what', ({ input, expected }) => {
    expect(splitArgs(input)).toEqual(expected);
  });

  it.each([
    { what: 'an unterminated double quote', input: '--tag "team=core x', message: `'k6-flags': unterminated " quote at column 7 in: --tag "team=core x` },
    { what: 'an unterminated single quote', input: "--tag 'x", message: "'k6-flags': unterminated ' quote at column 7" },
    { what: 'a trailing backslash', input: '--vus 10 \\', message: 'a trailing backslash escapes nothing at column 10' },
    { what: 'a pipe', input: '--vus 10 | tee x', message: '`|` is a shell operator, but no shell runs here' },
    { what: 'a redirection', input: '--vus 10 > out', message: '`>` is a shell operator' },
    { what: 'a variable', input: '--tag x=$HOME', message: '`$H` would be expanded by a shell' },
    { what: 'a command substitution in double quotes', input: '"$(whoami)"', message: '`$(` would be expanded by a shell' },
  ])('refuses $what, naming the input and the column', ({ input, message }) => {
    expect(() => splitArgs(input)).toThrow(ArgsInputError);
    expect(() => splitArgs(input)).toThrow(message);
  });

  it('names another input when asked', () => {
    expect(() => splitArgs('"x', 'args')).toThrow(`'args': unterminated " quote at column 1 in: "x`);
  });
});

describe('parseEnvPairs', () => {
  it.each([
    { what: 'lines', input: 'A=1\nB=two words', expected: { A: '1', B: 'two words' } },
    { what: 'commas', input: 'A=1, B=2,C=3', expected: { A: '1', B: '2', C: '3' } },
    { what: 'a value holding = and a comma (lines)', input: 'URL=http://x/?a=1,b=2\nT=x', expected: { URL: 'http://x/?a=1,b=2', T: 'x' } },
    { what: 'blank lines, comments and CRLF', input: '# settings\r\nA=1\r\n\r\n  B = 2  \r\n', expected: { A: '1', B: '2' } },
    { what: 'quotes around a value', input: `A="x y"\nB='z'\nC="unbalanced`, expected: { A: 'x y', B: 'z', C: '"unbalanced' } },
    { what: 'an empty value', input: 'EMPTY=', expected: { EMPTY: '' } },
    { what: 'nothing', input: '', expected: {} },
  ])('$what', ({ input, expected }) => {
    expect(parseEnvPairs(input)).toEqual(expected);
  });

  it.each([
    { what: 'a pair without =', input: 'A=1,FOO', message: `'env' pair 2 ("FOO") has no '=': write NAME=value` },
    { what: 'a line without =', input: 'A=1\nFOO bar', message: `'env' line 2 ("FOO bar") has no '='` },
    { what: 'a name starting with a digit', input: '1A=x', message: `'env' pair 1 ("1A=x"): "1A" is not a variable name` },
    { what: 'a name with a space', input: 'MY VAR=x', message: `"MY VAR" is not a variable name` },
    { what: 'an empty name', input: '=x', message: `'env' pair 1 ("=x"): "" is not a variable name` },
    { what: 'a name given twice', input: 'A=1\nB=2\nA=3', message: `'env' line 3 ("A=3"): A was already set by line 1; give each name once` },
  ])('refuses $what, naming the pair', ({ input, message }) => {
    expect(() => parseEnvPairs(input)).toThrow(ArgsInputError);
    expect(() => parseEnvPairs(input)).toThrow(message);
  });

  it('keeps __proto__ as a plain name', () => {
    const env = parseEnvPairs('__proto__=x');
    expect(Object.keys(env)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(env)).toBe(Object.prototype);
  });
});
