/**
 * Where a run document's window series lie in its bytes, found without parsing their numbers, so that a
 * merge can parse one series at a time (ingest/lazy-run-document.ts). The series are most of a document
 * (1.5 of a shard's 1.6 MB); parsed whole, 64 shard documents left some 100 MB of dead text and objects
 * on the heap between two collections.
 *
 * Only the structure is read: strings (with their escapes) and brackets up to `windows.series`, then each
 * member's key and the bracket that closes its list. A series holds numbers only, so a bracket inside a
 * string there is a document the schema refuses anyway: a slice that does not parse or fit is caught by
 * the reader, which then reads the file whole. Anything unexpected here gives undefined, and the caller
 * reads the file whole as well.
 */

/** One member of `windows.series`: its name and the byte range of its list. */
export interface SeriesSlice {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

export interface RunDocumentSlices {
  /** The document's text with `windows.series` emptied (`{}`). */
  readonly head: string;
  readonly series: readonly SeriesSlice[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_LIST = 0x5b;
const CLOSE_LIST = 0x5d;

/** The head and the series' slices of a run document's bytes; undefined when they cannot be told apart. */
export function sliceRunDocument(bytes: Uint8Array): RunDocumentSlices | undefined {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const open = seriesObjectStart(bytes, start);
  if (open === undefined) return undefined;
  const series: SeriesSlice[] = [];
  const decoder = new TextDecoder();
  let i = skipSpace(bytes, open + 1);
  if (bytes[i] === CLOSE_OBJECT) return undefined; // nothing to slice
  for (;;) {
    if (bytes[i] !== QUOTE) return undefined;
    const keyEnd = stringEnd(bytes, i);
    if (keyEnd === undefined) return undefined;
    let name: unknown;
    try {
      name = JSON.parse(decoder.decode(bytes.subarray(i, keyEnd)));
    } catch {
      return undefined;
    }
    i = skipSpace(bytes, keyEnd);
    if (bytes[i] !== COLON) return undefined;
    i = skipSpace(bytes, i + 1);
    if (bytes[i] !== OPEN_LIST) return undefined;
    const end = listEnd(bytes, i);
    if (end === undefined) return undefined;
    series.push({ name: name as string, start: i, end });
    i = skipSpace(bytes, end);
    if (bytes[i] === COMMA) {
      i = skipSpace(bytes, i + 1);
      continue;
    }
    if (bytes[i] !== CLOSE_OBJECT) return undefined;
    const head = `${decoder.decode(bytes.subarray(start, open))}{}${decoder.decode(bytes.subarray(i + 1))}`;
    return { head, series };
  }
}

/**
 * The offset of the `{` that opens `windows.series` (the key `series` of the object under the top-level key
 * `windows`), read through strings and brackets; undefined when there is none.
 */
function seriesObjectStart(bytes: Uint8Array, from: number): number | undefined {
  // Containers open at each depth ('{' or '['), and the last key read at depths 1 and 2.
  const open: number[] = [];
  let keyAt1: string | undefined;
  let keyAt2: string | undefined;
  let lastString: [number, number] | undefined;
  for (let i = from; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === QUOTE) {
      const end = stringEnd(bytes, i);
      if (end === undefined) return undefined;
      lastString = [i, end];
      i = end - 1;
    } else if (c === COLON) {
      // A key just ended: keep it when it is one of the two on the way to the series.
      if (lastString && (open.length === 1 || open.length === 2) && open.at(-1) === OPEN_OBJECT) {
        const key = keyOf(bytes, lastString);
        if (open.length === 1) {
          keyAt1 = key;
          keyAt2 = undefined;
        } else keyAt2 = key;
      }
      lastString = undefined;
    } else if (c === OPEN_OBJECT || c === OPEN_LIST) {
      if (c === OPEN_OBJECT && open.length === 2 && open[1] === OPEN_OBJECT && keyAt1 === 'windows' && keyAt2 === 'series') return i;
      open.push(c);
      lastString = undefined;
    } else if (c === CLOSE_OBJECT || c === CLOSE_LIST) {
      open.pop();
      if (open.length === 0) return undefined; // the document ended (or a first NDJSON line did) without it
      if (open.length < 2) keyAt2 = undefined;
      lastString = undefined;
    } else if (c === COMMA) lastString = undefined;
  }
  return undefined;
}

/** The key `windows` or `series` when the string at `[from, to)` is it (no escapes in either); else undefined. */
function keyOf(bytes: Uint8Array, [from, to]: [number, number]): string | undefined {
  const length = to - from - 2;
  for (const key of ['windows', 'series']) {
    if (length !== key.length) continue;
    let same = true;
    for (let k = 0; k < length && same; k++) same = bytes[from + 1 + k] === key.charCodeAt(k);
    if (same) return key;
  }
  return undefined;
}

/** The offset just after the string that opens at `at` (a `"`), across its escapes; undefined at the end of the bytes. */
function stringEnd(bytes: Uint8Array, at: number): number | undefined {
  for (let i = at + 1; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  return undefined;
}

/**
 * The offset just after the `]` that closes the list opening at `at`, counting brackets only (a series has
 * no strings but its fields' names): found with indexOf, which is native, not byte by byte in JavaScript.
 */
function listEnd(bytes: Uint8Array, at: number): number | undefined {
  let depth = 1;
  let i = at + 1;
  let nextOpen = bytes.indexOf(OPEN_LIST, i);
  for (;;) {
    const nextClose = bytes.indexOf(CLOSE_LIST, i);
    if (nextClose < 0) return undefined;
    if (nextOpen >= 0 && nextOpen < nextClose) {
      depth++;
      i = nextOpen + 1;
      nextOpen = bytes.indexOf(OPEN_LIST, i);
      continue;
    }
    depth--;
    i = nextClose + 1;
    if (depth === 0) return i;
  }
}

function skipSpace(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return i;
}
