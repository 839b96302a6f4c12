import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, listNames } from '../../src/config/suggest.js';

describe('editDistance (optimal string alignment)', () => {
  it.each([
    { a: '', b: '', expected: 0 },
    { a: 'abc', b: '', expected: 3 },
    { a: '', b: 'abc', expected: 3 },
    { a: 'regresion', b: 'regression', expected: 1 },
    { a: 'alpah', b: 'alpha', expected: 1 },
    { a: 'kitten', b: 'sitting', expected: 3 },
    { a: 'thresolds', b: 'thresholds', expected: 1 },
    { a: 'ca', b: 'abc', expected: 3 },
  ])('$a → $b = $expected', ({ a, b, expected }) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});

describe('didYouMean', () => {
  const stageKeys = ['extends', 'thresholds', 'regression', 'endurance'];
  it.each([
    { input: 'regresion', candidates: stageKeys, expected: 'regression' },
    { input: 'Regression', candidates: stageKeys, expected: 'regression' },
    { input: 'threshold', candidates: stageKeys, expected: 'thresholds' },
    { input: 'endurence', candidates: stageKeys, expected: 'endurance' },
    { input: 'extend', candidates: stageKeys, expected: 'extends' },
    { input: 'colour', candidates: stageKeys, expected: undefined },
    { input: 'x', candidates: ['y', 'zz'], expected: 'y' },
    { input: 'abc', candidates: [], expected: undefined },
    { input: 'groupby', candidates: ['groupBy', 'window'], expected: 'groupBy' },
  ])('$input → $expected', ({ input, candidates, expected }) => {
    expect(didYouMean(input, candidates)).toBe(expected);
  });
});

describe('listNames', () => {
  it.each([
    { names: [], expected: '' },
    { names: ['a'], expected: `'a'` },
    { names: ['a', 'b'], expected: `'a' or 'b'` },
    { names: ['a', 'b', 'c'], expected: `'a', 'b' or 'c'` },
  ])('$names', ({ names, expected }) => {
    expect(listNames(names)).toBe(expected);
  });
});
