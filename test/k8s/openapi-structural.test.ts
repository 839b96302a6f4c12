import { describe, expect, it } from 'vitest';
import { structuralErrors, type StructuralSchema } from '../support/openapi-structural.js';

const schema: StructuralSchema = {
  type: 'object',
  required: ['spec'],
  properties: {
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      required: ['parallelism'],
      properties: {
        parallelism: { type: 'integer', format: 'int32' },
        cleanup: { type: 'string', enum: ['post'] },
        separate: { type: 'boolean' },
        ratio: { type: 'number' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        port: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
        env: { type: 'array', items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, value: { type: 'string' } } } },
      },
    },
  },
};

describe('structuralErrors: the OpenAPI subset of CRD schemas', () => {
  it.each([
    { what: 'a conforming value', value: { spec: { parallelism: 4, cleanup: 'post', separate: true, ratio: 0.5, env: [{ name: 'A', value: 'b' }] } }, expected: [] },
    { what: 'metadata is opaque (ObjectMeta is the API server\'s)', value: { metadata: { name: 'x', labels: { a: 'b' } }, spec: { parallelism: 1 } }, expected: [] },
    { what: 'a map of strings', value: { spec: { parallelism: 1, labels: { a: 'b', c: 'd' } } }, expected: [] },
    { what: 'a map value of the wrong type', value: { spec: { parallelism: 1, labels: { a: 1 } } }, expected: ['$.spec.labels.a: expected a string, got number 1'] },
    { what: 'preserved unknown fields', value: { spec: { parallelism: 1, free: { anything: [1, 2] } } }, expected: [] },
    { what: 'int-or-string, both', value: { spec: { parallelism: 1, port: 'http' } }, expected: [] },
    { what: 'int-or-string, neither', value: { spec: { parallelism: 1, port: true } }, expected: ['$.spec.port: expected an integer or a string, got boolean true'] },
    { what: 'a missing required field', value: { spec: {} }, expected: ["$.spec: required field 'parallelism' is missing"] },
    { what: 'a missing required root field', value: {}, expected: ["$: required field 'spec' is missing"] },
    { what: 'an unknown field', value: { spec: { parallelism: 1, paralelism: 2 } }, expected: ['$.spec.paralelism: unknown field (the schema names parallelism, cleanup, separate, ratio, labels, free, port, env)'] },
    { what: 'a string for an integer', value: { spec: { parallelism: '4' } }, expected: ['$.spec.parallelism: expected an integer, got string "4"'] },
    { what: 'a fraction for an integer', value: { spec: { parallelism: 1.5 } }, expected: ['$.spec.parallelism: expected an integer, got number 1.5'] },
    { what: 'an int32 out of range', value: { spec: { parallelism: 2 ** 31 } }, expected: ['$.spec.parallelism: 2147483648 is out of int32 range'] },
    { what: 'a value not in the enum', value: { spec: { parallelism: 1, cleanup: 'pre' } }, expected: ['$.spec.cleanup: "pre" is not one of "post"'] },
    { what: 'a string for a boolean', value: { spec: { parallelism: 1, separate: 'true' } }, expected: ['$.spec.separate: expected a boolean, got string "true"'] },
    { what: 'an object for an array', value: { spec: { parallelism: 1, env: { name: 'A' } } }, expected: ['$.spec.env: expected an array, got object {"name":"A"}'] },
    { what: 'a bad array item', value: { spec: { parallelism: 1, env: [{ name: 'A' }, { value: 'b' }] } }, expected: ["$.spec.env[1]: required field 'name' is missing"] },
    { what: 'an array for an object', value: { spec: [] }, expected: ['$.spec: expected an object, got an array'] },
    { what: 'null for an object', value: { spec: null }, expected: ['$.spec: expected an object, got null'] },
    { what: 'NaN for a number', value: { spec: { parallelism: 1, ratio: Number.NaN } }, expected: ['$.spec.ratio: expected a number, got number null'] },
  ])('$what', ({ value, expected }) => {
    expect(structuralErrors(value, schema)).toEqual(expected);
  });
});
