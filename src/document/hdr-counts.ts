import { deflateSync, inflateSync } from 'node:zlib';

/** HdrHistogram's V2 cookies (the low nibble of the second byte carries the word size). */
const V2_COOKIE = 0x1c849303;
const V2_COMPRESSED_COOKIE = 0x1c849304;
const HEADER_BYTES = 40;
const TWO_32 = 2 ** 32;
const CANONICAL_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Non-empty HDR buckets (what {@link readHdr} reads, {@link writeHdrCounts} writes): `n` indexes, ascending, and their counts. */
export interface HdrCounts {
  readonly n: number;
  readonly indexes: Float64Array;
  readonly counts: Float64Array;
}

// Reused by every call: a merge reads thousands of histograms, one after the other.
let indexes = new Float64Array(4096);
let counts = new Float64Array(4096);

/** An HDR histogram's layout: its significant digits and lowest discernible value (perf-gate writes 3 and 1). */
export interface HdrLayout {
  readonly digits: number;
  readonly lowest: number;
}

/** What {@link readHdr} read: the non-empty buckets (counts indexes of `layout`, ascending) and the layout. */
export interface HdrRead extends HdrCounts {
  readonly layout: HdrLayout;
}

/**
 * The non-empty buckets of an HDR histogram in HdrHistogram's V2 compressed base64 encoding, read straight
 * from its bytes: the counts index of each, ascending, and its count, in the histogram's own layout. The
 * same buckets and counts hdr-histogram-js decodes (`decodeFromCompressedBase64(text, 64)`, which
 * TrendHistogram used until 2026-12-08), without building a histogram of 64-bit counts per read; counts
 * past the counts array the header's highest value sizes are dropped, as there.
 *
 * A string says why the text is not such an encoding (not canonical base64, another cookie, bytes that do
 * not inflate or end early, an impossible header). The result is overwritten by the next call.
 * @example
 * readHdr(new TrendHistogram(1e6).encode().hdr) // { n: 0, …, layout: { digits: 3, lowest: 1 } }
 */
