/**
 * `JSON.stringify(value)`, handed to `emit` in pieces: arrays and plain objects are walked to `depth`
 * levels, and what lies below is stringified whole. The pieces joined are the same text, byte for byte.
 *
 * Why: a 10-minute run document is 5–6 MB of JSON. Stringified at once it is one string of that size,
 * and another when a newline is added and it is flattened for the write: ~11 MB at the end of the
 * stage, when the process is at its largest. Written in pieces it never holds more than a batch.
 *
 * What it keeps of JSON.stringify: `toJSON` is called (with the key) before a value is looked at;
 * object members whose value is undefined, a function or a symbol are left out, and array elements of
 * those kinds are written as null; anything that is not an array or a plain object (a Map, a boxed
 * number, a class instance) is stringified whole, by JSON.stringify itself. Unlike JSON.stringify, a
 * top-level undefined is written as null (there is always a text to write).
 */
export function jsonPieces(value: unknown, emit: (piece: string) => void, depth = 4): void {
  const top = withToJson('', value);
  piecesOf(isSkipped(top) ? null : top, emit, depth);
}

/** `value` has had its toJSON applied and is not skipped. */
function piecesOf(value: unknown, emit: (piece: string) => void, depth: number): void {
  if (depth <= 0 || typeof value !== 'object' || value === null || !(Array.isArray(value) || isPlainObject(value))) {
    emit(JSON.stringify(value));
    return;
  }
  if (Array.isArray(value)) {
    emit('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) emit(',');
      const element = withToJson(String(i), value[i]);
      piecesOf(isSkipped(element) ? null : element, emit, depth - 1);
    }
    emit(']');
    return;
  }
  emit('{');
  let first = true;
  for (const k of Object.keys(value)) {
    const member = withToJson(k, (value as Record<string, unknown>)[k]);
    if (isSkipped(member)) continue;
    emit(`${first ? '' : ','}${JSON.stringify(k)}:`);
    first = false;
    piecesOf(member, emit, depth - 1);
  }
  emit('}');
}

/** The value JSON.stringify would look at: its toJSON's result when it has one. Called once per value. */
function withToJson(key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON: (key: string) => unknown }).toJSON(key);
  }
  return value;
}

function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
