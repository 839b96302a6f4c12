import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../../src/document/json-pieces.js';

function joined(value: unknown, depth?: number): string {
  const pieces: string[] = [];
  jsonPieces(value, (p) => pieces.push(p), depth);
  return pieces.join('');
}

/** Values as documents and reports hold them, and what JSON.stringify leaves out, turns to null or asks toJSON of. */
const odd = fc.oneof(
  fc.constant(undefined),
  fc.constant(() => 1),
  fc.constant(Symbol('s')),
  fc.date({ noInvalidDate: true }),
  fc.constant(new Map([['a', 1]])),
  fc.constant({ toJSON: (key: string) => `key ${key}` }),
  fc.constant(Object.create(null) as object),
  fc.double(),
);
const values = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 2 }), odd, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(fc.string({ maxLength: 4 }), tie('value'), { maxKeys: 5 }),
})).value;

describe('jsonPieces', () => {
  it('gives JSON.stringify’s text, whatever the depth it walks to', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 6 }), (value, depth) => {
        const want = JSON.stringify(value) ?? 'null';
        expect(joined(value, depth)).toBe(want);
      }),
      { numRuns: 500 },
    );
  });

  it('hands over a document in many pieces, none of them the whole', () => {
    const doc = { meta: { stage: 'smoke' }, windows: { series: { a: Array.from({ length: 1000 }, (_, i) => ({ i, count: i })) } } };
    const pieces: string[] = [];
    jsonPieces(doc, (p) => pieces.push(p));
    expect(pieces.length).toBeGreaterThan(1000);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(100);
  });
});