export function readHdr(base64: string): HdrRead | string {
  if (base64.length % 4 !== 0 || !CANONICAL_BASE64.test(base64)) return 'it is not base64 (canonical, without white space)';
  const outer = Buffer.from(base64, 'base64');
  if (outer.length < 8 || (outer.readUInt32BE(0) & ~0xf0) !== V2_COMPRESSED_COOKIE) return "it does not start with HdrHistogram's V2 compressed cookie";
  let data: Buffer;
  try {
    data = inflateSync(outer.subarray(8, 8 + outer.readUInt32BE(4)));
  } catch (err) {
    return `its compressed bytes do not inflate (${err instanceof Error ? err.message : String(err)})`;
  }
  if (data.length < HEADER_BYTES || (data.readUInt32BE(0) & ~0xf0) !== V2_COOKIE) return "its inflated bytes do not start with HdrHistogram's V2 cookie";
  const payload = data.readUInt32BE(4);
  const digits = data.readUInt32BE(12);
  const lowest = data.readUInt32BE(16) * TWO_32 + data.readUInt32BE(20);
  const highest = data.readUInt32BE(24) * TWO_32 + data.readUInt32BE(28);
  // What HdrHistogram refuses to build.
  if (digits > 5) return `its header states ${digits} significant digits (HdrHistogram allows 0 to 5)`;
  if (lowest < 1) return `its header states a lowest discernible value of ${lowest} (HdrHistogram needs at least 1)`;
  if (!(highest >= 2 * lowest)) return `its header states a highest trackable value of ${highest}, below twice the lowest (${lowest})`;
  const end = HEADER_BYTES + payload;
  if (end > data.length) return `its payload ends early (${data.length - HEADER_BYTES} of ${payload} bytes)`;
  const length = countsLength(shapeOf({ digits, lowest }), highest);
  let n = 0;
  let index = 0;
  let at = HEADER_BYTES;
  while (at < end) {
    // ZigZag LEB128-64b9B, as hdr-histogram-js reads it (the ninth byte's top bit is not data there either).
    let value = 0;
    let scale = 1;
    for (let k = 0; ; k++) {
      if (at >= data.length) return `its payload ends inside a count (at byte ${at - HEADER_BYTES} of ${payload})`;
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
    // Past the counts array hdr-histogram-js sizes for `highest` a count is dropped there, so here too.
    if (count !== 0 && index < length) {
      if (n === indexes.length) grow();
      indexes[n] = index;
      counts[n++] = count;
    }
    index++;
  }
  return { n, indexes, counts, layout: digits === 3 && lowest === 1 ? PERF_GATE_LAYOUT : { digits, lowest } };
}

/** The layout TrendHistogram counts in, where an HDR counts index is its own. */
export const PERF_GATE_LAYOUT: HdrLayout = { digits: 3, lowest: 1 };

/** The lowest value HDR counts index `index` of `layout` stands for (HdrHistogram's valueFromIndex). */
export function hdrValueAt(layout: HdrLayout, index: number): number {
  const { halfMagnitude, unitMagnitude } = shapeOf(layout);
  const half = 2 ** halfMagnitude;
  let bucket = Math.floor(index / half) - 1;
  let sub = (index % half) + half;
  if (bucket < 0) {
    sub -= half;
    bucket = 0;
  }
  return sub * 2 ** (bucket + unitMagnitude);
}

/** HdrHistogram's sub-bucket arithmetic for a layout: log2 of half the sub-buckets, and of the unit. */
interface HdrShape {
  readonly halfMagnitude: number;
  readonly unitMagnitude: number;
}

function shapeOf({ digits, lowest }: HdrLayout): HdrShape {
  // Single-unit resolution up to 2·10^digits, in a power-of-two number of sub-buckets.
  const countMagnitude = Math.ceil(Math.log2(2 * Math.floor(10 ** digits)));
  return { halfMagnitude: (countMagnitude > 1 ? countMagnitude : 1) - 1, unitMagnitude: Math.floor(Math.log2(lowest)) };
}

/**
 * The V2 compressed base64 encoding of the non-empty buckets `indexes[0, n)` (ascending counts indexes of
 * perf-gate's layout, each count a whole number from 1 to 2^53) with their `counts`: byte for byte what
 * hdr-histogram-js writes for a 64-bit histogram of 3 significant digits and lowest value 1, grown from
 * its default size by recording each bucket's lowest value (`encodeIntoCompressedBase64`), which is how
 * TrendHistogram encoded until 2026-12-08. Written here because that path built a histogram of 64-bit
 * counts per scope, encoded it byte by byte in JavaScript and base64'd it the same way: a fifth of a
 * run's finish.
 * @example
 * writeHdrCounts({ n: 1, indexes: Float64Array.of(5), counts: Float64Array.of(1) }) // 'HISTFAAAACJ4nJNpmSzMwMDA…'
 */
export function writeHdrCounts({ n, indexes, counts }: HdrCounts): string {
  const top = n > 0 ? indexes[n - 1]! : -1;
  // At most 9 bytes per word, a gap and a count per bucket, or the one zero of an empty histogram.
  const need = HEADER_BYTES + 9 * (2 * n + 1);
  if (need > scratch.length) scratch = Buffer.allocUnsafe(Math.max(need, 2 * scratch.length));
  const out = scratch;
  let at = HEADER_BYTES;
  if (n === 0) {
    out[at++] = 0; // hdr-histogram-js writes the count at index 0 of an empty histogram: 0
  } else {
    let next = 0;
    for (let k = 0; k < n; k++) {
      const index = indexes[k]!;
      const gap = index - next;
      // One empty bucket is a count of 0, a run of them its length negated (ZigZag: 2·run − 1).
      if (gap === 1) out[at++] = 0;
      else if (gap > 1) at = writeVarint(out, at, 2 * gap - 1);
      at = writeVarint(out, at, 2 * counts[k]!);
      next = index + 1;
    }
  }
  out.writeUInt32BE((V2_COOKIE | 0x10) >>> 0, 0);
  out.writeUInt32BE(at - HEADER_BYTES, 4);
  out.writeUInt32BE(1, 8); // what hdr-histogram-js writes as the normalizing index offset
  out.writeUInt32BE(3, 12); // significant digits
  out.writeUInt32BE(0, 16); // lowest discernible value, 64-bit: 1
  out.writeUInt32BE(1, 20);
  const highest = highestTrackable(top);
  out.writeUInt32BE(Math.floor(highest / TWO_32), 24);
  out.writeUInt32BE(highest % TWO_32, 28);
  out.writeUInt32BE(0, 32); // integer-to-double ratio, written as the 64-bit integer 1
  out.writeUInt32BE(1, 36);
  const deflated = deflateSync(out.subarray(0, at));
  const whole = Buffer.allocUnsafe(8 + deflated.length);
  whole.writeUInt32BE((V2_COMPRESSED_COOKIE | 0x10) >>> 0, 0);
  whole.writeUInt32BE(deflated.length, 4);
  deflated.copy(whole, 8);
  return whole.toString('base64');
}

let scratch = Buffer.allocUnsafe(64 * 1024);

/** LEB128 of a whole number below 2^56 (a ZigZag word of at most 8 bytes: counts stay ≤ 2^53). */
function writeVarint(out: Buffer, at: number, v: number): number {
  while (v >= 128) {
    out[at++] = (v % 128) | 0x80;
    v = Math.floor(v / 128);
  }
  out[at++] = v;
  return at;
}

/**
 * The highest trackable value hdr-histogram-js states for an encoder grown to hold counts index `top`: its
 * default of 2 while the indexes fit its first 2048 counts, else the highest value of the last counts
 * index of the buckets it grew to, 2^(top >> 10 + 10) − 1.
 */
function highestTrackable(top: number): number {
  return top < 2048 ? 2 : 2 ** ((top >> 10) + 10) - 1;
}

function grow(): void {
  const i = new Float64Array(2 * indexes.length);
  i.set(indexes);
  indexes = i;
  const c = new Float64Array(2 * counts.length);
  c.set(counts);
  counts = c;
}

/** The counts array length HdrHistogram gives a histogram of `shape` up to `highest`. */
function countsLength({ halfMagnitude, unitMagnitude }: HdrShape, highest: number): number {
  let smallestUntrackable = 2 ** (halfMagnitude + 1 + unitMagnitude);
  let buckets = 1;
  while (smallestUntrackable <= highest) {
    if (smallestUntrackable > Number.MAX_SAFE_INTEGER / 2) {
      buckets++;
      break;
    }
    smallestUntrackable *= 2;
    buckets++;
  }
  return (buckets + 1) * 2 ** halfMagnitude;
}
