/**
 * A structural check of a value against the subset of OpenAPI v3 that Kubernetes CRDs use (structural
 * schemas): `type` (object, array, string, integer, number, boolean), `properties`, `required`,
 * `additionalProperties` (a schema for map values), `x-kubernetes-preserve-unknown-fields`, `enum`,
 * `items`, `format: int32`/`int64`, `anyOf` with `x-kubernetes-int-or-string`. Written for the tests
 * instead of adding a JSON-schema validator: ajv is not a declared dependency (only eslint's ajv 6 is in
 * node_modules), and a CRD schema is not a JSON Schema document anyway (the `x-kubernetes-*` keywords).
 *
 * Unknown fields are errors, as under `kubectl apply`'s strict field validation (the API server would
 * otherwise prune them silently). An object schema that names no properties (the root `metadata`,
 * which the API server validates as ObjectMeta itself) accepts any fields.
 */
export interface StructuralSchema {
  readonly type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  readonly format?: string;
  readonly properties?: Readonly<Record<string, StructuralSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: StructuralSchema | boolean;
  readonly items?: StructuralSchema;
  readonly enum?: readonly unknown[];
  readonly anyOf?: readonly StructuralSchema[];
  readonly default?: unknown;
  readonly 'x-kubernetes-preserve-unknown-fields'?: boolean;
  readonly 'x-kubernetes-int-or-string'?: boolean;
}

const INT_RANGE: Record<string, readonly [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/** Every way `value` breaks `schema`, as `<path>: <what>` lines; empty when it conforms. */
export function structuralErrors(value: unknown, schema: StructuralSchema, path = '$'): string[] {
  if (schema['x-kubernetes-int-or-string']) {
    return typeof value === 'string' || Number.isInteger(value) ? [] : [`${path}: expected an integer or a string, got ${describe(value)}`];
  }
  const errors: string[] = [];
  if (schema.enum !== undefined && !schema.enum.includes(value)) {
    errors.push(`${path}: ${JSON.stringify(value)} is not one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`);
  }
  switch (schema.type) {
    case undefined:
      return errors;
    case 'string':
      if (typeof value !== 'string') errors.push(`${path}: expected a string, got ${describe(value)}`);
      return errors;
    case 'boolean':
      if (typeof value !== 'boolean') errors.push(`${path}: expected a boolean, got ${describe(value)}`);
      return errors;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) errors.push(`${path}: expected a number, got ${describe(value)}`);
      return errors;
    case 'integer': {
      if (!Number.isInteger(value)) return [...errors, `${path}: expected an integer, got ${describe(value)}`];
      const range = schema.format !== undefined ? INT_RANGE[schema.format] : undefined;
      if (range && ((value as number) < range[0] || (value as number) > range[1])) errors.push(`${path}: ${String(value)} is out of ${schema.format} range`);
      return errors;
    }
    case 'array':
      if (!Array.isArray(value)) return [...errors, `${path}: expected an array, got ${describe(value)}`];
      if (schema.items) value.forEach((v, i) => errors.push(...structuralErrors(v, schema.items!, `${path}[${i}]`)));
      return errors;
    case 'object':
      return [...errors, ...objectErrors(value, schema, path)];
  }
}

function objectErrors(value: unknown, schema: StructuralSchema, path: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected an object, got ${describe(value)}`];
  const record = value as Record<string, unknown>;
  const errors: string[] = [];
  for (const name of schema.required ?? []) {
    if (record[name] === undefined) errors.push(`${path}: required field '${name}' is missing`);
  }
  const opaque = schema.properties === undefined && schema.additionalProperties === undefined;
  for (const [name, v] of Object.entries(record)) {
    const where = `${path}.${name}`;
    const own = schema.properties?.[name];
    if (own) errors.push(...structuralErrors(v, own, where));
    else if (typeof schema.additionalProperties === 'object') errors.push(...structuralErrors(v, schema.additionalProperties, where));
    else if (schema.additionalProperties === true || schema['x-kubernetes-preserve-unknown-fields'] || opaque) continue;
    else errors.push(`${where}: unknown field (the schema names ${Object.keys(schema.properties ?? {}).join(', ') || 'no fields'})`);
  }
  return errors;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `${typeof value} ${JSON.stringify(value)}`.slice(0, 80);
}
