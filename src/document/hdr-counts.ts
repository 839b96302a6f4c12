import { inflateSync } from 'node:zlib';

/** HdrHistogram's V2 cookies (the low nibble of the second byte carries the word size). */
const V2_COOKIE = 0x1c849303;
const V2_COMPRESSED_COOKIE = 0x1c849304;
const HEADER_BYTES = 40;
const TWO_32 = 2 ** 32;
const CANONICAL_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The non-empty buckets read by {@link readHdrCounts}: `n` indexes, ascending, and their counts. */
export interface HdrCounts {
  readonly n: number;
  readonly indexes: Float64Array;
  readonly counts: Float64Array;
}

// Reused by every call: a merge reads thousands of histograms, one after the other.
let indexes = new Float64Array(4096);
let counts = new Float64Array(4096);

/**
 * The counts of an HDR histogram in HdrHistogram's V2 compressed base64 encoding (what TrendHistogram
 * writes), read straight from its bytes: the counts index of each non-empty bucket, ascending, and its
 * count. The same buckets and counts hdr-histogram-js decodes (`decodeFromCompressedBase64(text, 64)`), for
 * the layout perf-gate writes only — lowest discernible value 1, 3 significant digits, where an HDR counts
 * index is TrendHistogram's — without building a histogram of 64-bit counts per read.
 *
 * Undefined for anything else (another layout, other base64, a count beyond 2^53, bytes that end early):
 * then hdr-histogram-js decodes it, and refuses what it refuses. The result is overwritten by the next call.
 * @example
 * readHdrCounts(new TrendHistogram(1e6).encode().hdr) // { n: 0, … }
 */
export function readHdrCounts(base64: string): HdrCounts | undefined {
  // hdr-histogram-js's base64 reader and Node's agree on canonical base64 only.
  if (base64.length % 4 !== 0 || !CANONICAL_BASE64.test(base64)) return undefined;
  const outer = Buffer.from(base64, 'base64');
  if (outer.length < 8 || (outer.readUInt32BE(0) & ~0xf0) !== V2_COMPRESSED_COOKIE) return undefined;
  let data: Buffer;
  try {
    data = inflateSync(outer.subarray(8, 8 + outer.readUInt32BE(4)));
  } catch {
    return undefined;
  }
  if (data.length < HEADER_BYTES || (data.readUInt32BE(0) & ~0xf0) !== V2_COOKIE) return undefined;
  const payload = data.readUInt32BE(4);
  const digits = data.readUInt32BE(12);
  const lowest = data.readUInt32BE(16) * TWO_32 + data.readUInt32BE(20);
  const highest = data.readUInt32BE(24) * TWO_32 + data.readUInt32BE(28);
  if (digits !== 3 || lowest !== 1 || !(highest >= 2)) return undefined;
  const end = HEADER_BYTES + payload;
  if (end > data.length) return undefined;
  const length = countsLength(highest);
  let n = 0;
  let index = 0;
  let at = HEADER_BYTES;
  while (at < end) {
    // ZigZag LEB128-64b9B, as hdr-histogram-js reads it (the ninth byte's top bit is not data there either).
    let value = 0;
    let scale = 1;
    for (let k = 0; ; k++) {
      if (at >= data.length) return undefined;
      const b = data[at++]!;
      value += (b & 0x7f) * scale;
      if ((b & 0x80) === 0 || k === 8) break;
      scale *= 128;
    }
    const count = value % 2 === 0 ? value / 2 : -(value + 1) / 2;
    if (count < 0) {
      index += -count; // a run of empty buckets
      continue;
    }
    if (count > Number.MAX_SAFE_INTEGER) return undefined;
    // Past the counts array hdr-histogram-js sizes for `highest` a count is dropped there, so here too.
    if (count !== 0 && index < length) {
      if (n === indexes.length) grow();
      indexes[n] = index;
      counts[n++] = count;
    }
    index++;
  }
  return { n, indexes, counts };
}

function grow(): void {
  const i = new Float64Array(2 * indexes.length);
  i.set(indexes);
  indexes = i;
  const c = new Float64Array(2 * counts.length);
  c.set(counts);
  counts = c;
}

/** The counts array length HdrHistogram gives 3 significant digits and lowest value 1 up to `highest`. */
function countsLength(highest: number): number {
  let smallestUntrackable = 2048;
  let buckets = 1;
  while (smallestUntrackable <= highest) {
    if (smallestUntrackable > Number.MAX_SAFE_INTEGER / 2) {
      buckets++;
      break;
    }
    smallestUntrackable *= 2;
    buckets++;
  }
  return (buckets + 1) * 1024;
}
