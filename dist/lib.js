import { createRequire as __perfGateCreateRequire } from 'node:module';
const require = __perfGateCreateRequire(import.meta.url);

// src/ingest/ingest.ts
import { stat as stat3 } from "node:fs/promises";
import { availableParallelism } from "node:os";

// src/document/merge-error.ts
var MergeError = class extends Error {
};

// src/document/hdr-counts.ts
import { deflateSync, inflateSync } from "node:zlib";
var V2_COOKIE = 478450435;
var V2_COMPRESSED_COOKIE = 478450436;
var HEADER_BYTES = 40;
var TWO_32 = 2 ** 32;
var CANONICAL_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
var indexes = new Float64Array(4096);
var counts = new Float64Array(4096);
function readHdr(base64) {
  if (base64.length % 4 !== 0 || !CANONICAL_BASE64.test(base64)) return "it is not base64 (canonical, without white space)";
  const outer = Buffer.from(base64, "base64");
  if (outer.length < 8 || (outer.readUInt32BE(0) & ~240) !== V2_COMPRESSED_COOKIE) return "it does not start with HdrHistogram's V2 compressed cookie";
  let data;
  try {
    data = inflateSync(outer.subarray(8, 8 + outer.readUInt32BE(4)));
  } catch (err) {
    return `its compressed bytes do not inflate (${err instanceof Error ? err.message : String(err)})`;
  }
  if (data.length < HEADER_BYTES || (data.readUInt32BE(0) & ~240) !== V2_COOKIE) return "its inflated bytes do not start with HdrHistogram's V2 cookie";
  const payload = data.readUInt32BE(4);
  const digits2 = data.readUInt32BE(12);
  const lowest = data.readUInt32BE(16) * TWO_32 + data.readUInt32BE(20);
  const highest = data.readUInt32BE(24) * TWO_32 + data.readUInt32BE(28);
  if (digits2 > 5) return `its header states ${digits2} significant digits (HdrHistogram allows 0 to 5)`;
  if (lowest < 1) return `its header states a lowest discernible value of ${lowest} (HdrHistogram needs at least 1)`;
  if (!(highest >= 2 * lowest)) return `its header states a highest trackable value of ${highest}, below twice the lowest (${lowest})`;
  const end = HEADER_BYTES + payload;
  if (end > data.length) return `its payload ends early (${data.length - HEADER_BYTES} of ${payload} bytes)`;
  const length = countsLength(shapeOf({ digits: digits2, lowest }), highest);
  let n = 0;
  let index = 0;
  let at = HEADER_BYTES;
  while (at < end) {
    let value2 = 0;
    let scale = 1;
    for (let k = 0; ; k++) {
      if (at >= data.length) return `its payload ends inside a count (at byte ${at - HEADER_BYTES} of ${payload})`;
      const b = data[at++];
      value2 += (b & 127) * scale;
      if ((b & 128) === 0 || k === 8) break;
      scale *= 128;
    }
    const count2 = value2 % 2 === 0 ? value2 / 2 : -(value2 + 1) / 2;
    if (count2 < 0) {
      index += -count2;
      continue;
    }
    if (count2 !== 0 && index < length) {
      if (n === indexes.length) grow();
      indexes[n] = index;
      counts[n++] = count2;
    }
    index++;
  }
  return { n, indexes, counts, layout: digits2 === 3 && lowest === 1 ? PERF_GATE_LAYOUT : { digits: digits2, lowest } };
}
var PERF_GATE_LAYOUT = { digits: 3, lowest: 1 };
function hdrValueAt(layout, index) {
  const { halfMagnitude, unitMagnitude } = shapeOf(layout);
  const half = 2 ** halfMagnitude;
  let bucket = Math.floor(index / half) - 1;
  let sub = index % half + half;
  if (bucket < 0) {
    sub -= half;
    bucket = 0;
  }
  return sub * 2 ** (bucket + unitMagnitude);
}
function shapeOf({ digits: digits2, lowest }) {
  const countMagnitude = Math.ceil(Math.log2(2 * Math.floor(10 ** digits2)));
  return { halfMagnitude: (countMagnitude > 1 ? countMagnitude : 1) - 1, unitMagnitude: Math.floor(Math.log2(lowest)) };
}
function writeHdrCounts({ n, indexes: indexes2, counts: counts2 }) {
  const top = n > 0 ? indexes2[n - 1] : -1;
  const need = HEADER_BYTES + 9 * (2 * n + 1);
  if (need > scratch.length) scratch = Buffer.allocUnsafe(Math.max(need, 2 * scratch.length));
  const out = scratch;
  let at = HEADER_BYTES;
  if (n === 0) {
    out[at++] = 0;
  } else {
    let next = 0;
    for (let k = 0; k < n; k++) {
      const index = indexes2[k];
      const gap = index - next;
      if (gap === 1) out[at++] = 0;
      else if (gap > 1) at = writeVarint(out, at, 2 * gap - 1);
      at = writeVarint(out, at, 2 * counts2[k]);
      next = index + 1;
    }
  }
  out.writeUInt32BE((V2_COOKIE | 16) >>> 0, 0);
  out.writeUInt32BE(at - HEADER_BYTES, 4);
  out.writeUInt32BE(1, 8);
  out.writeUInt32BE(3, 12);
  out.writeUInt32BE(0, 16);
  out.writeUInt32BE(1, 20);
  const highest = highestTrackable(top);
  out.writeUInt32BE(Math.floor(highest / TWO_32), 24);
  out.writeUInt32BE(highest % TWO_32, 28);
  out.writeUInt32BE(0, 32);
  out.writeUInt32BE(1, 36);
  const deflated = deflateSync(out.subarray(0, at));
  const whole = Buffer.allocUnsafe(8 + deflated.length);
  whole.writeUInt32BE((V2_COMPRESSED_COOKIE | 16) >>> 0, 0);
  whole.writeUInt32BE(deflated.length, 4);
  deflated.copy(whole, 8);
  return whole.toString("base64");
}
var scratch = Buffer.allocUnsafe(64 * 1024);
function writeVarint(out, at, v) {
  while (v >= 128) {
    out[at++] = v % 128 | 128;
    v = Math.floor(v / 128);
  }
  out[at++] = v;
  return at;
}
function highestTrackable(top) {
  return top < 2048 ? 2 : 2 ** ((top >> 10) + 10) - 1;
}
function grow() {
  const i = new Float64Array(2 * indexes.length);
  i.set(indexes);
  indexes = i;
  const c2 = new Float64Array(2 * counts.length);
  c2.set(counts);
  counts = c2;
}
function countsLength({ halfMagnitude, unitMagnitude }, highest) {
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

// src/document/trend-histogram.ts
var TIME_SCALE = 1e6;
var VALUE_SCALE = 1e3;
var SUB_BUCKET_HALF_MAGNITUDE = 10;
var SUB_BUCKET_HALF_COUNT = 1 << SUB_BUCKET_HALF_MAGNITUDE;
var SUB_BUCKET_MASK = 2 * SUB_BUCKET_HALF_COUNT - 1;
var TWO_322 = 2 ** 32;
var TrendHistogram = class _TrendHistogram {
  constructor(scale) {
    this.scale = scale;
  }
  scale;
  /**
   * Counts of HDR indexes [offset, offset + counts.length): 32-bit until a bucket would pass 2^32 − 1,
   * then 64-bit floats (exact to 2^53). Empty while the histogram holds few values (`pending`).
   */
  counts = NO_COUNTS;
  offset = 0;
  /**
   * The indexes of the first values, until there are PENDING_LIMIT of them: a scope with a handful of
   * points (an endpoint called once, of thousands) costs a few bytes instead of tens of kilobytes.
   */
  pending = NO_PENDING;
  count = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  negatives = 0;
  record(value2) {
    this.count++;
    this.sum += value2;
    if (value2 < this.min) this.min = value2;
    if (value2 > this.max) this.max = value2;
    let scaled = Math.round(value2 * this.scale);
    if (!(scaled >= 0)) {
      this.negatives++;
      scaled = 0;
    } else if (scaled > Number.MAX_SAFE_INTEGER) {
      scaled = Number.MAX_SAFE_INTEGER;
    }
    const at = countsIndex(scaled) - this.offset;
    const counts2 = this.counts;
    if (at >= 0 && at < counts2.length) {
      if (++counts2[at] === 0) this.widenCounts(at);
    } else {
      this.addAt(at + this.offset, 1);
    }
  }
  /** Adds `n` at HDR index `index`, outside the fast path: pending values, or a range to grow. */
  addAt(index, n) {
    const pending = this.pending;
    if (pending !== void 0) {
      if (n === 1 && pending.length < PENDING_LIMIT) {
        if (pending.length < 4) this.pending = [...pending, index];
        else pending.push(index);
        return;
      }
      this.pending = void 0;
      for (const i of pending) this.addAt(i, 1);
    }
    if (this.counts.length === 0 || index < this.offset || index >= this.offset + this.counts.length) this.cover(index);
    const at = index - this.offset;
    const sum3 = this.counts[at] + n;
    if (sum3 > 4294967295 && this.counts instanceof Uint32Array) this.counts = Float64Array.from(this.counts);
    this.counts[at] = sum3;
  }
  /** Grows the counted range to include `index`, in whole blocks of 1024 indexes (half an HDR bucket). */
  cover(index) {
    const lo = this.counts.length === 0 ? index : Math.min(this.offset, index);
    const hi = this.counts.length === 0 ? index : Math.max(this.offset + this.counts.length - 1, index);
    const from = lo - lo % SUB_BUCKET_HALF_COUNT;
    const to = hi - hi % SUB_BUCKET_HALF_COUNT + SUB_BUCKET_HALF_COUNT;
    const next = this.counts instanceof Float64Array ? new Float64Array(to - from) : new Uint32Array(to - from);
    if (this.counts.length > 0) next.set(this.counts, this.offset - from);
    this.counts = next;
    this.offset = from;
  }
  /** Takes the non-empty buckets of an empty histogram at once (ascending indexes, as readHdr gives them). */
  setCounts({ n, indexes: indexes2, counts: counts2 }) {
    if (n === 0) return;
    const first2 = indexes2[0];
    const last2 = indexes2[n - 1];
    const from = first2 - first2 % SUB_BUCKET_HALF_COUNT;
    const size = last2 - last2 % SUB_BUCKET_HALF_COUNT + SUB_BUCKET_HALF_COUNT - from;
    let wide = false;
    for (let k = 0; k < n; k++) if (counts2[k] > 4294967295) wide = true;
    const c2 = wide ? new Float64Array(size) : new Uint32Array(size);
    for (let k = 0; k < n; k++) c2[indexes2[k] - from] = counts2[k];
    this.counts = c2;
    this.offset = from;
  }
  /** A 32-bit count wrapped to 0: switch to 64-bit floats and put the count back. */
  widenCounts(wrapped) {
    const wide = Float64Array.from(this.counts);
    wide[wrapped] = 2 ** 32;
    this.counts = wide;
  }
  /**
   * Empties the histogram but keeps its counts array, for a histogram summed into again and again (the
   * scopes of a run document, one after the other): no fresh array of tens of kilobytes per scope.
   */
  clear() {
    this.counts.fill(0);
    this.pending = this.counts.length > 0 ? void 0 : NO_PENDING;
    this.count = 0;
    this.sum = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = Number.NEGATIVE_INFINITY;
    this.negatives = 0;
  }
  /** Adds another histogram of the same scale (exact: counts per bucket add up). */
  add(other) {
    if (other.scale !== this.scale) throw new Error(`cannot merge trend histograms of scale ${other.scale} and ${this.scale}`);
    if (other.count === 0) return;
    if (other.pending !== void 0) {
      for (const i of other.pending) this.addAt(i, 1);
    } else {
      const c2 = other.counts;
      let first2 = 0;
      while (first2 < c2.length && c2[first2] === 0) first2++;
      let last2 = c2.length - 1;
      while (last2 > first2 && c2[last2] === 0) last2--;
      if (first2 < c2.length) {
        this.addAt(first2 + other.offset, c2[first2]);
        if (last2 > first2) this.addAt(last2 + other.offset, c2[last2]);
        if (this.pending === void 0) {
          let counts2 = this.counts;
          const shift2 = other.offset - this.offset;
          for (let i = first2 + 1; i < last2; i++) {
            const n = c2[i];
            if (n === 0) continue;
            const sum3 = counts2[i + shift2] + n;
            if (sum3 > 4294967295 && counts2 instanceof Uint32Array) this.counts = counts2 = Float64Array.from(counts2);
            counts2[i + shift2] = sum3;
          }
        } else {
          for (let i = first2 + 1; i < last2; i++) if (c2[i] !== 0) this.addAt(i + other.offset, c2[i]);
        }
      }
    }
    this.count += other.count;
    this.sum += other.sum;
    this.negatives += other.negatives;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }
  /**
   * The buckets in trend units, ascending. Each bucket stands at its median equivalent value, except that
   * the lowest and highest are pinned to the exact min and max, so p(0) and p(100) are exact.
   */
  distribution() {
    const { n, indexes: indexes2, counts: counts2 } = this.nonEmpty();
    const out = [];
    for (let k = 0; k < n; k++) out.push({ value: medianEquivalent(indexes2[k]) / this.scale, count: counts2[k] });
    if (out.length === 1) {
      out[0] = { value: this.min === this.max ? this.min : this.sum / this.count, count: out[0].count };
    } else if (out.length > 1) {
      out[0] = { value: Math.max(this.min, 0), count: out[0].count };
      out[out.length - 1] = { value: this.max, count: out[out.length - 1].count };
    }
    return out;
  }
  encode() {
    const base = { count: this.count, sum: this.sum, min: this.count ? this.min : 0, max: this.count ? this.max : 0, scale: this.scale, hdr: writeHdrCounts(this.nonEmpty()) };
    return this.negatives > 0 ? { ...base, negatives: this.negatives } : base;
  }
  /** The non-empty buckets, ascending, in the shared scratch columns (overwritten by the next call). */
  nonEmpty() {
    let n = 0;
    const pending = this.pending;
    if (pending !== void 0) {
      const sorted = [...pending].sort((a, b) => a - b);
      ensureScratch(sorted.length);
      for (let i = 0; i < sorted.length; ) {
        let j = i + 1;
        while (j < sorted.length && sorted[j] === sorted[i]) j++;
        scratchIndexes[n] = sorted[i];
        scratchCounts[n++] = j - i;
        i = j;
      }
    } else {
      const c2 = this.counts;
      ensureScratch(c2.length);
      for (let i = 0; i < c2.length; i++) {
        if (c2[i] === 0) continue;
        scratchIndexes[n] = i + this.offset;
        scratchCounts[n++] = c2[i];
      }
    }
    return { n, indexes: scratchIndexes, counts: scratchCounts };
  }
  /** The histogram of an encoded trend; `scope` names it in the error for a text that is not one. */
  static decode(e, scope) {
    const t = new _TrendHistogram(e.scale);
    t.pending = void 0;
    const read = readHdr(e.hdr);
    if (typeof read === "string") throw new Error(`${scope === void 0 ? "a trend's" : `scope ${scope}: its`} histogram (hdr) is not HdrHistogram's V2 compressed base64: ${read}`);
    if (read.layout === PERF_GATE_LAYOUT) t.setCounts(read);
    else for (let k = 0; k < read.n; k++) t.addAt(countsIndex(hdrValueAt(read.layout, read.indexes[k])), read.counts[k]);
    t.count = e.count;
    t.sum = e.sum;
    t.min = e.count ? e.min : Number.POSITIVE_INFINITY;
    t.max = e.count ? e.max : Number.NEGATIVE_INFINITY;
    t.negatives = e.negatives ?? 0;
    return t;
  }
};
var NO_COUNTS = new Uint32Array(0);
var NO_PENDING = [];
var PENDING_LIMIT = 64;
var scratchIndexes = new Float64Array(4096);
var scratchCounts = new Float64Array(4096);
function ensureScratch(length) {
  if (length <= scratchIndexes.length) return;
  scratchIndexes = new Float64Array(length);
  scratchCounts = new Float64Array(length);
}
function log2Floor(v) {
  return v < TWO_322 ? 31 - Math.clz32(v) : 63 - Math.clz32(Math.floor(v / TWO_322));
}
function countsIndex(v) {
  const bucket = v > SUB_BUCKET_MASK ? log2Floor(v) - SUB_BUCKET_HALF_MAGNITUDE : 0;
  const sub = v < TWO_322 ? v >>> bucket : Math.floor(v / 2 ** bucket);
  return (bucket + 1 << SUB_BUCKET_HALF_MAGNITUDE) + sub - SUB_BUCKET_HALF_COUNT;
}
function lowestEquivalent(index) {
  let bucket = (index >> SUB_BUCKET_HALF_MAGNITUDE) - 1;
  let sub = (index & SUB_BUCKET_HALF_COUNT - 1) + SUB_BUCKET_HALF_COUNT;
  if (bucket < 0) {
    sub -= SUB_BUCKET_HALF_COUNT;
    bucket = 0;
  }
  return sub * POW2[bucket];
}
var POW2 = Array.from({ length: 64 }, (_, k) => 2 ** k);
function medianEquivalent(index) {
  const bucket = Math.max((index >> SUB_BUCKET_HALF_MAGNITUDE) - 1, 0);
  return lowestEquivalent(index) + Math.floor(2 ** bucket / 2);
}

// src/stats/assert-distribution.ts
function assertDistribution(d, name) {
  let previous = -Infinity;
  for (let i = 0; i < d.length; i++) {
    const b = d[i];
    if (!Number.isFinite(b.value)) throw new RangeError(`${name}: bucket ${i} has value ${b.value} (values must be finite)`);
    if (!Number.isSafeInteger(b.count) || b.count <= 0) {
      throw new RangeError(`${name}: bucket ${i} has count ${b.count} (counts must be positive integers)`);
    }
    if (i > 0 && !(b.value > previous)) {
      throw new RangeError(
        `${name}: bucket ${i} has value ${b.value} which is not above the previous value ${previous} (values must be ascending and distinct)`
      );
    }
    previous = b.value;
  }
}

// src/stats/insufficient.ts
function insufficient(reason, cause, side) {
  return { kind: "insufficient-data", reason, ...cause !== void 0 ? { cause } : {}, ...side !== void 0 ? { side } : {} };
}
function isInsufficient(x) {
  return typeof x === "object" && x !== null && x.kind === "insufficient-data";
}

// src/stats/interpolate.ts
function interpolate(a, b, f) {
  if (f === 0 || a === b) return a;
  const gap = b - a;
  const r = Number.isFinite(gap) ? a + gap * f : a * (1 - f) + b * f;
  return Math.min(Math.max(r, a), b);
}

// src/stats/percentile.ts
function percentile(d, p) {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile: p must be a fraction in [0, 1] but got ${p}`);
  assertDistribution(d, "percentile");
  return percentileAt(d.length, (i) => d[i].value, (i) => d[i].count, p);
}
function percentileAt(size, valueAt, countAt, p) {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile: p must be a fraction in [0, 1] but got ${p}`);
  let n = 0;
  for (let i2 = 0; i2 < size; i2++) n += countAt(i2);
  if (n === 0) return insufficient("no observations (empty distribution)");
  const rank = p * (n - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(Math.ceil(rank), n - 1);
  let cumulative = 0;
  let i = 0;
  while (cumulative + countAt(i) <= lo) cumulative += countAt(i++);
  const low = valueAt(i);
  while (cumulative + countAt(i) <= hi) cumulative += countAt(i++);
  return interpolate(low, valueAt(i), rank - lo);
}
function mean(d) {
  assertDistribution(d, "mean");
  let n = 0;
  let sum3 = 0;
  let compensation = 0;
  for (const b of d) {
    n += b.count;
    const term = b.value * b.count;
    const t = sum3 + term;
    compensation += Math.abs(sum3) >= Math.abs(term) ? sum3 - t + term : term - t + sum3;
    sum3 = t;
  }
  if (n === 0) return insufficient("no observations (empty distribution)");
  const m = (sum3 + compensation) / n;
  const first2 = d[0].value;
  const last2 = d[d.length - 1].value;
  if (Number.isFinite(m)) return Math.min(Math.max(m, first2), last2);
  let running = 0;
  let seen = 0;
  for (const b of d) {
    seen += b.count;
    const w = b.count / seen;
    running = running * (1 - w) + b.value * w;
  }
  return Math.min(Math.max(running, first2), last2);
}

// src/document/window-sketch.ts
var GAMMA = 1.02;
var LOG_GAMMA = Math.log(GAMMA);
var ZERO_KEY = -2147483647;
var DENSE_OFFSET = 1024;
var DENSE_SIZE = 2 * DENSE_OFFSET;
var EMPTY_KEYS = new Int32Array(0);
var EMPTY_COUNTS = new Float64Array(0);
var NO_DENSE = new Int32Array(0);
var GROW_BLOCK = 64;
var densePool = [];
var WindowSketch = class _WindowSketch {
  dense;
  /** The slot `dense[0]` counts: 0 for a whole dense counter, else where a growing one starts. */
  base = 0;
  /** A growing dense counter (`summing`): covers the slots in use only, grown on demand, never pooled. */
  growing = false;
  /** Slots in use lie in [lo, hi]: compaction scans only those (an endpoint spans a few hundred). */
  lo = DENSE_SIZE;
  hi = -1;
  keys = EMPTY_KEYS;
  counts = EMPTY_COUNTS;
  /** Keys outside the dense range, and values that arrive after compaction (late points). */
  extra;
  /** Starts a sketch that is about to be filled (dense counting). */
  static open() {
    const s = new _WindowSketch();
    s.dense = densePool.pop() ?? new Int32Array(DENSE_SIZE);
    return s;
  }
  /**
   * Starts a sketch that sums stored sketches (a window of merged shards): counted densely as by `open`, so
   * the same buckets and counts, but over the slots in use only — a merge keeps every window of a run open
   * at once, and a whole dense counter each would be 8 kB per window.
   */
  static summing() {
    const s = new _WindowSketch();
    s.dense = NO_DENSE;
    s.growing = true;
    return s;
  }
  record(value2, count2 = 1) {
    this.recordKey(value2 > 0 ? Math.ceil(Math.log(value2) / LOG_GAMMA) : ZERO_KEY, count2);
  }
  /** Same as `record(Math.exp(logValue))` for a positive value whose logarithm the caller already has. */
  recordLog(logValue) {
    this.recordKey(Math.ceil(logValue / LOG_GAMMA), 1);
  }
  recordKey(key, count2) {
    const slot = key + DENSE_OFFSET;
    if (this.dense !== void 0 && slot >= 0 && slot < DENSE_SIZE) {
      let at = slot - this.base;
      if (at < 0 || at >= this.dense.length) at = this.grow(slot);
      this.dense[at] += count2;
      if (slot < this.lo) this.lo = slot;
      if (slot > this.hi) this.hi = slot;
      return;
    }
    this.extra ??= /* @__PURE__ */ new Map();
    this.extra.set(key, (this.extra.get(key) ?? 0) + count2);
  }
  /** Widens a growing dense counter to cover `slot` (whole blocks of GROW_BLOCK slots); its index in `dense`. */
  grow(slot) {
    const dense = this.dense;
    const lo = dense.length === 0 ? slot : Math.min(this.base, slot);
    const hi = dense.length === 0 ? slot : Math.max(this.base + dense.length - 1, slot);
    const from = lo - lo % GROW_BLOCK;
    const to = hi - hi % GROW_BLOCK + GROW_BLOCK;
    const next = new Int32Array(to - from);
    if (dense.length > 0) next.set(dense, this.base - from);
    this.dense = next;
    this.base = from;
    return slot - from;
  }
  /** Compacted with nothing pending, so `encode` changes nothing (a window still being filled is not). */
  get settled() {
    return this.dense === void 0 && this.extra === void 0;
  }
  /** Everything it holds is in the dense counter: no bucket lists yet, no keys outside its range. */
  get denseOnly() {
    return this.dense !== void 0 && this.keys.length === 0 && this.extra === void 0;
  }
  /** Ends dense counting: the sketch shrinks to its non-empty buckets and gives its dense array back. */
  compact() {
    const dense = this.dense;
    if (dense !== void 0 && this.denseOnly) {
      let n = 0;
      const base = this.base;
      for (let slot = this.lo; slot <= this.hi; slot++) if (dense[slot - base] !== 0) n++;
      const keys = new Int32Array(n);
      const counts2 = new Float64Array(n);
      for (let slot = this.lo, j = 0; slot <= this.hi; slot++) {
        const c2 = dense[slot - base];
        if (c2 === 0) continue;
        keys[j] = slot - DENSE_OFFSET;
        counts2[j++] = c2;
        dense[slot - base] = 0;
      }
      this.keys = keys;
      this.counts = counts2;
      this.release(dense);
      return;
    }
    if (dense === void 0 && this.extra === void 0) return;
    const merged = /* @__PURE__ */ new Map();
    for (let i = 0; i < this.keys.length; i++) merged.set(this.keys[i], this.counts[i]);
    if (dense !== void 0) {
      for (let slot = this.lo; slot <= this.hi; slot++) {
        const c2 = dense[slot - this.base];
        if (c2 === 0) continue;
        const key = slot - DENSE_OFFSET;
        merged.set(key, (merged.get(key) ?? 0) + c2);
        dense[slot - this.base] = 0;
      }
      this.release(dense);
    }
    if (this.extra) for (const [k, c2] of this.extra) merged.set(k, (merged.get(k) ?? 0) + c2);
    this.extra = void 0;
    const sorted = [...merged.entries()].sort((a, b) => a[0] - b[0]);
    this.keys = Int32Array.from(sorted, (e) => e[0]);
    this.counts = Float64Array.from(sorted, (e) => e[1]);
  }
  /** Gives the (zeroed) dense counter back to the pool. */
  release(dense) {
    if (!this.growing) densePool.push(dense);
    this.dense = void 0;
    this.base = 0;
    this.growing = false;
    this.lo = DENSE_SIZE;
    this.hi = -1;
  }
  add(other) {
    other.compact();
    if (this.dense !== void 0) {
      for (let i2 = 0; i2 < other.keys.length; i2++) this.recordKey(other.keys[i2], other.counts[i2]);
      return;
    }
    this.compact();
    const a = this.keys;
    const b = other.keys;
    const keys = new Int32Array(a.length + b.length);
    const counts2 = new Float64Array(a.length + b.length);
    let i = 0;
    let j = 0;
    let n = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || i < a.length && a[i] < b[j]) {
        keys[n] = a[i];
        counts2[n++] = this.counts[i++];
      } else if (i >= a.length || b[j] < a[i]) {
        keys[n] = b[j];
        counts2[n++] = other.counts[j++];
      } else {
        keys[n] = a[i];
        counts2[n++] = this.counts[i++] + other.counts[j++];
      }
    }
    this.keys = keys.slice(0, n);
    this.counts = counts2.slice(0, n);
  }
  /** Buckets ascending, each at the value it stands for. */
  distribution() {
    this.compact();
    return Array.from(this.keys, (k, i) => ({ value: keyValue(k), count: this.counts[i] }));
  }
  /** `percentile(this.distribution(), p)`, without building the buckets (charts ask for it per window). */
  percentile(p) {
    const dense = this.dense;
    if (dense !== void 0 && this.denseOnly) {
      const { lo, base } = this;
      return percentileAt(Math.max(0, this.hi - lo + 1), (i) => keyValue(lo + i - DENSE_OFFSET), (i) => dense[lo + i - base], p);
    }
    this.compact();
    const keys = this.keys;
    const counts2 = this.counts;
    return percentileAt(keys.length, (i) => keyValue(keys[i]), (i) => counts2[i], p);
  }
  /** Empties the sketch, giving its dense counter back to the pool: a sum that was only read (a chart's group). */
  discard() {
    const dense = this.dense;
    if (dense !== void 0) {
      for (let slot = this.lo; slot <= this.hi; slot++) dense[slot - this.base] = 0;
      this.release(dense);
    }
    this.keys = EMPTY_KEYS;
    this.counts = EMPTY_COUNTS;
    this.extra = void 0;
  }
  /** Flat `[key, count, key, count, …]`, keys ascending: compact in JSON and exact to merge. */
  encode() {
    this.compact();
    const out = new Array(2 * this.keys.length);
    for (let i = 0; i < this.keys.length; i++) {
      out[2 * i] = this.keys[i];
      out[2 * i + 1] = this.counts[i];
    }
    return out;
  }
  /** Same as `add(WindowSketch.decode(flat))`, without building the decoded sketch (merging shards' windows). */
  addEncoded(flat2) {
    const n = flat2.length >> 1;
    let plain = this.dense !== void 0;
    for (let i = 0; plain && i < n; i++) {
      const key = flat2[2 * i];
      if ((key | 0) !== key || i > 0 && key <= flat2[2 * i - 2]) plain = false;
    }
    if (!plain) {
      this.add(_WindowSketch.decode(flat2));
      return;
    }
    for (let i = 0; i < n; i++) this.recordKey(flat2[2 * i], flat2[2 * i + 1]);
  }
  static decode(flat2) {
    const s = new _WindowSketch();
    const n = flat2.length >> 1;
    const keys = new Int32Array(n);
    const counts2 = new Float64Array(n);
    let ascending = true;
    for (let i = 0; i < n; i++) {
      keys[i] = flat2[2 * i];
      counts2[i] = flat2[2 * i + 1];
      if (keys[i] !== flat2[2 * i] || i > 0 && keys[i] <= keys[i - 1]) ascending = false;
    }
    if (ascending) {
      s.keys = keys;
      s.counts = counts2;
      return s;
    }
    for (let i = 0; i + 1 < flat2.length; i += 2) s.recordKey(flat2[i], flat2[i + 1]);
    s.compact();
    return s;
  }
};
function keyValue(key) {
  if (key === ZERO_KEY) return 0;
  return 2 * GAMMA ** key / (GAMMA + 1);
}

// src/document/accumulators.ts
function newTotals(type, scale) {
  switch (type) {
    case "trend":
      return { type, histogram: new TrendHistogram(scale) };
    case "counter":
      return { type, count: 0, samples: 0 };
    case "rate":
      return { type, passes: 0, fails: 0 };
    case "gauge":
      return { type, value: 0, valueTime: Number.NEGATIVE_INFINITY, min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY, samples: 0 };
  }
}
function recordTotal(t, timeMs, value2) {
  switch (t.type) {
    case "trend":
      t.histogram.record(value2);
      return;
    case "counter":
      t.count += value2;
      t.samples++;
      return;
    case "rate":
      if (value2 !== 0) t.passes++;
      else t.fails++;
      return;
    case "gauge":
      if (timeMs >= t.valueTime) {
        t.value = value2;
        t.valueTime = timeMs;
      }
      if (value2 < t.min) t.min = value2;
      if (value2 > t.max) t.max = value2;
      t.samples++;
      return;
  }
}
function addTotals(into, from) {
  switch (into.type) {
    case "trend":
      if (from.type === "trend") into.histogram.add(from.histogram);
      return;
    case "counter":
      if (from.type === "counter") {
        into.count += from.count;
        into.samples += from.samples;
      }
      return;
    case "rate":
      if (from.type === "rate") {
        into.passes += from.passes;
        into.fails += from.fails;
      }
      return;
    case "gauge":
      if (from.type === "gauge" && from.samples > 0) {
        if (from.valueTime >= into.valueTime) {
          into.value = from.value;
          into.valueTime = from.valueTime;
        }
        if (from.min < into.min) into.min = from.min;
        if (from.max > into.max) into.max = from.max;
        into.samples += from.samples;
      }
      return;
  }
}
var WindowTotals = class {
  /**
   * @param sketch for a trend window: 'filling' while points are recorded into it (counts densely until
   *   closed), 'summing' while stored windows add into it (WindowSketch.summing), 'stored' otherwise.
   */
  constructor(type, sketch = "stored") {
    this.type = type;
    if (type === "trend") this.sketch = sketch === "filling" ? WindowSketch.open() : sketch === "summing" ? WindowSketch.summing() : new WindowSketch();
  }
  type;
  count = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  sumLog = 0;
  sumLogSq = 0;
  passes = 0;
  last = 0;
  lastTime = Number.NEGATIVE_INFINITY;
  sketch;
  /** A value of a trend window (the hot path of ingest, so no type switch). */
  recordTrend(value2) {
    this.count++;
    this.sum += value2;
    if (value2 < this.min) this.min = value2;
    if (value2 > this.max) this.max = value2;
    if (value2 > 0) {
      const l = Math.log(value2);
      this.sumLog += l;
      this.sumLogSq += l * l;
      this.sketch.recordLog(l);
    } else {
      this.sketch.record(value2);
    }
  }
  record(timeMs, value2) {
    switch (this.type) {
      case "trend":
        this.recordTrend(value2);
        return;
      case "counter":
        this.count += value2;
        return;
      case "rate":
        this.count++;
        if (value2 !== 0) this.passes++;
        return;
      case "gauge":
        this.count++;
        if (value2 < this.min) this.min = value2;
        if (value2 > this.max) this.max = value2;
        if (timeMs >= this.lastTime) {
          this.last = value2;
          this.lastTime = timeMs;
        }
        return;
    }
  }
  /** The window is complete (its run moved on): shrink it to what it holds. */
  close() {
    this.sketch?.compact();
  }
  /** Encoding it changes nothing: no sketch, or a settled one. */
  get settled() {
    return this.sketch?.settled ?? true;
  }
  add(o) {
    this.count += o.count;
    this.sum += o.sum;
    this.sumLog += o.sumLog;
    this.sumLogSq += o.sumLogSq;
    this.passes += o.passes;
    if (o.min < this.min) this.min = o.min;
    if (o.max > this.max) this.max = o.max;
    if (o.lastTime >= this.lastTime) {
      this.last = o.last;
      this.lastTime = o.lastTime;
    }
    if (this.sketch && o.sketch) this.sketch.add(o.sketch);
  }
  /**
   * Adds a stored window of `type` (its scope's) that starts at `atMs`: the same as `add` of the totals it
   * decodes to — whose other fields are 0 or ±∞, which add nothing — without building them.
   */
  addStored(type, w, atMs) {
    this.count += w.count;
    let last2 = 0;
    switch (type) {
      case "trend": {
        const t = w;
        this.sum += t.sum;
        this.sumLog += t.sumLog;
        this.sumLogSq += t.sumLogSq;
        if (t.min < this.min) this.min = t.min;
        if (t.max > this.max) this.max = t.max;
        this.sketch?.addEncoded(t.sketch);
        break;
      }
      case "counter":
        break;
      case "rate":
        this.passes += w.passes;
        break;
      case "gauge": {
        const g = w;
        if (g.min < this.min) this.min = g.min;
        if (g.max > this.max) this.max = g.max;
        last2 = g.last;
        break;
      }
    }
    if (atMs >= this.lastTime) {
      this.last = last2;
      this.lastTime = atMs;
    }
  }
};

// src/document/run-document.ts
import { z } from "zod";

// src/document/schema-version.ts
var RUN_DOCUMENT_SCHEMA = "perf-gate/run@1";

// src/document/run-document.ts
var MetricTypeSchema = z.enum(["trend", "counter", "rate", "gauge"]);
var EncodedTrendSchema = z.object({
  count: z.number().int().nonnegative(),
  sum: z.number(),
  min: z.number(),
  max: z.number(),
  scale: z.number().positive(),
  hdr: z.string(),
  negatives: z.number().int().nonnegative().optional()
});
var ReportedValuesSchema = z.record(z.string(), z.number());
var ScopeBase = { metric: z.string(), tags: z.record(z.string(), z.string()) };
var RateCountsSchema = z.object({ passes: z.number().int().nonnegative(), fails: z.number().int().nonnegative() });
var TrendScopeSchema = z.object({ ...ScopeBase, type: z.literal("trend"), trend: EncodedTrendSchema });
var CounterScopeSchema = z.object({ ...ScopeBase, type: z.literal("counter"), counter: z.object({ count: z.number(), samples: z.number().int().nonnegative() }) });
var FailureSignatureSchema = z.object({
  status: z.string().optional(),
  errorCode: z.string().optional(),
  other: z.literal(true).optional(),
  failed: z.number().int().positive()
}).strict();
var RateScopeSchema = z.object({ ...ScopeBase, type: z.literal("rate"), rate: RateCountsSchema, signatures: z.array(FailureSignatureSchema).optional() });
var GaugeScopeSchema = z.object({ ...ScopeBase, type: z.literal("gauge"), gauge: z.object({ value: z.number(), min: z.number(), max: z.number(), samples: z.number().int().nonnegative() }) });
var MeasuredScopeSchema = z.discriminatedUnion("type", [TrendScopeSchema, CounterScopeSchema, RateScopeSchema, GaugeScopeSchema]);
var ReportedScopeSchema = z.object({ ...ScopeBase, type: MetricTypeSchema, reported: ReportedValuesSchema, rate: RateCountsSchema.optional() });
var ScopeSchema = z.union([ReportedScopeSchema, MeasuredScopeSchema]);
function isReported(scope) {
  return "reported" in scope;
}
var WindowBase = { i: z.number().int(), count: z.number().nonnegative() };
var TrendWindowSchema = z.object({
  ...WindowBase,
  sum: z.number(),
  min: z.number(),
  max: z.number(),
  /** Σ ln(v) and Σ ln(v)² over positive values: the within-window spread on the log scale. */
  sumLog: z.number(),
  sumLogSq: z.number(),
  /** Window sketch, flat [key, count, …] (±1 % log buckets). */
  sketch: z.array(z.number())
}).strict();
var CounterWindowSchema = z.object(WindowBase).strict();
var RateWindowSchema = z.object({ ...WindowBase, passes: z.number().int().nonnegative() }).strict();
var GaugeWindowSchema = z.object({ ...WindowBase, min: z.number(), max: z.number(), last: z.number() }).strict();
var WINDOW_SCHEMAS = { trend: TrendWindowSchema, counter: CounterWindowSchema, rate: RateWindowSchema, gauge: GaugeWindowSchema };
var WindowSchema = z.union([TrendWindowSchema, GaugeWindowSchema, RateWindowSchema, CounterWindowSchema]);
function windowFits(type, w) {
  if (typeof w !== "object" || w === null) return false;
  const o = w;
  if (!(isFinite(o["i"]) && Number.isInteger(o["i"]) && isFinite(o["count"]) && o["count"] >= 0)) return false;
  let fields;
  switch (type) {
    case "trend": {
      if (!(isFinite(o["sum"]) && isFinite(o["min"]) && isFinite(o["max"]) && isFinite(o["sumLog"]) && isFinite(o["sumLogSq"]))) return false;
      const sketch = o["sketch"];
      if (!Array.isArray(sketch)) return false;
      for (let k = 0; k < sketch.length; k++) if (!isFinite(sketch[k])) return false;
      fields = 8;
      break;
    }
    case "counter":
      fields = 2;
      break;
    case "rate":
      if (!(isFinite(o["passes"]) && Number.isInteger(o["passes"]) && o["passes"] >= 0)) return false;
      fields = 3;
      break;
    case "gauge":
      if (!(isFinite(o["min"]) && isFinite(o["max"]) && isFinite(o["last"]))) return false;
      fields = 5;
      break;
  }
  const expected = WINDOW_FIELDS[type];
  let n = 0;
  for (const key in o) {
    if (n >= fields || key !== expected[n] && !expected.includes(key)) return false;
    n++;
  }
  return n === fields;
}
function isWindowOf(type, w) {
  return windowFits(type, w) || WINDOW_SCHEMAS[type].safeParse(w).success;
}
var WINDOW_FIELDS = {
  trend: ["i", "count", "sum", "min", "max", "sumLog", "sumLogSq", "sketch"],
  counter: ["i", "count"],
  rate: ["i", "count", "passes"],
  gauge: ["i", "count", "min", "max", "last"]
};
function isFinite(v) {
  return typeof v === "number" && Number.isFinite(v);
}
var MemorySampleSchema = z.object({
  /** Unix milliseconds. */
  t: z.number(),
  rssBytes: z.number().nonnegative(),
  heapUsedBytes: z.number().nonnegative().optional(),
  // What a Prometheus client's /metrics page tells besides memory, for "which resource moved with the
  // latency" (gate/resources.ts). Counters are cumulative since the process started, as exposed.
  /** `process_cpu_seconds_total`: user + system CPU seconds of the service process. */
  cpuSeconds: z.number().nonnegative().optional(),
  /** Σ `nodejs_gc_duration_seconds_sum` over GC kinds: seconds the service spent collecting garbage. */
  gcSeconds: z.number().nonnegative().optional(),
  /** `nodejs_eventloop_lag_p99_seconds`: the event loop's p99 delay since the previous scrape (prom-client resets it per scrape). */
  eventLoopLagP99Seconds: z.number().nonnegative().optional(),
  /** `process_open_fds`: open file descriptors, sockets included (connections held by the service). */
  openFds: z.number().nonnegative().optional()
});
var SourceSchema = z.object({
  file: z.string(),
  /** The reader that read it: `k6-ndjson`, `k6-csv`, `k6-summary-export`, `k6-handle-summary`, `k6-machine-readable-summary`, `embedded`, … (open: new tools add formats). */
  format: z.string().min(1),
  lines: z.number().int().nonnegative(),
  partial: z.boolean()
});
var ShardRecordSchema = z.object({
  /** 1-based, ≤ count. */
  index: z.number().int().positive(),
  count: z.number().int().positive(),
  /** `1/4:1/2`. */
  segment: z.string().min(1),
  /** `0,1/4,1/2,3/4,1`. */
  sequence: z.string().min(1),
  /** Hex SHA-256 of the script file's bytes. */
  scriptHash: z.string().min(1),
  /** ISO 8601: when this shard's load tool was started. */
  startedAt: z.string(),
  /** ISO 8601: the common start all shards waited for (`--start-at`), if any. */
  startAt: z.string().optional(),
  /** The shard's region (`--region`), for per-region figures. */
  region: z.string().optional(),
  /**
   * The script's thresholds by metric (`k6 inspect`): off in the shard, judged once on the merged run.
   * Absent when they could not be read, and in documents of older versions.
   */
  thresholds: z.record(z.string(), z.array(z.string())).optional()
});
var ShardsSummarySchema = z.object({
  count: z.number().int().positive(),
  sequence: z.string(),
  scriptHash: z.string(),
  /** The merged shards in index order. */
  members: z.array(z.object({
    index: z.number().int().positive(),
    segment: z.string(),
    /** Requests (the requests role's count) this shard made. */
    requests: z.number().nonnegative(),
    startedAt: z.string(),
    region: z.string().optional()
  })),
  /** Shards of the sequence no document was given for (only with allowMissingShards). */
  missing: z.array(z.object({ index: z.number().int().positive(), segment: z.string() })),
  /** Latest minus earliest `startedAt`, seconds. */
  startSpreadSeconds: z.number().nonnegative(),
  /** The script's thresholds the shards recorded (every shard the same), for the merged run's verdict. */
  thresholds: z.record(z.string(), z.array(z.string())).optional()
});
var RunDocumentSchema = z.object({
  schema: z.literal(RUN_DOCUMENT_SCHEMA),
  meta: z.object({
    /** The load tool: `k6`, `embedded`, … (open: new tools add names). */
    tool: z.string().min(1),
    /**
     * The tool's names for what the gate judges: the request latency, the request count and the failed
     * requests. Absent in older documents, which are k6's (http_req_duration, http_reqs, http_req_failed).
     */
    roles: z.object({ latency: z.string(), requests: z.string(), failures: z.string() }).optional(),
    toolVersion: z.string().optional(),
    stage: z.string().optional(),
    /** ISO 8601. */
    start: z.string(),
    end: z.string(),
    durationSeconds: z.number().nonnegative(),
    gitSha: z.string().optional(),
    labels: z.record(z.string(), z.string()),
    /** Read only up to a break (k6 killed, truncated file): numbers cover what was measured. */
    partial: z.boolean(),
    /** Aggregates only (summary JSON): distribution tests do not apply. */
    aggregateOnly: z.boolean(),
    groupBy: z.array(z.string()),
    sources: z.array(SourceSchema),
    warnings: z.array(z.string()),
    /** This document is one shard of a distributed test. Absent otherwise (and in older documents). */
    shard: ShardRecordSchema.optional(),
    /** This document is the merge of shards. Absent otherwise (and in older documents). */
    shards: ShardsSummarySchema.optional()
  }),
  metrics: z.record(z.string(), z.object({
    type: MetricTypeSchema,
    contains: z.enum(["time", "data", "default"]),
    thresholds: z.array(z.string()),
    /** Tag keys the metric's points carried (sorted, at most 64), so a policy naming another tag can be told so. Absent in older documents and summaries. */
    tags: z.array(z.string()).optional()
  })),
  scopes: z.record(z.string(), ScopeSchema),
  windows: z.object({
    originMs: z.number(),
    widthMs: z.number().positive(),
    // Checked window by window against its scope's type in superRefine (windowFits, by hand: a document of
    // 64 merged shards holds a million windows, and a zod union per window cost seconds; even zod's own walk
    // of each list, one custom check per window, doubled the validation of bench:merge's 64 shards, 130 → 280 ms).
    series: z.record(z.string(), z.custom((a) => Array.isArray(a), { message: "not a list of windows" }))
  }),
  memory: z.object({ source: z.string(), samples: z.array(MemorySampleSchema) }).optional()
}).superRefine((doc, ctx) => {
  for (const [name, windows] of Object.entries(doc.windows.series)) {
    const scope = doc.scopes[name];
    if (!scope) {
      ctx.addIssue({ code: "custom", path: ["windows", "series", name], message: `series '${name}' has no scope of that name` });
      continue;
    }
    windows.forEach((w, k) => {
      if (!isWindowOf(scope.type, w)) ctx.addIssue({ code: "custom", path: ["windows", "series", name, k], message: `not a ${scope.type} window, as its scope is` });
    });
  }
});

// src/document/by-type.ts
function seriesOf(doc, name) {
  const scope = doc.scopes[name];
  if (!scope || isReported(scope)) return void 0;
  const windows = doc.windows.series[name] ?? [];
  switch (scope.type) {
    case "trend":
      return { type: "trend", windows };
    case "counter":
      return { type: "counter", windows };
    case "rate":
      return { type: "rate", windows };
    case "gauge":
      return { type: "gauge", windows };
  }
}
function windowsOf(doc, name, type) {
  const series = seriesOf(doc, name);
  return series?.type === type ? series.windows : [];
}
function scopeOf(doc, name, type) {
  const scope = doc.scopes[name];
  return scope && !isReported(scope) && scope.type === type ? scope : void 0;
}
function reportedScopeOf(doc, name) {
  const scope = doc.scopes[name];
  return scope && isReported(scope) ? scope : void 0;
}

// src/document/failure-signatures.ts
var MAX_SIGNATURES_PER_SCOPE = 20;
var MAX_SIGNATURE_KEYS = 200;
var OTHER_SIGNATURE = "other";
var SEPARATOR = "\0";
function signatureKey(tags) {
  return `${tags["status"] ?? ""}${SEPARATOR}${tags["error_code"] ?? ""}`;
}
function keyOfSignature(s) {
  return s.other ? OTHER_SIGNATURE : `${s.status ?? ""}${SEPARATOR}${s.errorCode ?? ""}`;
}
function signatureList(counts2) {
  let other = counts2.get(OTHER_SIGNATURE) ?? 0;
  const named = [...counts2].filter(([k, n]) => k !== OTHER_SIGNATURE && n > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [, n] of named.slice(MAX_SIGNATURES_PER_SCOPE)) other += n;
  const out = named.slice(0, MAX_SIGNATURES_PER_SCOPE).map(([key, failed]) => {
    const [status, errorCode] = key.split(SEPARATOR);
    return { ...status !== "" ? { status } : {}, ...errorCode !== "" ? { errorCode } : {}, failed };
  });
  if (other > 0) out.push({ other: true, failed: other });
  return out;
}
function addSignatureLists(a, b) {
  const counts2 = /* @__PURE__ */ new Map();
  for (const s of [...a, ...b]) counts2.set(keyOfSignature(s), (counts2.get(keyOfSignature(s)) ?? 0) + s.failed);
  return signatureList(counts2);
}

// src/document/roles.ts
var K6_ROLES = { latency: "http_req_duration", requests: "http_reqs", failures: "http_req_failed" };

// src/document/run-span.ts
var SPAN_RULE = { maxShare: 0.01, minGapMs: 5e3, gapRatio: 0.1 };
function runSpan(bins, rule = SPAN_RULE) {
  const n = bins.length;
  if (n === 0) return void 0;
  let points = 0;
  let requests = 0;
  let iterations = 0;
  for (const b of bins) {
    points += b.points;
    requests += b.requests;
    iterations += b.iterations;
  }
  const reference = requests > 0 ? "requests" : iterations > 0 ? "iterations" : "points";
  const refOf = (b) => reference === "requests" ? b.requests : reference === "iterations" ? b.iterations : b.points;
  const maxPoints = rule.maxShare * points;
  const maxRefs = rule.maxShare * (reference === "requests" ? requests : reference === "iterations" ? iterations : points);
  const farEnough = (gapMs, restMs) => gapMs >= Math.max(rule.minGapMs, rule.gapRatio * restMs);
  let lo = 0;
  let hi = n - 1;
  for (let changed = true; changed; ) {
    changed = false;
    let p = 0;
    let r = 0;
    let cut = -1;
    for (let i = 0; i < hi; i++) {
      p += bins[i].points;
      r += refOf(bins[i]);
      if (p > maxPoints || r > maxRefs) break;
      if (i >= lo - 1 && farEnough(bins[i + 1].firstMs - bins[i].lastMs, bins[hi].lastMs - bins[i + 1].firstMs)) cut = i;
    }
    if (cut + 1 > lo) {
      lo = cut + 1;
      changed = true;
    }
    p = 0;
    r = 0;
    cut = n;
    for (let i = n - 1; i > lo; i--) {
      p += bins[i].points;
      r += refOf(bins[i]);
      if (p > maxPoints || r > maxRefs) break;
      if (i <= hi + 1 && farEnough(bins[i].firstMs - bins[i - 1].lastMs, bins[i - 1].lastMs - bins[lo].firstMs)) cut = i;
    }
    if (cut - 1 < hi) {
      hi = cut - 1;
      changed = true;
    }
  }
  const setAside = [];
  if (lo > 0) setAside.push(part("before", bins.slice(0, lo), bins[lo].firstMs - bins[lo - 1].lastMs));
  if (hi < n - 1) setAside.push(part("after", bins.slice(hi + 1), bins[hi + 1].firstMs - bins[hi].lastMs));
  return { firstMs: bins[lo].firstMs, lastMs: bins[hi].lastMs, setAside };
}
function part(side, bins, gapMs) {
  let points = 0;
  const metrics = /* @__PURE__ */ new Set();
  for (const b of bins) {
    points += b.points;
    for (let id = 0; id < 31; id++) if (b.metrics & 1 << id) metrics.add(id);
    if (b.moreMetrics) for (const id of b.moreMetrics) metrics.add(id);
  }
  return { side, points, metrics: [...metrics].sort((a, b) => a - b), firstMs: bins[0].firstMs, lastMs: bins.at(-1).lastMs, gapMs };
}
function setAsideWarning(s, metricNames, span) {
  const names = s.metrics.map((id) => metricNames[id] ?? `#${id}`);
  const listed = names.length > 5 ? `${names.slice(0, 5).join(", ")} and ${names.length - 5} more` : names.join(", ");
  const when = s.firstMs === s.lastMs ? `at ${iso(s.firstMs)}` : `from ${iso(s.firstMs)} to ${iso(s.lastMs)}`;
  const plural2 = s.points === 1 ? "point" : "points";
  return `set aside ${s.points} ${plural2} (${listed}) ${when}, ${formatSpan(s.gapMs)} ${s.side} the rest of the run: so few points this far from its bulk are not part of the load (a clock jump, or lines of another run?). The run's start, end, duration (${formatSpan(span.lastMs - span.firstMs)} without them) and windows leave them out; their values still count in the totals`;
}
function iso(ms) {
  return new Date(ms).toISOString();
}
function formatSpan(ms) {
  if (ms < 1e3) return `${Math.round(ms)} ms`;
  const s = ms / 1e3;
  if (s < 60) return `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`;
  const whole = Math.round(s);
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${whole % 60} s`;
  const minutes = Math.round(whole / 60);
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

// src/document/name-template.ts
var ID_SEGMENT = "{id}";
var QUERY_VALUE = "{}";
var METHOD_PREFIX = /^([A-Z]{3,10}) (.*)$/s;
var SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
var HEX = /^[0-9a-f]{8,}$/i;
function isIdSegment(segment) {
  if (segment === "") return false;
  if (/^\d+$/.test(segment)) return true;
  if (segment.length === 36 && UUID.test(segment)) return true;
  return HEX.test(segment) && /\d/.test(segment);
}
function templateName(value2) {
  let method = "";
  let rest = value2;
  const m = METHOD_PREFIX.exec(value2);
  if (m) {
    method = `${m[1]} `;
    rest = m[2];
  }
  let origin = "";
  const scheme = SCHEME.exec(rest);
  if (scheme) {
    const afterScheme = scheme[0].length;
    let end = rest.length;
    for (const c2 of ["/", "?", "#"]) {
      const at = rest.indexOf(c2, afterScheme);
      if (at >= 0 && at < end) end = at;
    }
    origin = rest.slice(0, end);
    rest = rest.slice(end);
  } else if (!rest.startsWith("/")) {
    return value2;
  }
  const hash = rest.indexOf("#");
  if (hash >= 0) rest = rest.slice(0, hash);
  const q = rest.indexOf("?");
  const path = q >= 0 ? rest.slice(0, q) : rest;
  const query = q >= 0 ? rest.slice(q + 1) : void 0;
  const segments = path.split("/").map((s) => isIdSegment(s) ? ID_SEGMENT : s);
  const params = query === void 0 ? void 0 : query.split("&").map((p) => {
    const eq = p.indexOf("=");
    return eq < 0 ? p : `${p.slice(0, eq)}=${QUERY_VALUE}`;
  });
  const out = `${method}${origin}${segments.join("/")}${params === void 0 ? "" : `?${params.join("&")}`}`;
  return out === value2 ? value2 : out;
}

// src/document/scope-cardinality.ts
var OTHER_VALUE = "(other)";
var DEFAULT_MAX_SCOPES = 500;
var TRACKED_PER_SCOPE = 20;
var MAX_REMEMBERED = 1e5;
var CACHE_LIMIT = 5e4;
var ScopeCardinality = class {
  constructor(maxScopes = DEFAULT_MAX_SCOPES) {
    this.maxScopes = maxScopes;
    if (!Number.isInteger(maxScopes) || maxScopes < 1) throw new RangeError(`maxScopes must be a whole number \u2265 1, got ${maxScopes}`);
    this.tracked = TRACKED_PER_SCOPE * maxScopes;
  }
  maxScopes;
  tags = /* @__PURE__ */ new Map();
  tracked;
  /** The scope value of a point whose `tag` is `raw`: its template, or `(other)` once the tag has too many. */
  value(tag, raw) {
    let state = this.tags.get(tag);
    if (state === void 0) {
      state = { cache: /* @__PURE__ */ new Map(), values: /* @__PURE__ */ new Set(), collapsed: /* @__PURE__ */ new Set(), templates: /* @__PURE__ */ new Map(), overflowed: /* @__PURE__ */ new Set(), pinned: /* @__PURE__ */ new Set(), tagObjects: /* @__PURE__ */ new Map() };
      this.tags.set(tag, state);
    }
    const cached = state.cache.get(raw);
    if (cached !== void 0) return cached;
    let value2 = templateName(raw);
    if (value2 !== raw && state.collapsed.size < MAX_REMEMBERED && !state.collapsed.has(raw)) {
      state.collapsed.add(raw);
      state.templates.set(value2, (state.templates.get(value2) ?? 0) + 1);
    }
    if (!state.values.has(value2) && value2 !== OTHER_VALUE) {
      if (state.values.size < this.tracked) {
        state.values.add(value2);
      } else {
        if (state.overflowed.size < MAX_REMEMBERED) state.overflowed.add(value2);
        value2 = OTHER_VALUE;
      }
    }
    if (state.cache.size >= CACHE_LIMIT) state.cache.clear();
    state.cache.set(raw, value2);
    return value2;
  }
  /** `{ [tag]: value }`, one object per value however many leaves use it. */
  tagsOf(tag, value2) {
    const state = this.tags.get(tag);
    if (state === void 0) return { [tag]: value2 };
    let t = state.tagObjects.get(value2);
    if (t === void 0) {
      t = Object.freeze({ [tag]: value2 });
      if (state.tagObjects.size < CACHE_LIMIT) state.tagObjects.set(value2, t);
    }
    return t;
  }
  /** Keeps `value` of `tag` out of `(other)`: a submetric names it, so its scopes must stay whole. */
  pin(tag, value2) {
    if (value2 !== OTHER_VALUE) this.tags.get(tag)?.pinned.add(value2);
  }
  /**
   * The values to fold into `(other)`, per tag: all but the `maxScopes` busiest (most requests, then most
   * points, then by name; values a submetric names come first), with a warning for each tag that had more.
   */
  fold(weights) {
    const folded = /* @__PURE__ */ new Map();
    const warnings = [];
    for (const [tag, byValue] of [...weights].sort((a, b) => compareText(a[0], b[0]))) {
      const overflowed = this.tags.get(tag)?.overflowed.size ?? 0;
      const pinned = this.tags.get(tag)?.pinned ?? /* @__PURE__ */ new Set();
      const rank = (v) => pinned.has(v) ? 0 : 1;
      const ranked = [...byValue].filter(([v]) => v !== OTHER_VALUE).sort((a, b) => rank(a[0]) - rank(b[0]) || b[1].requests - a[1].requests || b[1].points - a[1].points || compareText(a[0], b[0]));
      if (ranked.length <= this.maxScopes && overflowed === 0) continue;
      const rest = ranked.slice(Math.max(this.maxScopes, ranked.filter(([v]) => pinned.has(v)).length));
      folded.set(tag, new Set(rest.map(([v]) => v)));
      const other = byValue.get(OTHER_VALUE);
      const requests = rest.reduce((n, [, w]) => n + w.requests, other?.requests ?? 0);
      const values = rest.length + overflowed;
      const late = overflowed > 0 ? ` (${count(overflowed, "value", MAX_REMEMBERED)} first seen after the first ${this.tracked.toLocaleString("en")} went there directly, to bound memory)` : "";
      warnings.push(
        `'${tag}' has ${count(ranked.length + overflowed, "distinct value", overflowed >= MAX_REMEMBERED ? 0 : Number.POSITIVE_INFINITY)}, more than maxScopes (${this.maxScopes}): kept the ${this.maxScopes} with the most requests (then points, then by name) and grouped the other ${values.toLocaleString("en")} (${requests.toLocaleString("en")} requests) into '${tag}:${OTHER_VALUE}' for every metric${late}. Name the requests in the k6 script (tags: { ${tag}: '\u2026' }) or raise maxScopes in perf-gate.yml`
      );
    }
    return { folded, warnings };
  }
  /** One warning for every tag whose URL-like values were collapsed into templates, or none. */
  templateWarning() {
    const parts = [];
    for (const [tag, state] of [...this.tags].sort((a, b) => compareText(a[0], b[0]))) {
      if (state.collapsed.size === 0) continue;
      const examples = [...state.templates].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0])).slice(0, 3).map(([t]) => `'${t}'`);
      const more = state.templates.size > examples.length ? ", \u2026" : "";
      parts.push(`${count(state.collapsed.size, `distinct '${tag}' value`, MAX_REMEMBERED)} into ${count(state.templates.size, "template")} (${examples.join(", ")}${more})`);
    }
    if (parts.length === 0) return void 0;
    return `collapsed ${parts.join("; ")}: these are URLs, as k6 names a request by its URL when the script does not name it, so ids in paths would make one scope per id; numbers, UUIDs and long hex strings in the path became {id} and query values {}. Name the requests in the k6 script to choose the endpoints yourself: http.get(url, { tags: { name: 'GET /api/alerts/{id}' } }), or build the URL with http.url\`\u2026/api/alerts/\${id}\` (k6 then names it by the template)`;
  }
};
function count(n, noun, limit = Number.POSITIVE_INFINITY) {
  return `${n >= limit ? "more than " : ""}${n.toLocaleString("en")} ${noun}${n === 1 ? "" : "s"}`;
}
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/document/selector.ts
function scopeName(metric, tags) {
  const parts = Object.entries(tags).map(([k, v]) => `${k}:${v}`);
  return parts.length === 0 ? metric : `${metric}{${parts.join(",")}}`;
}

// src/document/time-profile.ts
var MAX_BINS = 1e5;
var TimeProfile = class {
  binMs = 1e3;
  bins = /* @__PURE__ */ new Map();
  current;
  /** The current bin covers [lo, hi). */
  lo = Number.POSITIVE_INFINITY;
  hi = Number.NEGATIVE_INFINITY;
  requestsMetric = -1;
  iterationsMetric = -1;
  record(timeMs, metric) {
    const bin = timeMs >= this.lo && timeMs < this.hi ? this.current : this.enter(timeMs);
    bin.points++;
    if (metric < 31) bin.metrics |= 1 << metric;
    else (bin.moreMetrics ??= /* @__PURE__ */ new Set()).add(metric);
    if (metric === this.requestsMetric) bin.requests++;
    else if (metric === this.iterationsMetric) bin.iterations++;
    if (timeMs < bin.firstMs) bin.firstMs = timeMs;
    if (timeMs > bin.lastMs) bin.lastMs = timeMs;
  }
  /** The bins in time order. */
  sorted() {
    return [...this.bins.values()].sort((a, b) => a.startMs - b.startMs);
  }
  enter(timeMs) {
    if (!Number.isFinite(timeMs)) throw new RangeError(`a point's time must be finite, got ${timeMs}`);
    const key = Math.floor(timeMs / this.binMs);
    let bin = this.bins.get(key);
    if (bin === void 0) {
      if (this.bins.size >= MAX_BINS) {
        this.widen();
        return this.enter(timeMs);
      }
      bin = { startMs: key * this.binMs, points: 0, requests: 0, iterations: 0, firstMs: Number.POSITIVE_INFINITY, lastMs: Number.NEGATIVE_INFINITY, metrics: 0, moreMetrics: void 0 };
      this.bins.set(key, bin);
    }
    this.current = bin;
    this.lo = key * this.binMs;
    this.hi = this.lo + this.binMs;
    return bin;
  }
  /** Doubles the bin width, merging neighbours. */
  widen() {
    this.binMs *= 2;
    const old = [...this.bins.values()];
    this.bins.clear();
    for (const b of old) {
      const key = Math.floor(b.startMs / this.binMs);
      const into = this.bins.get(key);
      if (into === void 0) {
        this.bins.set(key, { ...b, startMs: key * this.binMs, moreMetrics: b.moreMetrics && new Set(b.moreMetrics) });
        continue;
      }
      into.points += b.points;
      into.requests += b.requests;
      into.iterations += b.iterations;
      into.firstMs = Math.min(into.firstMs, b.firstMs);
      into.lastMs = Math.max(into.lastMs, b.lastMs);
      into.metrics |= b.metrics;
      if (b.moreMetrics) for (const m of b.moreMetrics) (into.moreMetrics ??= /* @__PURE__ */ new Set()).add(m);
    }
    this.current = void 0;
    this.lo = Number.POSITIVE_INFINITY;
    this.hi = Number.NEGATIVE_INFINITY;
  }
};

// src/document/run-builder.ts
var UNWINDOWED_BUILTINS = /* @__PURE__ */ new Set([
  "http_req_blocked",
  "http_req_connecting",
  "http_req_tls_handshaking",
  "http_req_sending",
  "http_req_waiting",
  "http_req_receiving",
  "data_sent",
  "data_received",
  "group_duration",
  "vus_max",
  "ws_connecting",
  "ws_session_duration",
  "ws_msgs_sent",
  "ws_msgs_received",
  "ws_sessions",
  "ws_ping",
  "iteration_duration"
]);
var AUTO_WIDTHS_MS = [1e3, 2e3, 1e4, 2e4, 6e4, 12e4, 6e5, 12e5, 36e5];
var ITERATIONS_METRIC = "iterations";
var MAX_TAG_KEYS = 64;
var RunBuilder = class {
  constructor(options) {
    this.options = options;
    this.requestsMetric = options.requestsMetric ?? K6_ROLES.requests;
    this.failuresMetric = options.failuresMetric ?? K6_ROLES.failures;
    this.widthMs = options.window === "auto" ? AUTO_WIDTHS_MS[0] : Math.round(options.window * 1e3);
    this.maxWindows = options.maxWindows ?? 360;
    this.cardinality = new ScopeCardinality(options.maxScopes);
    for (const s of options.submetrics ?? []) {
      const list = this.extraSubmetrics.get(s.metric) ?? [];
      list.push(s.tags);
      this.extraSubmetrics.set(s.metric, list);
    }
  }
  options;
  metrics = [];
  metricIds = /* @__PURE__ */ new Map();
  leaves = /* @__PURE__ */ new Map();
  extraSubmetrics = /* @__PURE__ */ new Map();
  originMs = Number.NaN;
  widthMs;
  widthStep = 0;
  /**
   * Window indexes that hold points. 'auto' widens when more than `maxWindows` are occupied — not when the
   * span would need more: one stray point an hour away adds one window instead of coarsening all of them.
   */
  occupied = /* @__PURE__ */ new Set();
  lastOccupied = Number.NaN;
  /** The highest window index any point went to, and the leaves with windows still counting densely. */
  maxSeenIndex = Number.NEGATIVE_INFINITY;
  openLeaves = /* @__PURE__ */ new Set();
  /** Templates for URL-like grouping values and the maxScopes cap. */
  cardinality;
  /** Where the points lie in time: the run's span, without stray points far from it (run-span.ts). */
  profile = new TimeProfile();
  maxWindows;
  points = 0;
  /** The request counter's name (see RunBuilderOptions.requestsMetric). */
  requestsMetric;
  /** The failures rate's name (see RunBuilderOptions.failuresMetric), and its id once defined. */
  failuresMetric;
  failuresId = -1;
  /** The failure signatures told apart so far (at most MAX_SIGNATURE_KEYS; later new ones are `other`). */
  signatureKeys = /* @__PURE__ */ new Set();
  /** Declares a metric (k6 writes one "Metric" line before its first point). Returns its id. */
  defineMetric(def) {
    const known2 = this.metricIds.get(def.name);
    if (known2 !== void 0) {
      const state = this.metrics[known2];
      state.def = {
        ...state.def,
        thresholds: [.../* @__PURE__ */ new Set([...state.def.thresholds, ...def.thresholds])],
        submetrics: [...state.def.submetrics, ...def.submetrics]
      };
      state.submetrics = [...state.submetrics, ...def.submetrics];
      return known2;
    }
    const id = this.metrics.length;
    const windowed = this.options.windowed ? this.options.windowed(def.name) : !UNWINDOWED_BUILTINS.has(def.name);
    this.metrics.push({ def, windowed, tagKeys: /* @__PURE__ */ new Set(), submetrics: [...this.extraSubmetrics.get(def.name) ?? [], ...def.submetrics] });
    this.metricIds.set(def.name, id);
    if (def.name === this.requestsMetric) this.profile.requestsMetric = id;
    if (def.name === this.failuresMetric && def.type === "rate") this.failuresId = id;
    if (def.name === ITERATIONS_METRIC) this.profile.iterationsMetric = id;
    return id;
  }
  metricId(name) {
    return this.metricIds.get(name);
  }
  metricDefinition(id) {
    return this.metrics[id].def;
  }
  /** The leaf a point of this metric with these tags counts in. Parsers should cache the answer per raw tag text. */
  targets(metric, tags) {
    const state = this.metrics[metric];
    for (const k in tags) if (state.tagKeys.size < MAX_TAG_KEYS) state.tagKeys.add(k);
    const values = [metric];
    for (const tag of this.options.groupBy) {
      const raw = tags[tag];
      values.push(raw === void 0 ? null : this.cardinality.value(tag, raw));
    }
    const subs = state.submetrics;
    for (let i = 0; i < subs.length; i++) if (matches(subs[i], tags)) values.push(i);
    const signature = metric === this.failuresId ? this.signatureOf(tags) : void 0;
    if (signature !== void 0) values.push(signature);
    const key = JSON.stringify(values);
    const cached = this.leaves.get(key);
    if (cached) return cached;
    const scopes = [{ name: state.def.name, tags: NO_TAGS }];
    this.options.groupBy.forEach((tag, k) => {
      const value2 = values[k + 1];
      if (typeof value2 === "string") {
        const t = this.cardinality.tagsOf(tag, value2);
        scopes.push({ name: flat(scopeName(state.def.name, t)), tags: t, group: tag });
      }
    });
    for (const i of values.slice(this.options.groupBy.length + 1, signature === void 0 ? void 0 : -1)) scopes.push({ name: scopeName(state.def.name, subs[i]), tags: subs[i] });
    const declared = new Set(scopes.filter((s) => s.group === void 0).map((s) => s.name));
    for (const s of scopes) if (s.group !== void 0 && declared.has(s.name)) this.cardinality.pin(s.group, s.tags[s.group]);
    const unique = scopes.filter((s, i) => scopes.findIndex((o) => o.name === s.name) === i).slice();
    const scale = state.def.contains === "time" ? TIME_SCALE : VALUE_SCALE;
    const totals = newTotals(state.def.type, scale);
    const leaf = {
      metric,
      totals,
      histogram: totals.type === "trend" ? totals.histogram : void 0,
      scopes: unique,
      signature,
      windows: state.windowed ? /* @__PURE__ */ new Map() : void 0,
      lastIndex: Number.NaN,
      lastWindow: void 0,
      maxIndex: Number.NEGATIVE_INFINITY,
      open: []
    };
    const targets = { metric, leaf };
    this.leaves.set(key, targets);
    return targets;
  }
  /** The signature key of a failures point's tags, bounded: past MAX_SIGNATURE_KEYS new ones are `other`. */
  signatureOf(tags) {
    const key = signatureKey(tags);
    if (this.signatureKeys.has(key)) return key;
    if (this.signatureKeys.size >= MAX_SIGNATURE_KEYS) return OTHER_SIGNATURE;
    this.signatureKeys.add(key);
    return key;
  }
  next = new Float64Array(2);
  point(targets, timeMs, value2) {
    this.next[0] = timeMs;
    this.next[1] = value2;
    this.recordNext(targets);
  }
  recordNext(targets) {
    const timeMs = this.next[0];
    const value2 = this.next[1];
    this.points++;
    const leaf = targets.leaf;
    if (leaf.histogram !== void 0) leaf.histogram.record(value2);
    else recordTotal(leaf.totals, timeMs, value2);
    this.profile.record(timeMs, targets.metric);
    if (!leaf.windows) return;
    const index = this.windowIndex(timeMs);
    let win = leaf.lastWindow;
    if (index !== leaf.lastIndex) {
      win = leaf.windows.get(index);
      if (!win) {
        win = new WindowTotals(leaf.totals.type, "filling");
        leaf.windows.set(index, win);
        leaf.open.push({ index, window: win });
        this.openLeaves.add(leaf);
      }
      if (index > leaf.maxIndex) {
        leaf.maxIndex = index;
        const stillOpen = [];
        for (const o of leaf.open) {
          if (o.index >= index - 1) stillOpen.push(o);
          else o.window.close();
        }
        leaf.open = stillOpen;
      }
      leaf.lastIndex = index;
      leaf.lastWindow = win;
    }
    if (leaf.histogram !== void 0) win.recordTrend(value2);
    else win.record(timeMs, value2);
  }
  windowIndex(timeMs) {
    if (Number.isNaN(this.originMs)) this.originMs = Math.floor(timeMs / 1e3) * 1e3;
    const index = Math.floor((timeMs - this.originMs) / this.widthMs);
    if (index === this.lastOccupied) return index;
    this.lastOccupied = index;
    if (this.occupied.has(index)) return index;
    this.occupied.add(index);
    if (index > this.maxSeenIndex) {
      this.maxSeenIndex = index;
      this.closeStale(index);
    }
    if (this.options.window !== "auto" || this.occupied.size <= this.maxWindows) return index;
    this.widen();
    this.lastOccupied = Math.floor((timeMs - this.originMs) / this.widthMs);
    return this.lastOccupied;
  }
  /**
   * Compacts the windows of every leaf that are two or more behind the newest: a leaf with a rare tag
   * set (one of thousands of endpoints) would otherwise keep its dense counters to the end of the run.
   */
  closeStale(newest) {
    for (const leaf of this.openLeaves) {
      const stillOpen = [];
      for (const o of leaf.open) {
        if (o.index >= newest - 1) stillOpen.push(o);
        else o.window.close();
      }
      leaf.open = stillOpen;
      if (stillOpen.length === 0) this.openLeaves.delete(leaf);
    }
  }
  /** Steps to the next wider window and merges the existing windows into it. */
  widen() {
    while (this.occupied.size > this.maxWindows) {
      this.widthStep++;
      const next = AUTO_WIDTHS_MS[this.widthStep] ?? this.widthMs * 2;
      const factor = next / this.widthMs;
      for (const { leaf } of this.leaves.values()) {
        if (!leaf.windows) continue;
        for (const o of leaf.open) o.window.close();
        leaf.windows = regroup(leaf.windows, (i) => Math.floor(i / factor));
        leaf.lastIndex = Number.NaN;
        leaf.lastWindow = void 0;
        leaf.maxIndex = Number.NEGATIVE_INFINITY;
        leaf.open = [];
      }
      this.widthMs = next;
      this.occupied = new Set([...this.occupied].map((i) => Math.floor(i / factor)));
      this.maxSeenIndex = Math.floor(this.maxSeenIndex / factor);
    }
    this.openLeaves.clear();
  }
  /**
   * Scopes as sums of their leaves, built and encoded one at a time so that only one scope's sum is in
   * memory at once (a run has hundreds of scopes).
   */
  encodeScopes(lowest, highest, folded) {
    const members = /* @__PURE__ */ new Map();
    for (const { leaf } of this.leaves.values()) {
      for (const scope of leaf.scopes) {
        let s = scope;
        if (s.group !== void 0 && folded.get(s.group)?.has(s.tags[s.group])) {
          const tags = { [s.group]: OTHER_VALUE };
          s = { name: scopeName(this.metrics[leaf.metric].def.name, tags), tags };
        }
        const m = members.get(s.name);
        if (m) m.leaves.push(leaf);
        else members.set(s.name, { tags: s.tags, leaves: [leaf] });
      }
    }
    const scopes = {};
    const series = {};
    const trendSums = /* @__PURE__ */ new Map();
    for (const name of [...members.keys()].sort(compareText2)) {
      const { tags, leaves } = members.get(name);
      const def = this.metrics[leaves[0].metric].def;
      const scale = def.contains === "time" ? TIME_SCALE : VALUE_SCALE;
      let totals;
      if (def.type === "trend") {
        totals = trendSums.get(scale) ?? newTotals("trend", scale);
        trendSums.set(scale, totals);
        if (totals.type === "trend") totals.histogram.clear();
      } else {
        totals = newTotals(def.type, scale);
      }
      for (const leaf of leaves) addTotals(totals, leaf.totals);
      const scope = encodeScope({ metric: def.name, tags, totals });
      scopes[name] = scope.type === "rate" && leaves[0].metric === this.failuresId ? { ...scope, signatures: signaturesOf(leaves) } : scope;
      if (!leaves[0].windows) continue;
      const windows = /* @__PURE__ */ new Map();
      for (const leaf of leaves) {
        for (const [i, w] of leaf.windows) {
          if (leaves.length === 1 && w.settled) {
            windows.set(i, w);
            continue;
          }
          let target = windows.get(i);
          if (!target) {
            target = new WindowTotals(def.type, "summing");
            windows.set(i, target);
          }
          target.add(w);
        }
      }
      const encoded = encodeWindows(windows, lowest, highest);
      if (encoded.length > 0) series[name] = encoded;
    }
    return { scopes, series };
  }
  /** Requests and points per value of each grouping tag, for the maxScopes cap. */
  scopeWeights() {
    const weights = /* @__PURE__ */ new Map();
    for (const { leaf } of this.leaves.values()) {
      const isRequests = this.metrics[leaf.metric].def.name === this.requestsMetric;
      const points = samples(leaf.totals);
      for (const s of leaf.scopes) {
        if (s.group === void 0) continue;
        let byValue = weights.get(s.group);
        if (!byValue) weights.set(s.group, byValue = /* @__PURE__ */ new Map());
        const value2 = s.tags[s.group];
        let w = byValue.get(value2);
        if (!w) byValue.set(value2, w = { requests: 0, points: 0 });
        w.points += points;
        if (isRequests && leaf.totals.type === "counter") w.requests += leaf.totals.count;
      }
    }
    return weights;
  }
  /** The run document of everything recorded so far. */
  finish(info) {
    const span = runSpan(this.profile.sorted());
    const start = span ? span.firstMs : 0;
    const end = span ? span.lastMs : 0;
    const measured = span !== void 0 && !Number.isNaN(this.originMs);
    const lowest = measured ? Math.floor((start - this.originMs) / this.widthMs) : 0;
    const highest = measured ? Math.floor((end - this.originMs) / this.widthMs) : Number.POSITIVE_INFINITY;
    const { folded, warnings: capWarnings } = this.cardinality.fold(this.scopeWeights());
    const { scopes, series } = this.encodeScopes(lowest, highest, folded);
    const templateWarning = this.cardinality.templateWarning();
    const names = this.metrics.map((m) => m.def.name);
    const spanWarnings = span ? span.setAside.map((s) => setAsideWarning(s, names, span)) : [];
    const metrics = {};
    for (const m of [...this.metrics].sort((a, b) => compareText2(a.def.name, b.def.name))) {
      metrics[m.def.name] = { type: m.def.type, contains: m.def.contains, thresholds: [...m.def.thresholds], ...m.tagKeys.size > 0 ? { tags: [...m.tagKeys].sort(compareText2) } : {} };
    }
    return {
      schema: RUN_DOCUMENT_SCHEMA,
      meta: {
        tool: info.tool,
        ...info.roles !== void 0 ? { roles: { ...info.roles } } : {},
        ...info.toolVersion !== void 0 ? { toolVersion: info.toolVersion } : {},
        ...info.stage !== void 0 ? { stage: info.stage } : {},
        start: new Date(start).toISOString(),
        end: new Date(end).toISOString(),
        durationSeconds: info.durationSeconds ?? (end - start) / 1e3,
        ...info.gitSha !== void 0 ? { gitSha: info.gitSha } : {},
        labels: info.labels ?? {},
        partial: info.sources.some((s) => s.partial),
        aggregateOnly: info.aggregateOnly ?? false,
        groupBy: [...this.options.groupBy],
        sources: info.sources,
        warnings: [...info.warnings ?? [], ...spanWarnings, ...templateWarning !== void 0 ? [templateWarning] : [], ...capWarnings]
      },
      metrics,
      scopes,
      windows: {
        originMs: measured ? this.originMs + lowest * this.widthMs : start,
        widthMs: this.widthMs,
        series
      }
    };
  }
};
function compareText2(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
var NO_TAGS = Object.freeze({});
function flat(text) {
  Number(text);
  return text;
}
function matches(sub, tags) {
  for (const k in sub) if (tags[k] !== sub[k]) return false;
  return true;
}
function signaturesOf(leaves) {
  const counts2 = /* @__PURE__ */ new Map();
  for (const leaf of leaves) {
    if (leaf.signature === void 0 || leaf.totals.type !== "rate" || leaf.totals.passes === 0) continue;
    counts2.set(leaf.signature, (counts2.get(leaf.signature) ?? 0) + leaf.totals.passes);
  }
  return signatureList(counts2);
}
function samples(t) {
  switch (t.type) {
    case "trend":
      return t.histogram.count;
    case "counter":
      return t.samples;
    case "rate":
      return t.passes + t.fails;
    case "gauge":
      return t.samples;
  }
}
function regroup(windows, to) {
  const merged = /* @__PURE__ */ new Map();
  for (const [i, w] of windows) {
    const j = to(i);
    const m = merged.get(j);
    if (m) m.add(w);
    else merged.set(j, w);
  }
  return merged;
}
function encodeScope(s) {
  const base = { metric: s.metric, tags: { ...s.tags } };
  const t = s.totals;
  switch (t.type) {
    case "trend":
      return { ...base, type: "trend", trend: t.histogram.encode() };
    case "counter":
      return { ...base, type: "counter", counter: { count: t.count, samples: t.samples } };
    case "rate":
      return { ...base, type: "rate", rate: { passes: t.passes, fails: t.fails } };
    case "gauge":
      return { ...base, type: "gauge", gauge: t.samples > 0 ? { value: t.value, min: t.min, max: t.max, samples: t.samples } : { value: 0, min: 0, max: 0, samples: 0 } };
  }
}
function encodeWindows(windows, lowest, highest = Number.POSITIVE_INFINITY) {
  return [...windows.entries()].filter(([i]) => i >= lowest && i <= highest).sort((a, b) => a[0] - b[0]).map(([i, w]) => encodeWindow(i - lowest, w));
}
function encodeWindow(i, w) {
  switch (w.type) {
    case "trend":
      return { i, count: w.count, sum: w.sum, min: w.min, max: w.max, sumLog: w.sumLog, sumLogSq: w.sumLogSq, sketch: w.sketch.encode() };
    case "counter":
      return { i, count: w.count };
    case "rate":
      return { i, count: w.count, passes: w.passes };
    case "gauge":
      return { i, count: w.count, min: w.min, max: w.max, last: w.last };
  }
}

// src/document/execution-segment.ts
var SegmentSyntaxError = class extends Error {
};
var ZERO = { num: 0n, den: 1n };
var ONE = { num: 1n, den: 1n };
function gcd(a, b) {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}
function rational(num, den) {
  if (den === 0n) throw new RangeError("a rational number needs a non-zero denominator");
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den) || 1n;
  return { num: sign * num / g, den: sign * den / g };
}
function compareRational(a, b) {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}
function formatRational(r) {
  return r.den === 1n ? r.num.toString() : `${r.num}/${r.den}`;
}
function parseRational(text) {
  const s = text.trim();
  let m = /^(\d+)%$/.exec(s);
  if (m) return rational(BigInt(m[1]), 100n);
  m = /^(\d+)\/(\d+)$/.exec(s);
  if (m) {
    if (BigInt(m[2]) === 0n) throw new SegmentSyntaxError(`'${text}' divides by zero`);
    return rational(BigInt(m[1]), BigInt(m[2]));
  }
  m = /^(\d*)(?:\.(\d+))?$/.exec(s);
  if (m && s !== "" && s !== ".") {
    const frac = m[2] ?? "";
    return rational(BigInt(`${m[1] || "0"}${frac}`), 10n ** BigInt(frac.length));
  }
  throw new SegmentSyntaxError(`'${text}' is not a fraction (1/4), decimal (0.25) or percentage (25%)`);
}
function formatSegment(s) {
  return `${formatRational(s.from)}:${formatRational(s.to)}`;
}
function parseSegment(text) {
  const parts = text.split(":");
  if (parts.length > 2) throw new SegmentSyntaxError(`segment '${text}' has more than one ':' (write from:to, e.g. 1/4:1/2)`);
  const from = parts.length === 2 ? parseRational(parts[0]) : ZERO;
  const to = parseRational(parts[parts.length - 1]);
  if (compareRational(from, to) >= 0) throw new SegmentSyntaxError(`segment '${text}' starts at or after its end (write from:to with from < to)`);
  if (compareRational(to, ONE) > 0) throw new SegmentSyntaxError(`segment '${text}' ends after 1`);
  return { from, to };
}
function parseSequence(text) {
  const values = text.split(",").map(parseRational);
  if (values.length < 2) throw new SegmentSyntaxError(`segment sequence '${text}' needs at least two values, from 0 to 1 (e.g. 0,1/2,1)`);
  if (compareRational(values[0], ZERO) !== 0) throw new SegmentSyntaxError(`segment sequence '${text}' must start at 0`);
  if (compareRational(values[values.length - 1], ONE) !== 0) throw new SegmentSyntaxError(`segment sequence '${text}' must end at 1`);
  const segments = [];
  for (let k = 1; k < values.length; k++) {
    if (compareRational(values[k - 1], values[k]) >= 0) {
      throw new SegmentSyntaxError(`segment sequence '${text}' must ascend strictly, but ${formatRational(values[k - 1])} is followed by ${formatRational(values[k])}`);
    }
    segments.push({ from: values[k - 1], to: values[k] });
  }
  return segments;
}
function formatSequence(segments) {
  if (segments.length === 0) return "";
  return [segments[0].from, ...segments.map((s) => s.to)].map(formatRational).join(",");
}
function equalSequence(n) {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`the number of segments must be a whole number \u2265 1 but got ${n}`);
  const N = BigInt(n);
  return Array.from({ length: n }, (_, k) => ({ from: rational(BigInt(k), N), to: rational(BigInt(k + 1), N) }));
}

// src/document/shard-check.ts
var DEFAULT_START_TOLERANCE_S = 5;
function checkShards(docs, names, options = {}) {
  const firstAt = docs.findIndex((d) => d.meta.shard !== void 0);
  if (firstAt < 0) return void 0;
  const ref = docs[firstAt].meta.shard;
  const refName = names[firstAt] ?? `run ${firstAt + 1}`;
  const name = (k) => names[k] ?? `run ${k + 1}`;
  const label2 = (s) => `shard ${s.index}/${s.count} (segment ${s.segment})`;
  for (const [k, d] of docs.entries()) {
    const s = d.meta.shard;
    if (!s) throw new MergeError(`${name(k)} is no shard (it records no meta.shard), but ${refName} is ${label2(ref)}: merge the shard documents of one test only`);
    if (s.scriptHash !== ref.scriptHash) {
      throw new MergeError(`${name(k)} ran another script than ${refName} (sha256 ${s.scriptHash.slice(0, 12)}\u2026 against ${ref.scriptHash.slice(0, 12)}\u2026): the shards of one test run the same script`);
    }
    if (s.count !== ref.count) throw new MergeError(`${name(k)} is ${label2(s)}, but ${refName} is ${label2(ref)}: the shards of one test are cut into the same number of shards`);
    if (s.sequence !== ref.sequence) {
      throw new MergeError(`${name(k)} was cut by the segment sequence ${s.sequence}, ${refName} by ${ref.sequence}: the shards of one test share one sequence`);
    }
  }
  let segments;
  try {
    segments = parseSequence(ref.sequence);
  } catch (err) {
    if (err instanceof SegmentSyntaxError) throw new MergeError(`${refName}: its segment sequence is not k6's syntax: ${err.message}`, { cause: err });
    throw err;
  }
  if (segments.length !== ref.count) throw new MergeError(`${refName}: its segment sequence ${ref.sequence} has ${segments.length} segments, but it says ${ref.count} shards`);
  const byIndex = /* @__PURE__ */ new Map();
  for (const [k, d] of docs.entries()) {
    const s = d.meta.shard;
    const expected = segments[s.index - 1];
    if (expected === void 0 || formatSegment(expected) !== s.segment) {
      throw new MergeError(`${name(k)} says it is ${label2(s)}, but segment ${s.index} of ${s.sequence} is ${expected ? formatSegment(expected) : "not there"}`);
    }
    const seen = byIndex.get(s.index);
    if (seen !== void 0) throw new MergeError(`${name(seen)} and ${name(k)} are both ${label2(s)}: a segment is doubled (its load would count twice) \u2014 give each shard once`);
    byIndex.set(s.index, k);
  }
  const warnings = [];
  const missing = segments.flatMap((seg, k) => byIndex.has(k + 1) ? [] : [{ index: k + 1, segment: formatSegment(seg) }]);
  if (missing.length > 0) {
    const list = missing.map((m) => `shard ${m.index}/${ref.count} (segment ${m.segment})`);
    const what = `${list.join(", ")} ${missing.length === 1 ? "is" : "are"} missing`;
    if (!options.allowMissingShards) {
      throw new MergeError(`${what}: ${docs.length} of ${ref.count} shard documents given \u2014 find the missing shard's document (did its job fail?), or allow missing shards to judge the part that ran`);
    }
    warnings.push(`${what}: the merged run holds ${docs.length} of ${ref.count} shards, so its counts and throughput are short of the whole test's`);
  }
  const starts = docs.map((d, k) => ({ k, ms: Date.parse(d.meta.shard.startedAt) }));
  const earliest = starts.reduce((a, b) => b.ms < a.ms ? b : a);
  const latest = starts.reduce((a, b) => b.ms > a.ms ? b : a);
  const spread = Number.isFinite(latest.ms - earliest.ms) ? (latest.ms - earliest.ms) / 1e3 : 0;
  const tolerance = options.startToleranceSeconds ?? DEFAULT_START_TOLERANCE_S;
  if (spread > tolerance) {
    warnings.push(
      `the shards' loads started ${spread.toFixed(1)} s apart, more than the ${tolerance} s tolerance (${label2(docs[earliest.k].meta.shard)} first, ${label2(docs[latest.k].meta.shard)} last): their load did not overlap as one test's would \u2014 start them with a common start-at`
    );
  }
  const members = docs.map((d) => {
    const s = d.meta.shard;
    return { index: s.index, segment: s.segment, requests: requestCount(d), startedAt: s.startedAt, ...s.region !== void 0 ? { region: s.region } : d.meta.labels["region"] !== void 0 ? { region: d.meta.labels["region"] } : {} };
  }).sort((a, b) => a.index - b.index);
  const thresholds2 = recordedThresholds(docs, name, warnings);
  return { summary: { count: ref.count, sequence: ref.sequence, scriptHash: ref.scriptHash, members, missing, startSpreadSeconds: spread, ...thresholds2 ? { thresholds: thresholds2 } : {} }, warnings };
}
function recordedThresholds(docs, name, warnings) {
  const canonical = (t) => JSON.stringify(Object.keys(t).sort().map((m) => [m, t[m]]));
  let first2;
  const without = [];
  for (const [k, d] of docs.entries()) {
    const t = d.meta.shard.thresholds;
    if (t === void 0) {
      without.push(k);
      continue;
    }
    if (!first2) first2 = { k, thresholds: t, key: canonical(t) };
    else if (canonical(t) !== first2.key) {
      throw new MergeError(`${name(k)} and ${name(first2.k)} recorded different script thresholds (${canonical(t)} against ${first2.key}): the shards of one test run the script with the same variables`);
    }
  }
  if (first2 && without.length > 0) {
    warnings.push(`${without.map(name).join(", ")} recorded no script thresholds (k6 inspect failed there, or an older perf-gate wrote ${without.length === 1 ? "it" : "them"}): the merged run is judged on those ${name(first2.k)} recorded`);
  }
  return first2?.thresholds;
}
function requestCount(doc) {
  const scope = doc.scopes[doc.meta.roles?.requests ?? "http_reqs"];
  if (!scope) return 0;
  if ("reported" in scope) return scope.reported["count"] ?? 0;
  return scope.type === "counter" ? scope.counter.count : 0;
}

// src/document/run-merger.ts
var RunMerger = class {
  constructor(options = {}) {
    this.options = options;
  }
  options;
  names = [];
  /** What the shard checks read of each document: its meta and its requests count's scope. */
  shardViews = [];
  /** The first document, folded once a second comes: one document alone merges to itself. */
  first;
  firstMeta;
  folded = 0;
  groupByError;
  /** The first error adding up scopes (a type clash, an aggregate, a histogram that cannot be read). */
  scopeError;
  scopes = {};
  // Trends add into one decoded histogram per scope, encoded once at the end: decoding and encoding (a
  // deflate) per shard would cost 64 round trips per scope for 64 shards.
  histograms = /* @__PURE__ */ new Map();
  metrics = {};
  startMs = Number.POSITIVE_INFINITY;
  endMs = Number.NEGATIVE_INFINITY;
  durationSeconds = Number.NEGATIVE_INFINITY;
  tools = /* @__PURE__ */ new Set();
  labels = {};
  partial = false;
  aggregateOnly = false;
  sources = [];
  warnings = [];
  memory = [];
  /** Each document's window origin and width, for the common frame and the alignment check. */
  frames = [];
  /** Where windows are summed as they come (the first document's); 'later' once they wait for a second pass. */
  frame;
  secondPass;
  series = /* @__PURE__ */ new Map();
  /** checkShards' result once every document was added (null before). */
  checked = null;
  /** The merged start and end, formatted where mergeRuns formats them (before it aligns windows). */
  span;
  /** Adds one document; `name` (its file) names it in messages, default `run 1`, `run 2`, …. */
  add(doc, name) {
    if (this.checked !== null) throw new Error("RunMerger: add after windowsAgain or finish");
    const k = this.names.length;
    this.names.push(name ?? `run ${k + 1}`);
    const requests = doc.meta.roles?.requests ?? "http_reqs";
    const scope = doc.scopes[requests];
    this.shardViews.push({ meta: doc.meta, scopes: scope ? { [requests]: scope } : {} });
    if (k === 0) {
      this.first = doc;
      return;
    }
    if (this.first) {
      this.fold(this.first);
      this.first = void 0;
    }
    this.fold(doc);
  }
  /**
   * After the last `add`: true when the documents' windows must be given again, in the same order, with
   * `addWindows` before `finish` (their widths differ, or a window does not start on a whole millisecond).
   * @throws MergeError as `finish` does, for what is wrong already.
   */
  windowsAgain() {
    if (this.settle() || this.frame !== "later") return false;
    if (this.secondPass === void 0) {
      const { originMs, widthMs } = this.commonFrame();
      this.secondPass = { frame: { baseMs: originMs, widthMs }, given: 0 };
      this.series = /* @__PURE__ */ new Map();
    }
    return true;
  }
  /** The windows of the documents again, in the order they were added (only when `windowsAgain()`). */
  addWindows(doc) {
    const pass = this.secondPass;
    if (pass === void 0 || pass.given >= this.names.length) throw new Error("RunMerger: addWindows without windowsAgain, or more documents than were added");
    pass.given++;
    this.foldWindows(doc, pass.frame, false);
  }
  /**
   * The merged document.
   * @throws MergeError when nothing was given, the shards do not form one whole, the documents were grouped
   *   by different tags, scopes cannot be added, or windows cannot be aligned (naming the file).
   */
  finish() {
    if (this.settle()) return this.first;
    if (this.windowsAgain() && this.secondPass.given !== this.names.length) {
      throw new Error(`RunMerger: ${this.secondPass.given} of ${this.names.length} documents' windows given again`);
    }
    const shards = this.checked ?? void 0;
    for (const [name, h] of this.histograms) {
      const s = this.scopes[name];
      if (!isReported(s) && s.type === "trend") this.scopes[name] = { ...s, trend: h.encode() };
    }
    const { shard: _shard, shards: _shards, ...firstMeta } = this.firstMeta;
    const merged = {
      schema: RUN_DOCUMENT_SCHEMA,
      meta: {
        ...firstMeta,
        tool: this.tools.size === 1 ? firstMeta.tool : "unknown",
        start: this.span.start,
        end: this.span.end,
        durationSeconds: Math.max((this.endMs - this.startMs) / 1e3, this.durationSeconds),
        labels: this.labels,
        partial: this.partial,
        aggregateOnly: this.aggregateOnly,
        sources: this.sources,
        warnings: [...this.warnings, ...shards?.warnings ?? []],
        ...shards ? { shards: shards.summary } : {}
      },
      metrics: this.metrics,
      scopes: this.scopes,
      windows: this.mergedWindows()
    };
    if (this.memory.length > 0) {
      merged.memory = {
        source: this.memory.map((m) => m.source).join(" + "),
        samples: this.memory.flatMap((m) => m.samples).sort((a, b) => a.t - b.t)
      };
    }
    return merged;
  }
  /**
   * After the last `add`: throws what was found wrong, in mergeRuns' order (the shard checks first). True
   * when the one document given merges to itself; else every document is folded.
   */
  settle() {
    if (this.names.length === 0) throw new MergeError("nothing to merge: give at least one run document");
    if (this.checked === null) this.checked = checkShards(this.shardViews, this.names, this.options);
    if (this.names.length === 1 && this.checked === void 0) return true;
    if (this.first) {
      this.fold(this.first);
      this.first = void 0;
    }
    if (this.groupByError) throw this.groupByError;
    if (this.scopeError) throw this.scopeError.error;
    this.span ??= { start: new Date(this.startMs).toISOString(), end: new Date(this.endMs).toISOString() };
    const { widthMs } = this.commonFrame();
    for (const f of this.frames) {
      if (widthMs % f.widthMs !== 0) {
        throw new MergeError(`cannot align ${f.widthMs / 1e3} s windows with ${widthMs / 1e3} s windows \u2014 ingest the shards with the same --window`);
      }
    }
    return false;
  }
  /** The widest width and the earliest origin on it: the merged document's windows. */
  commonFrame() {
    let widthMs = Number.NEGATIVE_INFINITY;
    for (const f of this.frames) widthMs = Math.max(widthMs, f.widthMs);
    let originMs = Number.POSITIVE_INFINITY;
    for (const f of this.frames) originMs = Math.min(originMs, Math.floor(f.originMs / widthMs) * widthMs);
    return { originMs, widthMs };
  }
  fold(doc) {
    const first2 = this.firstMeta ??= doc.meta;
    this.folded++;
    const meta = doc.meta;
    this.startMs = Math.min(this.startMs, Date.parse(meta.start));
    this.endMs = Math.max(this.endMs, Date.parse(meta.end));
    this.durationSeconds = Math.max(this.durationSeconds, meta.durationSeconds);
    this.tools.add(meta.tool);
    Object.assign(this.labels, meta.labels);
    this.partial ||= meta.partial;
    this.aggregateOnly ||= meta.aggregateOnly;
    this.sources.push(...meta.sources);
    this.warnings.push(...meta.warnings);
    if (doc.memory) this.memory.push(doc.memory);
    this.frames.push({ originMs: doc.windows.originMs, widthMs: doc.windows.widthMs });
    if (meta.groupBy.join(",") !== first2.groupBy.join(",")) {
      this.groupByError ??= new MergeError(`cannot merge runs grouped by different tags: [${first2.groupBy.join(", ")}] and [${meta.groupBy.join(", ")}] \u2014 ingest them again with the same --group-by`);
    }
    if (this.groupByError || this.scopeError) return;
    try {
      this.foldScopes(doc);
    } catch (error) {
      this.scopeError = { error };
      return;
    }
    for (const [name, m] of Object.entries(doc.metrics)) {
      const prev = this.metrics[name];
      this.metrics[name] = prev ? mergeMetric(prev, m) : m;
    }
    if (this.frame === "later") return;
    const { originMs, widthMs } = doc.windows;
    this.frame ??= { baseMs: Math.floor(originMs / widthMs) * widthMs, widthMs };
    if (widthMs !== this.frame.widthMs || !isWhole(originMs) || !isWhole(widthMs) || !this.foldWindows(doc, this.frame, true)) {
      this.frame = "later";
      this.series = /* @__PURE__ */ new Map();
    }
  }
  foldScopes(doc) {
    for (const [name, s] of Object.entries(doc.scopes)) {
      const prev = this.scopes[name];
      if (!prev) this.scopes[name] = s;
      else if (!isReported(prev) && !isReported(s) && prev.type === "trend" && s.type === "trend") {
        let h = this.histograms.get(name);
        if (!h) {
          h = TrendHistogram.decode(prev.trend, name);
          this.histograms.set(name, h);
        }
        h.add(TrendHistogram.decode(s.trend, name));
      } else this.scopes[name] = addScopes(prev, s, name);
    }
  }
  /**
   * Adds a document's windows at their key in `frame`; with `whole`, only while every window starts on a
   * whole (safe-integer) millisecond — false when one does not, and the windows must wait for a second pass.
   */
  foldWindows(doc, frame, whole) {
    const { originMs, widthMs } = doc.windows;
    for (const name of Object.keys(doc.windows.series)) {
      const typed = seriesOf(doc, name);
      if (!typed || typed.windows.length === 0) continue;
      let target = this.series.get(name);
      if (!target) {
        target = /* @__PURE__ */ new Map();
        this.series.set(name, target);
      }
      for (const w of typed.windows) {
        const atMs = originMs + w.i * widthMs;
        if (whole && !isWhole(atMs)) return false;
        const j = Math.floor((atMs - frame.baseMs) / frame.widthMs);
        let merged = target.get(j);
        if (!merged) {
          merged = new WindowTotals(typed.type, "summing");
          target.set(j, merged);
        }
        merged.addStored(typed.type, w, atMs);
      }
    }
    return true;
  }
  mergedWindows() {
    const { originMs, widthMs } = this.commonFrame();
    const frame = this.frame === "later" ? this.secondPass.frame : this.frame;
    const shift2 = (frame.baseMs - originMs) / widthMs;
    const series = {};
    for (const name of [...this.series.keys()].sort()) {
      const summed = this.series.get(name);
      const target = /* @__PURE__ */ new Map();
      for (const [j, t] of summed) {
        t.close();
        target.set(j + shift2, t);
      }
      series[name] = encodeWindows(target, 0);
    }
    return { originMs, widthMs, series };
  }
};
function isWhole(ms) {
  return Number.isInteger(ms) && Math.abs(ms) <= 2 ** 51;
}
function addScopes(a, b, name) {
  if (a.type !== b.type) throw new MergeError(`metric scope '${name}' is a ${a.type} in one run and a ${b.type} in another`);
  if (isReported(a) || isReported(b)) throw new MergeError(`'${name}' comes from an aggregate-only summary; aggregates (percentiles) cannot be added exactly \u2014 merge the NDJSON outputs instead`);
  return addMeasured(a, b);
}
function addMeasured(a, b) {
  switch (a.type) {
    case "trend": {
      if (b.type !== "trend") return a;
      const h = TrendHistogram.decode(a.trend);
      h.add(TrendHistogram.decode(b.trend));
      return { ...a, trend: h.encode() };
    }
    case "counter":
      if (b.type !== "counter") return a;
      return { ...a, counter: { count: a.counter.count + b.counter.count, samples: a.counter.samples + b.counter.samples } };
    case "rate": {
      if (b.type !== "rate") return a;
      const { signatures: _, ...rest } = a;
      return {
        ...rest,
        rate: { passes: a.rate.passes + b.rate.passes, fails: a.rate.fails + b.rate.fails },
        ...a.signatures && b.signatures ? { signatures: addSignatureLists(a.signatures, b.signatures) } : {}
      };
    }
    case "gauge":
      if (b.type !== "gauge") return a;
      return { ...a, gauge: { value: a.gauge.value + b.gauge.value, min: a.gauge.min + b.gauge.min, max: a.gauge.max + b.gauge.max, samples: a.gauge.samples + b.gauge.samples } };
  }
}
function mergeMetric(a, b) {
  const { tags: _a, ...rest } = a;
  const tags = a.tags && b.tags ? [.../* @__PURE__ */ new Set([...a.tags, ...b.tags])].sort() : void 0;
  return { ...rest, thresholds: [.../* @__PURE__ */ new Set([...a.thresholds, ...b.thresholds])], ...tags ? { tags } : {} };
}

// src/document/merge.ts
function mergeRuns(docs, options = {}) {
  const merger = new RunMerger(options);
  docs.forEach((d, k) => merger.add(d, options.names?.[k]));
  if (merger.windowsAgain()) for (const d of docs) merger.addWindows(d);
  return merger.finish();
}

// src/ingest/builder-thread.ts
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

// src/ingest/point-batch.ts
var BATCH_RECORDS = 16384;
var OP_KEY = -1;
var PointBatchWriter = class {
  constructor(send, capacity = BATCH_RECORDS) {
    this.send = send;
    this.capacity = capacity;
    if (!(Number.isInteger(capacity) && capacity >= 1)) throw new RangeError(`PointBatchWriter: capacity must be a whole number \u2265 1 but got ${capacity}`);
    this.records = new Float64Array(3 * capacity);
  }
  send;
  capacity;
  records;
  at = 0;
  ops = [];
  pool = [];
  /** A point for the targets bound to `key` (a whole number ≥ 0). */
  point(key, timeMs, value2) {
    if (this.at === this.records.length) this.flush();
    const r = this.records;
    const at = this.at;
    r[at] = key;
    r[at + 1] = timeMs;
    r[at + 2] = value2;
    this.at = at + 3;
  }
  op(op) {
    if (this.at === this.records.length) this.flush();
    const r = this.records;
    r[this.at] = OP_KEY;
    r[this.at + 1] = this.ops.length;
    r[this.at + 2] = 0;
    this.at += 3;
    this.ops.push(op);
  }
  /** Sends what is written, if anything. */
  flush() {
    if (this.at === 0) return;
    const batch = { records: this.records, length: this.at / 3, ops: this.ops };
    this.records = this.pool.pop() ?? new Float64Array(3 * this.capacity);
    this.at = 0;
    this.ops = [];
    this.send(batch);
  }
  /** A buffer the other side has finished reading, to write into again. */
  recycle(records) {
    if (records.length === 3 * this.capacity) this.pool.push(records);
  }
};

// src/ingest/remote-builder.ts
var TARGET_KEYS = 1 << 16;
var MAX_IN_FLIGHT = 8;
var RemoteBuilder = class {
  constructor(options, port, keys = TARGET_KEYS) {
    this.port = port;
    this.keys = keys;
    if (!(Number.isInteger(keys) && keys >= 1)) throw new RangeError(`RemoteBuilder: keys must be a whole number \u2265 1 but got ${keys}`);
    this.bindings = new Int32Array(keys);
    if (options.windowed !== void 0) throw new TypeError("RemoteBuilder: the `windowed` option is a function, which cannot be sent to another thread");
    this.catalogue = new RunBuilder(options);
    this.writer = new PointBatchWriter((batch) => this.sendBatch(batch));
    port.on("message", (message) => this.receive(message));
    this.send({ type: "start", options });
  }
  port;
  keys;
  points = 0;
  catalogue;
  writer;
  bindings;
  nextKey = 0;
  inFlight = 0;
  failure;
  resume;
  pending;
  finishing = false;
  defineMetric(def) {
    const id = this.catalogue.defineMetric(def);
    this.writer.op({ kind: "metric", def });
    return id;
  }
  metricId(name) {
    return this.catalogue.metricId(name);
  }
  metricDefinition(id) {
    return this.catalogue.metricDefinition(id);
  }
  targets(metric, tags) {
    const targets = { metric, tags, key: 0, binding: 0 };
    this.bind(targets);
    return targets;
  }
  next = new Float64Array(2);
  point(targets, timeMs, value2) {
    this.next[0] = timeMs;
    this.next[1] = value2;
    this.recordNext(targets);
  }
  recordNext(targets) {
    const t = targets;
    if (this.bindings[t.key] !== t.binding) this.bind(t);
    this.points++;
    this.writer.point(t.key, this.next[0], this.next[1]);
  }
  /**
   * Backpressure: a promise to await before parsing more when the builder thread is behind (undefined
   * when it is not). Rejects when the builder thread failed.
   */
  ready() {
    if (this.failure !== void 0) return Promise.reject(this.failure);
    if (this.inFlight < MAX_IN_FLIGHT) return void 0;
    return new Promise((resolve, reject) => {
      this.resume = () => this.failure !== void 0 ? reject(this.failure) : resolve();
    });
  }
  /** Sends what is left and the run's description; resolves with the document the builder thread built. */
  finish(info) {
    if (this.failure !== void 0) return Promise.reject(this.failure);
    if (this.finishing) return Promise.reject(new Error("RemoteBuilder: finish was called twice"));
    this.finishing = true;
    this.writer.flush();
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.send({ type: "finish", info });
    });
  }
  /** The builder thread cannot go on (it exited, or failed to start): every wait rejects with `err`. */
  fail(err) {
    if (this.failure !== void 0) return;
    this.failure = err;
    this.wake();
    this.pending?.reject(err);
    this.pending = void 0;
  }
  bind(t) {
    const key = this.nextKey;
    this.nextKey = key + 1 === this.keys ? 0 : key + 1;
    t.key = key;
    t.binding = ++this.bindings[key];
    this.writer.op({ kind: "targets", key, metric: t.metric, tags: t.tags });
  }
  sendBatch(batch) {
    this.inFlight++;
    this.send({ type: "batch", batch }, [batch.records.buffer]);
  }
  send(message, transfer) {
    this.port.postMessage(message, transfer);
  }
  receive(message) {
    switch (message.type) {
      case "recycle":
        this.inFlight--;
        this.writer.recycle(message.records);
        if (this.inFlight <= MAX_IN_FLIGHT / 2) this.wake();
        return;
      case "document":
        this.pending?.resolve(message.doc);
        this.pending = void 0;
        return;
      case "error":
        this.fail(new Error(`the run builder thread failed: ${message.message}`));
        return;
    }
  }
  wake() {
    const resume = this.resume;
    this.resume = void 0;
    resume?.();
  }
};

// src/ingest/builder-thread.ts
var WORKER_SCRIPT = new URL("./ingest-worker.js", import.meta.url);
var WORKER_YOUNG_GENERATION_MB = 8;
function builderThreadAvailable(script = WORKER_SCRIPT) {
  return script.protocol === "file:" && existsSync(fileURLToPath(script));
}
function startBuilderThread(options, script = WORKER_SCRIPT) {
  const worker = newWorker(script, workerExecArgv(process.execArgv));
  const builder = new RemoteBuilder(options, worker);
  let closed = false;
  worker.on("error", (err) => builder.fail(new Error(`the run builder thread failed: ${err.message}`, { cause: err })));
  worker.on("exit", (code) => {
    if (!closed) builder.fail(new Error(`the run builder thread exited (code ${code}) before the run was built`));
  });
  return {
    builder,
    async close() {
      closed = true;
      await worker.terminate();
    }
  };
}
function newWorker(script, execArgv) {
  const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
  try {
    return new Worker(script, { execArgv, resourceLimits });
  } catch (err) {
    if (err.code !== "ERR_WORKER_INVALID_EXEC_ARGV") throw err;
    return new Worker(script, { execArgv: [], resourceLimits });
  }
}
var MAIN_ONLY_FLAGS = /* @__PURE__ */ new Map([
  ["--input-type", true],
  ["-e", true],
  ["--eval", true],
  ["-p", true],
  ["--print", true]
]);
function workerExecArgv(execArgv) {
  const kept = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i];
    const eq = arg.indexOf("=");
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const takesNext = MAIN_ONLY_FLAGS.get(flag);
    if (takesNext === void 0) kept.push(arg);
    else if (takesNext && eq < 0) i++;
  }
  return kept;
}

// src/ingest/observed-builder.ts
var ObservedBuilder = class {
  constructor(builder, observer) {
    this.builder = builder;
    this.observer = observer;
    this.next = builder.next;
  }
  builder;
  observer;
  /** Per metric id: its recorder, null when not watched, undefined when not asked yet. */
  recorders = [];
  /** The wrapped builder's own: a point written here is the one it records. */
  next;
  get points() {
    return this.builder.points;
  }
  defineMetric(def) {
    return this.builder.defineMetric(def);
  }
  metricId(name) {
    return this.builder.metricId(name);
  }
  metricDefinition(id) {
    return this.builder.metricDefinition(id);
  }
  targets(metric, tags) {
    return this.builder.targets(metric, tags);
  }
  point(targets, timeMs, value2) {
    this.next[0] = timeMs;
    this.next[1] = value2;
    this.recordNext(targets);
  }
  recordNext(targets) {
    this.builder.recordNext(targets);
    let record = this.recorders[targets.metric];
    if (record === void 0) record = this.recorders[targets.metric] = this.observer(this.builder.metricDefinition(targets.metric).name) ?? null;
    if (record !== null) record(this.next[0], this.next[1]);
  }
  ready() {
    return this.builder.ready?.();
  }
};

// src/ingest/byte-source.ts
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createGunzip } from "node:zlib";

// src/ingest/errors.ts
var IngestError = class extends Error {
  name = "IngestError";
  /** The input file the problem is in (as the user named it). */
  file;
  /** 1-based line number, when the problem is on one line. */
  line;
  constructor(file, message, options) {
    const where2 = options?.line !== void 0 ? `${file}:${options.line}` : file;
    super(`${where2}: ${message}`, options?.cause !== void 0 ? { cause: options.cause } : void 0);
    this.file = file;
    if (options?.line !== void 0) this.line = options.line;
  }
};
var ACCEPTED_FORMATS = 'perf-gate reads k6 `--out json` NDJSON (.gz), k6 `--out csv` (.gz), k6 `--summary-export` JSON, k6 `handleSummary` JSON (JSON.stringify(data)), k6\'s machine-readable summary (`--new-machine-readable-summary`), JMeter CSV and XML result files (`jmeter -n -t plan.jmx -l results.jtl`, plain or .gz), Artillery `--output` reports, the request lines of artillery-plugin-perf-gate (docs/artillery.md) and perf-gate run documents ("schema": "perf-gate/run@1")';
function excerpt(text, max = 60) {
  const clean2 = text.replace(/[\u0000-\u001f\u007f]/g, (c2) => `\\u${c2.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return clean2.length > max ? `${clean2.slice(0, max)}\u2026` : clean2;
}

// src/ingest/byte-source.ts
var READ_CHUNK = 1 << 20;
var INFLATE_CHUNK = 256 * 1024;
var ByteSource = class _ByteSource {
  constructor(path, gzip, onBytes) {
    this.path = path;
    this.gzip = gzip;
    this.onBytes = onBytes;
  }
  path;
  gzip;
  onBytes;
  /** The gzip stream ended before its trailer. */
  truncated = false;
  reported = 0;
  /**
   * The bytes of a stream that is not a file (k6's output read through a FIFO while k6 runs), plain, under
   * the name `path` in messages. As for a file, a chunk is only valid until the next is asked for (the
   * FIFO's reader reuses its buffer).
   *
   * @example ByteSource.fromStream('smoke.ndjson', chunks) // chunks: an async generator over the FIFO
   */
  static fromStream(path, stream) {
    const source = new _ByteSource(path, false);
    source.stream = stream;
    return source;
  }
  stream;
  /** The bytes come from a stream (ByteSource.fromStream), not from a file read here. */
  get streamed() {
    return this.stream !== void 0;
  }
  async *chunks() {
    try {
      if (this.stream) {
        yield* this.stream;
        return;
      }
      if (!this.gzip) {
        yield* this.plain();
        return;
      }
      const raw = createReadStream(this.path, { highWaterMark: READ_CHUNK });
      try {
        yield* this.inflate(raw);
      } finally {
        raw.destroy();
      }
    } catch (err) {
      if (err instanceof IngestError) throw err;
      throw new IngestError(this.path, `cannot read: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  }
  async *plain() {
    const handle = await open(this.path, "r");
    try {
      const buffers = [Buffer.allocUnsafe(READ_CHUNK), Buffer.allocUnsafe(READ_CHUNK)];
      let current = 0;
      let total2 = 0;
      let reading = handle.read(buffers[0], 0, READ_CHUNK, null);
      for (; ; ) {
        const { bytesRead } = await reading;
        if (bytesRead === 0) return;
        const chunk = buffers[current];
        current ^= 1;
        reading = handle.read(buffers[current], 0, READ_CHUNK, null);
        total2 += bytesRead;
        this.report(total2);
        yield chunk.subarray(0, bytesRead);
      }
    } finally {
      await handle.close();
    }
  }
  async *inflate(raw) {
    const gunzip = createGunzip({ chunkSize: INFLATE_CHUNK });
    const queue = [];
    let failure;
    let ended = false;
    let wake;
    const signal = () => {
      const w = wake;
      wake = void 0;
      w?.();
    };
    gunzip.on("data", (chunk) => {
      queue.push(chunk);
      if (queue.length >= 4) gunzip.pause();
      signal();
    });
    gunzip.on("end", () => {
      ended = true;
      signal();
    });
    gunzip.on("error", (err) => {
      failure = err;
      ended = true;
      signal();
    });
    raw.on("error", (err) => gunzip.destroy(err));
    raw.pipe(gunzip);
    try {
      for (; ; ) {
        const chunk = queue.shift();
        if (chunk) {
          if (queue.length < 2 && gunzip.isPaused()) gunzip.resume();
          this.report(raw.bytesRead);
          yield chunk;
          continue;
        }
        if (ended) break;
        await new Promise((resolve) => {
          wake = resolve;
        });
      }
    } finally {
      gunzip.destroy();
    }
    if (failure === void 0) return;
    const code = failure.code;
    if (code === "Z_BUF_ERROR") {
      this.truncated = true;
      return;
    }
    if (code === "Z_DATA_ERROR" || code === "Z_STREAM_ERROR" || code === "Z_NEED_DICT") {
      const message = failure instanceof Error ? failure.message : String(failure);
      throw new IngestError(this.path, `the gzip data is corrupt after ${raw.bytesRead} bytes (${message}); re-copy the file or use it uncompressed`, { cause: failure });
    }
    throw failure;
  }
  report(total2) {
    if (!this.onBytes || total2 <= this.reported) return;
    this.onBytes(total2 - this.reported);
    this.reported = total2;
  }
};

// src/ingest/detect.ts
import { open as open2, readFile, stat } from "node:fs/promises";
import { gunzipSync, constants as zlibConstants } from "node:zlib";

// src/ingest/artillery/roles.ts
var ARTILLERY_ROLES = { latency: "http.response_time", requests: "http.requests", failures: "http.failed" };

// src/ingest/artillery/metrics.ts
var NETWORK_ERROR = /^(E[A-Z0-9_]+|ERR_[A-Z0-9_]+)$/;
function failedStatus(status) {
  return status >= 400;
}
var ARTILLERY_METRICS = /* @__PURE__ */ new Map([
  [ARTILLERY_ROLES.latency, { type: "trend", contains: "time" }],
  [ARTILLERY_ROLES.requests, { type: "counter", contains: "default" }],
  [ARTILLERY_ROLES.failures, { type: "rate", contains: "default" }],
  // Timing phases of each response, as Artillery names them with `http.extendedMetrics`.
  ["http.dns", { type: "trend", contains: "time" }],
  ["http.tcp", { type: "trend", contains: "time" }],
  ["http.tls", { type: "trend", contains: "time" }],
  ["http.total", { type: "trend", contains: "time" }],
  ["http.downloaded_bytes", { type: "counter", contains: "data" }],
  ["vusers.session_length", { type: "trend", contains: "time" }]
]);

// src/ingest/artillery/report.ts
import { z as z2 } from "zod";

// src/ingest/zod-message.ts
function zodMessage(error, root) {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const path = [...root !== void 0 ? [root] : [], ...issue.path.map(String)].join(".");
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  if (error.issues.length > 5) parts.push(`and ${error.issues.length - 5} more`);
  return parts.join("; ");
}

// src/ingest/artillery/report.ts
var BY_ENDPOINT = "plugins.metrics-by-endpoint.";
var SummarySchema = z2.object({
  min: z2.number(),
  max: z2.number(),
  count: z2.number().int().nonnegative(),
  mean: z2.number().optional(),
  median: z2.number().optional(),
  p50: z2.number().optional(),
  p75: z2.number().optional(),
  p90: z2.number().optional(),
  p95: z2.number().optional(),
  p99: z2.number().optional(),
  p999: z2.number().optional()
});
var PeriodSchema = z2.object({
  counters: z2.record(z2.string(), z2.number()).default({}),
  rates: z2.record(z2.string(), z2.number()).default({}),
  summaries: z2.record(z2.string(), SummarySchema).default({}),
  firstMetricAt: z2.number().optional(),
  lastMetricAt: z2.number().optional()
});
var ReportSchema = z2.object({
  aggregate: PeriodSchema,
  intermediate: z2.array(z2.unknown()).default([])
});
function isArtilleryReport(o) {
  const a = o.aggregate;
  return typeof a === "object" && a !== null && !Array.isArray(a) && ("counters" in a || "summaries" in a);
}
var AGGREGATE_ONLY_NOTE = "Artillery's report holds summaries only (count, min, max, mean, median, p75, p90, p95, p99, p99.9), no distributions: latency changes are reported against the limits but not tested for significance, the error-rate and throughput changes are not judged, failure signatures are not recorded, and rules that need time windows (sequential looks, within-run degradation) do not apply; record the per-request stream with artillery-plugin-perf-gate for the full verdict (docs/artillery.md)";
function artilleryReportDocument(value2, info) {
  const parsed = ReportSchema.safeParse(value2);
  if (!parsed.success) throw new IngestError(info.file, `looks like an Artillery --output report but ${zodMessage(parsed.error)}`);
  const { aggregate, intermediate } = parsed.data;
  const warnings = [`${info.file}: ${AGGREGATE_ONLY_NOTE}`];
  const scopes = {};
  const types = /* @__PURE__ */ new Map();
  const add = (metric, type, tags, reported, rate3) => {
    types.set(metric, type);
    scopes[scopeName(metric, tags)] = { metric, tags, type, reported, ...rate3 ? { rate: rate3 } : {} };
  };
  const first2 = aggregate.firstMetricAt;
  const last2 = aggregate.lastMetricAt;
  let durationSeconds = 0;
  if (first2 !== void 0 && last2 !== void 0 && last2 >= first2) durationSeconds = (last2 - first2) / 1e3;
  else warnings.push(`${info.file}: the report does not say when its first and last metrics were recorded (aggregate.firstMetricAt, lastMetricAt): duration set to 0`);
  const endMs = last2 ?? Math.round(info.mtimeMs);
  const startMs2 = first2 ?? endMs;
  const perSecond = (count2) => durationSeconds > 0 ? { count: count2, rate: count2 / durationSeconds } : { count: count2 };
  const endpoints = /* @__PURE__ */ new Map();
  const endpoint = (name) => {
    let e = endpoints.get(name);
    if (!e) endpoints.set(name, e = { codes: 0, failed: 0, errors: 0 });
    return e;
  };
  let failedCodes = 0;
  let networkErrors = 0;
  const otherErrors = [];
  for (const [key, count2] of Object.entries(aggregate.counters)) {
    if (key.startsWith(BY_ENDPOINT)) {
      const rest = key.slice(BY_ENDPOINT.length);
      const code2 = /^(.+)\.codes\.(\d{3})$/.exec(rest);
      const error2 = /^(.+)\.errors\.([^.]+)$/.exec(rest);
      if (code2) {
        const e = endpoint(code2[1]);
        e.codes += count2;
        if (failedStatus(Number(code2[2]))) e.failed += count2;
      } else if (error2) {
        if (NETWORK_ERROR.test(error2[2])) endpoint(error2[1]).errors += count2;
      } else {
        add(key, "counter", {}, perSecond(count2));
      }
      continue;
    }
    const code = /^http\.codes\.(\d{3})$/.exec(key);
    if (code && failedStatus(Number(code[1]))) failedCodes += count2;
    const error = /^errors\.(.+)$/.exec(key);
    if (error) {
      if (NETWORK_ERROR.test(error[1])) networkErrors += count2;
      else otherErrors.push(`${error[1]} (${count2})`);
    }
    if (key === ARTILLERY_ROLES.requests) continue;
    add(key, "counter", {}, perSecond(count2));
  }
  if (otherErrors.length > 0) {
    warnings.push(`${info.file}: Artillery counted errors that are not failed requests, so they are not in ${ARTILLERY_ROLES.failures}: ${otherErrors.join(", ")}`);
  }
  const requests = aggregate.counters[ARTILLERY_ROLES.requests];
  if (requests === void 0) {
    warnings.push(`${info.file}: the report has no ${ARTILLERY_ROLES.requests} counter (no HTTP request was made, or not the HTTP engine): no request count or failure rate`);
  } else {
    add(ARTILLERY_ROLES.requests, "counter", {}, perSecond(requests));
    const failed = Math.min(requests, failedCodes + networkErrors);
    add(ARTILLERY_ROLES.failures, "rate", {}, rateValues(failed, requests), { passes: failed, fails: requests - failed });
  }
  for (const [name, e] of [...endpoints].sort((a, b) => compareText3(a[0], b[0]))) {
    const total2 = e.codes + e.errors;
    const failed = e.failed + e.errors;
    add(ARTILLERY_ROLES.requests, "counter", { name }, perSecond(total2));
    add(ARTILLERY_ROLES.failures, "rate", { name }, rateValues(failed, total2), { passes: failed, fails: total2 - failed });
  }
  for (const [key, s] of Object.entries(aggregate.summaries)) {
    if (key.startsWith(`${BY_ENDPOINT}response_time.`)) {
      add(ARTILLERY_ROLES.latency, "trend", { name: key.slice(`${BY_ENDPOINT}response_time.`.length) }, trendValues(s));
    } else if (key.startsWith(`${BY_ENDPOINT}server-timing.`)) {
      add(`${BY_ENDPOINT}server-timing`, "trend", { name: key.slice(`${BY_ENDPOINT}server-timing.`.length) }, trendValues(s));
    } else {
      add(key, "trend", {}, trendValues(s));
    }
  }
  if (endpoints.size === 0) {
    warnings.push(`${info.file}: no per-endpoint metrics (enable the metrics-by-endpoint plugin, bundled with Artillery, with useOnlyRequestNames: true): only the whole run is judged`);
  }
  const metrics = {};
  for (const name of [...types.keys()].sort(compareText3)) {
    const known2 = ARTILLERY_METRICS.get(name);
    const type = types.get(name);
    metrics[name] = { type, contains: known2?.type === type ? known2.contains : type === "trend" && isTimeSummary(name) ? "time" : "default", thresholds: [] };
  }
  const ordered2 = {};
  for (const k of Object.keys(scopes).sort(compareText3)) ordered2[k] = scopes[k];
  return {
    schema: RUN_DOCUMENT_SCHEMA,
    meta: {
      tool: "artillery",
      roles: { ...ARTILLERY_ROLES },
      ...info.stage !== void 0 ? { stage: info.stage } : {},
      start: new Date(startMs2).toISOString(),
      end: new Date(endMs).toISOString(),
      durationSeconds,
      ...info.gitSha !== void 0 ? { gitSha: info.gitSha } : {},
      labels: info.labels ?? {},
      partial: false,
      aggregateOnly: true,
      groupBy: endpoints.size > 0 ? ["name"] : [],
      sources: [{ file: info.file, format: "artillery-report", lines: info.lines, partial: false }],
      warnings: intermediate.length === 0 ? [...warnings, `${info.file}: the report has no intermediate periods`] : warnings
    },
    metrics,
    scopes: ordered2,
    windows: { originMs: startMs2, widthMs: 1e3, series: {} }
  };
}
function trendValues(s) {
  const out = { count: s.count, min: s.min, max: s.max };
  const keys = [["mean", "avg"], ["median", "med"], ["p75", "p(75)"], ["p90", "p(90)"], ["p95", "p(95)"], ["p99", "p(99)"], ["p999", "p(99.9)"]];
  for (const [from, to] of keys) {
    const v = s[from];
    if (v !== void 0) out[to] = v;
  }
  if (out.med === void 0 && s.p50 !== void 0) out.med = s.p50;
  return out;
}
function rateValues(failed, total2) {
  return { ...total2 > 0 ? { rate: failed / total2 } : {}, passes: failed, fails: total2 - failed };
}
function isTimeSummary(name) {
  return name.startsWith("http.response_time") || name.endsWith("session_length") || name.startsWith(`${BY_ENDPOINT}server-timing`) || /^http\.(dns|tcp|tls|total)$/.test(name);
}
function compareText3(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/ingest/point-sink.ts
import { z as z3 } from "zod";
var TAG_CACHE_LIMIT = 5e4;
var TagCache = class {
  constructor(limit = TAG_CACHE_LIMIT) {
    this.limit = limit;
  }
  limit;
  map = /* @__PURE__ */ new Map();
  get(raw) {
    return this.map.get(raw);
  }
  add(raw, tags) {
    if (this.map.size >= this.limit) this.map.clear();
    const entry = { tags, targets: [] };
    this.map.set(raw, entry);
    return entry;
  }
  get size() {
    return this.map.size;
  }
};
function normalizeTags(value2) {
  if (typeof value2 !== "object" || value2 === null || Array.isArray(value2)) return void 0;
  const out = {};
  for (const [k, v] of Object.entries(value2)) {
    let text;
    if (typeof v === "string") text = v;
    else if (typeof v === "number" || typeof v === "boolean") text = String(v);
    else if (v === null) continue;
    else return void 0;
    if (k === "__proto__") Object.defineProperty(out, k, { value: text, enumerable: true, writable: true, configurable: true });
    else out[k] = text;
  }
  return out;
}
var K6MetricDataSchema = z3.object({
  name: z3.string().min(1),
  type: MetricTypeSchema,
  contains: z3.enum(["time", "data", "default"]).optional(),
  thresholds: z3.array(z3.string()).nullish(),
  submetrics: z3.array(z3.object({ tags: z3.record(z3.string(), z3.string()).nullish() })).nullish()
});
var PointSink = class {
  constructor(builder, warn, known2 = /* @__PURE__ */ new Map()) {
    this.builder = builder;
    this.warn = warn;
    this.known = known2;
  }
  builder;
  warn;
  known;
  inferred = /* @__PURE__ */ new Set();
  /** Defines the metric of a k6 `{"type":"Metric","data":{…}}` line. Returns an error sentence when `data` is not one. */
  defineK6Metric(data) {
    const parsed = K6MetricDataSchema.safeParse(data);
    if (!parsed.success) return `not a k6 Metric declaration (${zodMessage(parsed.error, "data")})`;
    const d = parsed.data;
    const known2 = this.builder.metricId(d.name);
    if (known2 !== void 0 && this.inferred.has(d.name) && this.builder.metricDefinition(known2).type !== d.type) {
      this.warn(`metric '${d.name}': its Metric line (type ${d.type}) came after its first points, which were read as ${this.builder.metricDefinition(known2).type}`);
    }
    const def = {
      name: d.name,
      type: d.type,
      contains: d.contains ?? "default",
      thresholds: d.thresholds ?? [],
      submetrics: (d.submetrics ?? []).flatMap((s) => s.tags ? [s.tags] : [])
    };
    return this.builder.defineMetric(def);
  }
  /**
   * The id of `name`, defining it from k6's built-in table (or as a trend) when no declaration was seen.
   * `why` completes the warning (`has points but no Metric line`); built-ins are only warned about when
   * `warnBuiltins` (NDJSON, where a missing declaration means a damaged file).
   */
  metricFor(name, why, warnBuiltins) {
    const id = this.builder.metricId(name);
    if (id !== void 0) return id;
    const builtin = this.known.get(name);
    this.inferred.add(name);
    if (!builtin) this.warn(`metric '${name}' ${why}: read as a trend`);
    else if (warnBuiltins) this.warn(`metric '${name}' ${why}: read as a ${builtin.type} (k6 built-in)`);
    return this.builder.defineMetric({
      name,
      type: builtin?.type ?? "trend",
      contains: builtin?.contains ?? "default",
      thresholds: [],
      submetrics: []
    });
  }
  /** Await it (when defined) before parsing the next chunk: the builder's backpressure (PointBuilder.ready). */
  ready() {
    return this.builder.ready?.();
  }
  /** Targets of `metric` for a cached tag entry (the entry must have tags). */
  targets(entry, metric) {
    const t = this.builder.targets(metric, entry.tags);
    entry.targets[metric] = t;
    return t;
  }
};

// src/ingest/artillery/requests.ts
var REQUESTS_FORMAT = "artillery-requests@1";
var MAX_LINE_BYTES = 1 << 20;
var PHASES = [["dns", "http.dns"], ["tcp", "http.tcp"], ["tls", "http.tls"], ["total", "http.total"]];
var HINT = "is this file from artillery-plugin-perf-gate (PERF_GATE_ARTILLERY_REQUESTS)?";
function isRequestsHeader(firstLine) {
  return firstLine.startsWith(`{"perfGate":"artillery-requests@`);
}
async function readArtilleryRequests(file, source, sink, warn) {
  const parser = new RequestLineParser(file, sink);
  let carry;
  for await (const chunk of source.chunks()) {
    let pos = 0;
    const data = carry ? Buffer.concat([carry, chunk]) : chunk;
    carry = void 0;
    for (let nl = data.indexOf(10, pos); nl >= 0; nl = data.indexOf(10, pos)) {
      parser.line(data.toString("utf8", pos, nl));
      pos = nl + 1;
    }
    if (pos < data.length) {
      if (data.length - pos > MAX_LINE_BYTES) throw new IngestError(file, `line ${parser.lines + 1} is longer than 1 MiB: ${HINT}`, { line: parser.lines + 1 });
      carry = Buffer.from(data.subarray(pos));
    }
    const wait = sink.ready();
    if (wait !== void 0) await wait;
  }
  let partial = source.truncated;
  if (carry !== void 0 && carry.toString("utf8").trim() !== "") {
    try {
      parser.line(carry.toString("utf8"));
    } catch (err) {
      if (!(err instanceof IngestError)) throw err;
      partial = true;
      warn(`${file}: line ${parser.lines + 1} is cut off (Artillery was stopped while writing it); read the ${parser.lines} complete lines before it`);
    }
  }
  if (source.truncated) warn(`${file}: the gzip stream ends early (unexpected end of file); read everything up to the break`);
  return { lines: parser.lines, partial };
}
var RequestLineParser = class {
  constructor(file, sink) {
    this.file = file;
    this.sink = sink;
  }
  file;
  sink;
  /** Lines read so far (the one being read counted once it is read). */
  lines = 0;
  tagCache = new TagCache();
  ids;
  line(text) {
    const lineNo = this.lines + 1;
    const trimmed = text.endsWith("\r") ? text.slice(0, -1) : text;
    if (trimmed.trim() === "") {
      this.lines = lineNo;
      return;
    }
    let o;
    try {
      o = JSON.parse(trimmed);
    } catch {
      throw this.error(lineNo, `expected a JSON request line, got '${excerpt(trimmed)}': ${HINT}`);
    }
    if (typeof o !== "object" || o === null || Array.isArray(o)) throw this.error(lineNo, `expected a JSON object, got '${excerpt(trimmed)}': ${HINT}`);
    const r = o;
    if ("perfGate" in r) {
      if (r.perfGate !== REQUESTS_FORMAT) {
        throw this.error(lineNo, `is written in ${excerpt(String(r.perfGate))}, but this perf-gate reads ${REQUESTS_FORMAT}: use the artillery-plugin-perf-gate shipped with this perf-gate`);
      }
      this.lines = lineNo;
      return;
    }
    this.request(r, lineNo);
    this.lines = lineNo;
  }
  request(r, lineNo) {
    const { t, name, method, status, ms, error, phases } = r;
    if (typeof t !== "number" || !Number.isFinite(t) || t <= 0) throw this.error(lineNo, `'t' must be the request's start in Unix milliseconds but is ${excerpt(JSON.stringify(t) ?? "missing")}`);
    if (typeof name !== "string" || name === "") throw this.error(lineNo, `'name' must be the request's name but is ${excerpt(JSON.stringify(name) ?? "missing")}`);
    if (typeof method !== "string" || method === "") throw this.error(lineNo, `'method' must be the HTTP method but is ${excerpt(JSON.stringify(method) ?? "missing")}`);
    const answered = status !== void 0;
    if (answered && !(typeof status === "number" && Number.isInteger(status) && status >= 100 && status <= 999)) {
      throw this.error(lineNo, `'status' must be an HTTP status code but is ${excerpt(JSON.stringify(status))}`);
    }
    if (!answered && (typeof error !== "string" || error === "")) throw this.error(lineNo, "a request line needs a 'status' (answered) or an 'error' (no answer)");
    if (ms !== void 0 && !(typeof ms === "number" && Number.isFinite(ms) && ms >= 0)) throw this.error(lineNo, `'ms' must be a latency in milliseconds (\u2265 0) but is ${excerpt(JSON.stringify(ms))}`);
    const ids = this.ids ?? this.define();
    const tags = answered ? { name, method, status: String(status) } : { name, method, error_code: error };
    const raw = answered ? `${name}\0${method}\0${String(status)}` : `${name}\0${method}\0\0${error}`;
    const entry = this.tagCache.get(raw) ?? this.tagCache.add(raw, tags);
    const failed = answered ? failedStatus(status) : true;
    this.point(entry, ids.requests, t, 1);
    this.point(entry, ids.failures, t, failed ? 1 : 0);
    if (answered && typeof ms === "number") this.point(entry, ids.latency, t, ms);
    if (typeof phases === "object" && phases !== null) {
      const p = phases;
      PHASES.forEach(([key, metric], i) => {
        const v = p[key];
        if (typeof v === "number" && Number.isFinite(v) && v >= 0) this.point(entry, ids.phases[i] ??= this.metric(metric), t, v);
      });
    }
  }
  point(entry, metric, t, value2) {
    const targets = entry.targets[metric] ?? this.sink.targets(entry, metric);
    this.sink.builder.point(targets, t, value2);
  }
  /**
   * The roles' metrics, defined on the first request line (a file of only a header defines none) — the
   * latency too, so a run whose every request failed still has it (empty); a timing phase on its first value.
   */
  define() {
    this.ids = {
      latency: this.metric(ARTILLERY_ROLES.latency),
      requests: this.metric(ARTILLERY_ROLES.requests),
      failures: this.metric(ARTILLERY_ROLES.failures),
      phases: PHASES.map(() => void 0)
    };
    return this.ids;
  }
  metric(name) {
    return this.sink.metricFor(name, "is not one of the Artillery metrics", false);
  }
  error(lineNo, message) {
    return new IngestError(this.file, message, { line: lineNo });
  }
};

// src/ingest/artillery/index.ts
var artillery = { tool: "artillery", roles: ARTILLERY_ROLES, knownMetrics: ARTILLERY_METRICS };
var ARTILLERY_READERS = [
  { ...artillery, kind: "stream", format: "artillery-requests", sniff: (head) => isRequestsHeader(head.firstLine), read: readArtilleryRequests },
  { ...artillery, kind: "summary", format: "artillery-report", sniff: isArtilleryReport, read: artilleryReportDocument }
];

// src/ingest/csv-record.ts
function splitCsvRecord(text) {
  const fields = [];
  let i = 0;
  const n = text.length;
  for (; ; ) {
    if (text.charCodeAt(i) === 34) {
      let value2 = "";
      let from = i + 1;
      for (; ; ) {
        const q = text.indexOf('"', from);
        if (q < 0) return void 0;
        value2 += text.slice(from, q);
        if (text.charCodeAt(q + 1) === 34) {
          value2 += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      fields.push(value2);
      if (i === n) return fields;
      if (text.charCodeAt(i) !== 44) return void 0;
      i++;
    } else {
      const comma = text.indexOf(",", i);
      if (comma < 0) {
        fields.push(text.slice(i));
        return fields;
      }
      fields.push(text.slice(i, comma));
      i = comma + 1;
    }
  }
}
function quotesBalanced(text) {
  let count2 = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) count2++;
  return count2 % 2 === 0;
}

// src/ingest/csv-records.ts
import { StringDecoder } from "node:string_decoder";
var CsvRecords = class {
  constructor(onRecord, overflow2, maxChars = 16 << 20) {
    this.onRecord = onRecord;
    this.overflow = overflow2;
    this.maxChars = maxChars;
  }
  onRecord;
  overflow;
  maxChars;
  decoder = new StringDecoder("utf8");
  carry = "";
  lineNo = 0;
  /** A quoted field spans lines: the record so far and the line it started on. */
  pending;
  pendingLine = 0;
  /** The physical lines read so far (those ended by a line break, and a `lastLine`). */
  get lines() {
    return this.lineNo;
  }
  /** The first line of a record whose quoted field is still open, or undefined. */
  get openSince() {
    return this.pending !== void 0 ? this.pendingLine : void 0;
  }
  push(chunk) {
    const text = this.carry + this.decoder.write(chunk);
    let pos = 0;
    for (; ; ) {
      const nl = text.indexOf("\n", pos);
      if (nl < 0) break;
      this.lineNo++;
      this.line(text.slice(pos, nl));
      pos = nl + 1;
    }
    this.carry = text.slice(pos);
    if (this.carry.length > this.maxChars) throw this.overflow("line", this.lineNo + 1);
  }
  /** Ends the input: returns the text after the last line break ('' when it ended with one), not read. */
  end() {
    const rest = this.carry + this.decoder.end();
    this.carry = "";
    return rest;
  }
  /** Reads `text` (from `end()`) as one more line, for a format whose last line may lack its line break. */
  lastLine(text) {
    this.lineNo++;
    this.line(text);
  }
  line(raw) {
    let text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (this.lineNo === 1 && text.charCodeAt(0) === 65279) text = text.slice(1);
    if (this.pending !== void 0) {
      const record = `${this.pending}
${text}`;
      if (!quotesBalanced(record)) {
        this.pending = record;
        if (record.length > this.maxChars) throw this.overflow("quoted field", this.pendingLine);
        return;
      }
      this.pending = void 0;
      this.onRecord(record, this.pendingLine);
      return;
    }
    if (text === "") return;
    if (text.includes('"') && !quotesBalanced(text)) {
      this.pending = text;
      this.pendingLine = this.lineNo;
      return;
    }
    this.onRecord(text, this.lineNo);
  }
};

// src/ingest/jmeter/metrics.ts
var JMETER_METRIC_NAMES = ["elapsed", "samples", "failed", "Latency", "Connect", "bytes", "sentBytes", "allThreads"];
var JMETER_METRICS = /* @__PURE__ */ new Map([
  ["elapsed", { type: "trend", contains: "time" }],
  ["samples", { type: "counter", contains: "default" }],
  ["failed", { type: "rate", contains: "default" }],
  ["Latency", { type: "trend", contains: "time" }],
  ["Connect", { type: "trend", contains: "time" }],
  ["bytes", { type: "counter", contains: "data" }],
  ["sentBytes", { type: "counter", contains: "data" }],
  ["allThreads", { type: "gauge", contains: "default" }]
]);

// src/ingest/jmeter/sample.ts
function emptySample() {
  return { startMs: Number.NaN, elapsed: Number.NaN, label: "", responseCode: "", responseMessage: "", threadName: "", success: true, Latency: Number.NaN, Connect: Number.NaN, bytes: Number.NaN, sentBytes: Number.NaN, allThreads: Number.NaN };
}
function sampleTime(s) {
  return s.startMs + s.elapsed;
}
function threadGroupOf(threadName) {
  const m = THREAD_NUMBER.exec(threadName);
  return m ? threadName.slice(0, m.index) : threadName;
}
function nonHttpErrorCode(responseCode) {
  if (!responseCode.startsWith(NON_HTTP)) return void 0;
  const name = responseCode.slice(NON_HTTP.length).trim();
  return JAVA_CLASS.test(name) ? name : void 0;
}
function isTransactionSample(s) {
  return s.responseMessage.startsWith(TRANSACTION);
}
var SampleRecorder = class {
  constructor(file, sink, warn) {
    this.file = file;
    this.sink = sink;
    this.warn = warn;
  }
  file;
  sink;
  warn;
  /** Builder ids of the metrics, by JMETER_METRIC_NAMES index (-1 until the first point). */
  ids = JMETER_METRIC_NAMES.map(() => -1);
  tagCache = new TagCache();
  transactionsWarned = false;
  /** Records `s`, read at `line`. @throws IngestError when `elapsed` or `timeStamp` is missing or a number is impossible. */
  record(s, line) {
    if (Number.isNaN(s.startMs)) throw new IngestError(this.file, "the sample has no timeStamp", { line });
    if (!(s.elapsed >= 0)) throw new IngestError(this.file, `elapsed ${Number.isNaN(s.elapsed) ? "is missing" : `is ${s.elapsed}, a negative time`}; JMeter writes whole milliseconds \u2265 0: correct or remove the sample`, { line });
    const group = threadGroupOf(s.threadName);
    const key = `${s.label}\0${s.responseCode}\0${group}`;
    const entry = this.tagCache.get(key) ?? this.tagCache.add(key, this.tags(s, group));
    const time = sampleTime(s);
    this.point(entry, "elapsed", time, s.elapsed);
    this.point(entry, "samples", time, 1);
    this.point(entry, "failed", time, s.success ? 0 : 1);
    this.optional(entry, "Latency", time, s.Latency, line);
    this.optional(entry, "Connect", time, s.Connect, line);
    this.optional(entry, "bytes", time, s.bytes, line);
    this.optional(entry, "sentBytes", time, s.sentBytes, line);
    this.optional(entry, "allThreads", time, s.allThreads, line);
  }
  /**
   * Warns once per file of a Transaction Controller sample that is (`certain`) or may be (a CSV row) written
   * beside the samples of its samplers: it counts as one sample, like JMeter's own reports count it, so
   * the metrics of all samples count the transaction and its requests.
   */
  transactionBesideItsRequests(s, line, certain) {
    if (this.transactionsWarned) return;
    this.transactionsWarned = true;
    const which = certain ? "are written beside the samples of their samplers" : `may be written beside the samples of their samplers (unless the controller's "Generate parent sample" is on)`;
    this.warn(
      `${this.file}: Transaction Controller samples (the first '${excerpt(s.label)}', line ${line}) ${which}: each counts as one sample, as in JMeter's own reports, so the metrics of all samples count a transaction and its requests; the transaction has a scope of its own (its label)`
    );
  }
  tags(s, group) {
    const tags = {};
    if (s.label !== "") {
      tags["name"] = s.label;
      tags["label"] = s.label;
    }
    const errorCode = nonHttpErrorCode(s.responseCode);
    if (errorCode !== void 0) tags["error_code"] = errorCode;
    else if (s.responseCode !== "") tags["status"] = s.responseCode;
    if (group !== "") tags["thread_group"] = group;
    return tags;
  }
  optional(entry, metric, time, value2, line) {
    if (Number.isNaN(value2)) return;
    if (value2 < 0) throw new IngestError(this.file, `${metric} is ${value2}, below 0, which JMeter never writes; correct or remove the sample`, { line });
    this.point(entry, metric, time, value2);
  }
  point(entry, metric, time, value2) {
    const index = METRIC_INDEX[metric];
    let id = this.ids[index];
    if (id < 0) {
      id = this.sink.metricFor(metric, "is a JMeter metric", false);
      this.ids[index] = id;
    }
    const targets = entry.targets[id] ?? this.sink.targets(entry, id);
    this.sink.builder.point(targets, time, value2);
  }
};
function numberField(raw, name) {
  if (raw === "") return Number.NaN;
  if (DECIMAL.test(raw)) return Number(raw);
  return `${name} '${excerpt(raw, 30)}' is not a number`;
}
function successField(raw) {
  const v = raw.toLowerCase();
  return v === "true" ? true : v === "false" ? false : void 0;
}
var METRIC_INDEX = Object.fromEntries(JMETER_METRIC_NAMES.map((name, i) => [name, i]));
var DECIMAL = /^-?\d{1,15}(?:\.\d{1,9})?$/;
var THREAD_NUMBER = / \d+-\d+$/;
var NON_HTTP = "Non HTTP response code:";
var JAVA_CLASS = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
var TRANSACTION = "Number of samples in transaction : ";

// src/ingest/jmeter/timestamp.ts
function parseJmeterTimestamp(text) {
  if (DIGITS.test(text)) return { ms: Number(text), zoned: true };
  const m = DATE.exec(text);
  if (!m) return void 0;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60)) return void 0;
  const ms = frac === void 0 ? 0 : Number(frac.padEnd(3, "0").slice(0, 3));
  let offsetMinutes = 0;
  if (zone !== void 0 && zone !== "Z") {
    const digits2 = zone.replace(":", "");
    offsetMinutes = (zone.startsWith("-") ? -1 : 1) * (Number(digits2.slice(1, 3)) * 60 + Number(digits2.slice(3, 5)));
  }
  return { ms: Date.UTC(Number(y), month - 1, day, hour, minute, second, ms) - offsetMinutes * 6e4, zoned: zone !== void 0 };
}
var TIMESTAMP_FORMATS = "milliseconds since 1970 (JMeter's default) or a date as yyyy/MM/dd HH:mm:ss.SSS or yyyy-MM-dd'T'HH:mm:ss.SSSZ";
var DIGITS = /^\d{1,15}$/;
var DATE = /^(\d{4})[-/](\d{2})[-/](\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))? ?(Z|[+-]\d{2}:?\d{2})?$/;

// src/ingest/pump-chunks.ts
async function pumpChunks(source, sink, parser) {
  for await (const chunk of source.chunks()) {
    parser.push(chunk);
    const wait = sink.ready();
    if (wait !== void 0) await wait;
  }
}

// src/ingest/jmeter/csv.ts
var HINT2 = "is this a JMeter CSV results file (jmeter -n -t plan.jmx -l results.jtl)?";
var NUMBER_COLUMNS = ["elapsed", "Latency", "Connect", "bytes", "sentBytes", "allThreads"];
var TEXT_COLUMNS = ["label", "responseCode", "responseMessage", "threadName"];
var JmeterCsvParser = class {
  constructor(file, sink, warn) {
    this.file = file;
    this.warn = warn;
    this.recorder = new SampleRecorder(file, sink, warn);
  }
  file;
  warn;
  records = new CsvRecords(
    (text, line) => this.record(text, line),
    (what, line) => this.overflow(what, line)
  );
  layout;
  recorder;
  sample = emptySample();
  zoneWarned = false;
  push(chunk) {
    this.records.push(chunk);
  }
  finish(truncatedStream) {
    const rest = this.records.end();
    const open3 = this.records.openSince;
    let partial = truncatedStream;
    let lines = this.records.lines;
    if (open3 !== void 0 || rest !== "") {
      partial = true;
      const cut = open3 ?? lines + 1;
      lines = cut - 1;
      if (this.layout !== void 0) {
        this.warn(`${this.file}: line ${cut} is cut off (JMeter was stopped while writing it); read the ${lines} complete lines before it`);
      }
    }
    if (this.layout === void 0) throw this.error(`has no complete JMeter CSV header line; ${HINT2}`);
    if (truncatedStream) this.warn(`${this.file}: the gzip stream ends early (unexpected end of file); read everything up to the break`);
    return { lines, partial };
  }
  record(text, line) {
    const layout = this.layout;
    if (layout === void 0) {
      this.layout = this.header(text, line);
      return;
    }
    const fields = text.includes('"') ? splitCsvRecord(text) : text.split(",");
    if (fields === void 0) throw this.error(`a quoted field is followed by more text before the next comma in '${excerpt(text)}': not CSV as JMeter writes it`, line);
    if (fields.length !== layout.columns) {
      throw this.error(`expected ${layout.columns} columns as in the header, got ${fields.length} in '${excerpt(text)}': a field whose quotes are broken, or a row of another shape (JMeter appends to an existing file even when its save settings changed: write each run to a new file)`, line);
    }
    const s = this.sample;
    const ts = fields[layout.timeStamp];
    const time = parseJmeterTimestamp(ts);
    if (time === void 0) throw this.error(`timeStamp '${excerpt(ts)}' is not ${TIMESTAMP_FORMATS}; set jmeter.save.saveservice.timestamp_format=ms for the next run`, line);
    if (!time.zoned && !this.zoneWarned) {
      this.zoneWarned = true;
      this.warn(`${this.file}: timeStamp '${excerpt(ts)}' has no time zone (JMeter writes dates in its machine's zone, which the file does not say): read as UTC, so the run's start may be off by that zone's offset; durations are not affected`);
    }
    s.startMs = time.ms;
    const success = successField(fields[layout.success]);
    if (success === void 0) throw this.error(`success '${excerpt(fields[layout.success])}' is neither true nor false`, line);
    s.success = success;
    if (layout.sampleCount >= 0) {
      const count2 = fields[layout.sampleCount];
      if (count2 !== "" && count2 !== "1") {
        throw this.error(`SampleCount is ${excerpt(count2, 20)}: the row stands for several samples (JMeter's Statistical mode); perf-gate reads one row per sample: run without mode=Statistical`, line);
      }
    }
    for (const { column, index } of layout.texts) s[column] = fields[index];
    for (const { column, index } of layout.numbers) {
      const n = numberField(fields[index], column);
      if (typeof n === "string") throw this.error(n, line);
      s[column] = n;
    }
    this.recorder.record(s, line);
    if (isTransactionSample(s)) this.recorder.transactionBesideItsRequests(s, line, false);
  }
  header(text, line) {
    const fields = splitCsvRecord(text);
    if (fields === void 0 || fields[0] !== "timeStamp") {
      throw this.error(`expected JMeter's CSV header 'timeStamp,elapsed,label,\u2026', got '${excerpt(text)}'; ${HINT2}`, line);
    }
    const at = (name) => fields.indexOf(name);
    for (const name of ["elapsed", "label", "success"]) {
      if (at(name) < 0) {
        throw this.error(`the header has no '${name}' column, which perf-gate needs (${name === "success" ? "to tell failed samples" : "to time and name samples"}); save it (jmeter.save.saveservice.${SAVE_PROPERTY[name]}=true, the default) in the next run`, line);
      }
    }
    return {
      columns: fields.length,
      timeStamp: 0,
      success: at("success"),
      sampleCount: at("SampleCount"),
      numbers: NUMBER_COLUMNS.map((column) => ({ column, index: at(column) })).filter((c2) => c2.index >= 0),
      texts: TEXT_COLUMNS.map((column) => ({ column, index: at(column) })).filter((c2) => c2.index >= 0)
    };
  }
  overflow(what, line) {
    switch (what) {
      case "line":
        return this.error(`line ${line} is longer than 16 MiB: not a JMeter result row; ${HINT2}`, line);
      case "quoted field":
        return this.error(`a quoted field runs on for more than 16 MiB; ${HINT2}`, line);
    }
  }
  error(message, line) {
    return new IngestError(this.file, message, line !== void 0 ? { line } : void 0);
  }
};
var SAVE_PROPERTY = { elapsed: "time", label: "label", success: "successful" };
async function readJmeterCsv(file, source, sink, warn) {
  const parser = new JmeterCsvParser(file, sink, warn);
  await pumpChunks(source, sink, parser);
  return parser.finish(source.truncated);
}

// src/ingest/jmeter/roles.ts
var JMETER_ROLES = { latency: "elapsed", requests: "samples", failures: "failed" };

// src/ingest/jmeter/xml.ts
import { StringDecoder as StringDecoder2 } from "node:string_decoder";
import { SaxesParser } from "saxes";
var HINT3 = "is this a JMeter XML results file (jmeter.save.saveservice.output_format=xml)?";
var NUMBER_ATTRIBUTES = { t: "elapsed", lt: "Latency", ct: "Connect", by: "bytes", sby: "sentBytes", na: "allThreads" };
var TEXT_ATTRIBUTES = { lb: "label", rc: "responseCode", rm: "responseMessage", tn: "threadName" };
var TOLERATED = /(?:malformed character entity|disallowed character|undefined entity)\.?$/;
var JmeterXmlParser = class {
  constructor(file, sink, warn) {
    this.file = file;
    this.warn = warn;
    this.recorder = new SampleRecorder(file, sink, warn);
    this.xml.on("opentag", (tag) => this.open(tag));
    this.xml.on("closetag", () => this.close());
    this.xml.on("error", (err) => this.xmlError(err));
  }
  file;
  warn;
  decoder = new StringDecoder2("utf8");
  xml = new SaxesParser();
  recorder;
  sample = emptySample();
  /** Element depth: 1 inside <testResults>, 2 inside a top-level sample. */
  depth = 0;
  sawRoot = false;
  rootClosed = false;
  /** The line the current top-level sample started on, and the line the last complete one ended on. */
  sampleLine = 0;
  lastCompleteLine = 0;
  samples = 0;
  /** The current top-level sample has samples nested in it (sub-results). */
  nested = false;
  zoneWarned = false;
  charactersWarned = false;
  /** The text written ended with a line break (saxes then counts the empty line after it). */
  endsWithNewline = false;
  /** An IngestError raised in a saxes handler: saxes is left as it is and the error thrown after `write`. */
  failure;
  /**
   * Characters XML 1.0 does not allow (control characters of a saved response, written as JMeter got
   * them) are skipped with one warning: saxes reads on past them and the structure is not affected.
   * Every other well-formedness error stops the reading.
   */
  xmlError(err) {
    if (!this.sawRoot || !TOLERATED.test(err.message)) throw err;
    if (this.charactersWarned) return;
    this.charactersWarned = true;
    this.warn(`${this.file}:${this.xml.line}: holds characters XML 1.0 does not allow (${err.message.replace(/^\d+:\d+: /, "").replace(/\.$/, "")}; a saved response with control characters, written as JMeter got it): skipped`);
  }
  push(chunk) {
    this.write(this.decoder.write(chunk));
  }
  finish(truncatedStream) {
    this.write(this.decoder.end());
    const lines = this.xml.line - (this.endsWithNewline ? 1 : 0);
    let partial = truncatedStream;
    try {
      this.xml.close();
    } catch {
      if (!this.sawRoot) throw this.error(`ends before its <testResults> element; ${HINT3}`, lines);
      partial = true;
      this.warn(
        `${this.file}: ends at line ${lines} without its closing </testResults> (JMeter was stopped while writing it): read the ${this.samples} complete samples up to line ${this.lastCompleteLine}${this.depth >= 2 ? `; the sample from line ${this.sampleLine} is cut off` : ""}`
      );
    }
    if (!this.sawRoot) throw this.error(`has no <testResults> element; ${HINT3}`);
    if (truncatedStream) this.warn(`${this.file}: the gzip stream ends early (unexpected end of file); read everything up to the break`);
    return { lines: partial && !this.rootClosed ? this.lastCompleteLine : lines, partial };
  }
  write(text) {
    if (text === "") return;
    this.endsWithNewline = text.endsWith("\n");
    try {
      this.xml.write(text);
    } catch (err) {
      if (this.failure) throw this.failure;
      const message = err instanceof Error ? err.message.replace(/^\d+:\d+: /, "").replace(/\.$/, "") : String(err);
      const why = this.sawRoot ? "JMeter writes well-formed XML up to where it stopped, so the file was changed or damaged" : HINT3;
      throw this.error(`is not well-formed XML at column ${this.xml.column}: ${message} (${why})`, this.xml.line, err);
    }
  }
  open(tag) {
    this.depth++;
    if (this.depth === 1) {
      if (tag.name !== "testResults") this.fail(`the root element is <${excerpt(tag.name, 40)}>, not JMeter's <testResults>; ${HINT3}`);
      this.sawRoot = true;
      return;
    }
    if (this.depth > 2) {
      if (this.depth === 3 && tag.attributes["t"] !== void 0 && tag.attributes["ts"] !== void 0) this.nested = true;
      return;
    }
    this.nested = false;
    this.sampleLine = this.xml.line;
    const a = tag.attributes;
    if (a["t"] === void 0 || a["ts"] === void 0) {
      this.fail(`<${excerpt(tag.name, 40)}> in <testResults> has no t and ts attributes: not a JMeter sample (<httpSample t=\u2026 ts=\u2026 \u2026/> or <sample \u2026/>)`);
    }
    const s = this.sample;
    const time = parseJmeterTimestamp(a["ts"]);
    if (time === void 0) this.fail(`ts '${excerpt(a["ts"])}' is not ${TIMESTAMP_FORMATS}; set jmeter.save.saveservice.timestamp_format=ms for the next run`);
    if (!time.zoned && !this.zoneWarned) {
      this.zoneWarned = true;
      this.warn(`${this.file}: ts '${excerpt(a["ts"])}' has no time zone (JMeter writes dates in its machine's zone, which the file does not say): read as UTC, so the run's start may be off by that zone's offset; durations are not affected`);
    }
    s.startMs = time.ms;
    const success = a["s"] === void 0 ? void 0 : successField(a["s"]);
    if (success === void 0) {
      this.fail(a["s"] === void 0 ? "the sample has no s (success) attribute, which perf-gate needs to tell failed samples; save it (jmeter.save.saveservice.successful=true, the default) in the next run" : `s '${excerpt(a["s"])}' is neither true nor false`);
    }
    s.success = success;
    for (const [attribute, field] of Object.entries(TEXT_ATTRIBUTES)) s[field] = a[attribute] ?? "";
    for (const [attribute, field] of Object.entries(NUMBER_ATTRIBUTES)) {
      const raw = a[attribute];
      const n = raw === void 0 ? Number.NaN : numberField(raw, `${attribute} (${field})`);
      if (typeof n === "string") this.fail(n);
      s[field] = n;
    }
  }
  close() {
    this.depth--;
    if (this.depth === 0) {
      this.rootClosed = true;
      return;
    }
    if (this.depth !== 1) return;
    try {
      this.recorder.record(this.sample, this.sampleLine);
      if (!this.nested && isTransactionSample(this.sample)) this.recorder.transactionBesideItsRequests(this.sample, this.sampleLine, true);
    } catch (err) {
      if (err instanceof IngestError) this.failure = err;
      throw err;
    }
    this.samples++;
    this.lastCompleteLine = this.xml.line;
  }
  /** Raises an error about the current sample from inside a saxes handler. */
  fail(message) {
    this.failure = this.error(message, this.depth >= 2 ? this.sampleLine : this.xml.line);
    throw this.failure;
  }
  error(message, line, cause) {
    return new IngestError(this.file, message, { ...line !== void 0 ? { line } : {}, ...cause !== void 0 ? { cause } : {} });
  }
};
async function readJmeterXml(file, source, sink, warn) {
  const parser = new JmeterXmlParser(file, sink, warn);
  await pumpChunks(source, sink, parser);
  return parser.finish(source.truncated);
}

// src/ingest/jmeter/index.ts
var jmeter = { tool: "jmeter", roles: JMETER_ROLES, knownMetrics: JMETER_METRICS };
function looksLikeJmeterCsv(firstLine) {
  return /^"?timeStamp"?,/.test(firstLine) && /(^|,)"?elapsed"?(,|$)/.test(firstLine) && /(^|,)"?label"?(,|$)/.test(firstLine);
}
function looksLikeJmeterXml(text) {
  return /^\s*(?:<\?[^>]*\?>\s*|<!--[\s\S]*?-->\s*)*<testResults[\s>/]/.test(text);
}
var JMETER_READERS = [
  { ...jmeter, kind: "stream", format: "jmeter-csv", sniff: (head) => looksLikeJmeterCsv(head.firstLine), read: readJmeterCsv },
  { ...jmeter, kind: "stream", format: "jmeter-xml", sniff: (head) => looksLikeJmeterXml(head.text), read: readJmeterXml }
];

// src/ingest/k6/builtin-metrics.ts
var trendTime = { type: "trend", contains: "time" };
var counter = { type: "counter", contains: "default" };
var counterData = { type: "counter", contains: "data" };
var rate = { type: "rate", contains: "default" };
var gauge = { type: "gauge", contains: "default" };
var K6_BUILTIN_METRICS = /* @__PURE__ */ new Map([
  ["vus", gauge],
  ["vus_max", gauge],
  ["iterations", counter],
  ["iteration_duration", trendTime],
  ["dropped_iterations", counter],
  ["data_received", counterData],
  ["data_sent", counterData],
  ["checks", rate],
  ["group_duration", trendTime],
  ["http_reqs", counter],
  ["http_req_duration", trendTime],
  ["http_req_blocked", trendTime],
  ["http_req_connecting", trendTime],
  ["http_req_tls_handshaking", trendTime],
  ["http_req_sending", trendTime],
  ["http_req_waiting", trendTime],
  ["http_req_receiving", trendTime],
  ["http_req_failed", rate],
  ["ws_connecting", trendTime],
  ["ws_session_duration", trendTime],
  ["ws_ping", trendTime],
  ["ws_sessions", counter],
  ["ws_msgs_sent", counter],
  ["ws_msgs_received", counter],
  ["grpc_req_duration", trendTime],
  ["grpc_streams", counter],
  ["grpc_streams_msgs_sent", counter],
  ["grpc_streams_msgs_received", counter],
  ["browser_data_received", counterData],
  ["browser_data_sent", counterData],
  ["browser_http_req_duration", trendTime],
  ["browser_http_req_failed", rate],
  ["browser_web_vital_cls", { type: "trend", contains: "default" }],
  ["browser_web_vital_fcp", trendTime],
  ["browser_web_vital_fid", trendTime],
  ["browser_web_vital_inp", trendTime],
  ["browser_web_vital_lcp", trendTime],
  ["browser_web_vital_ttfb", trendTime]
]);

// src/ingest/impossible-value.ts
function holdsDurations(def) {
  return def.type === "trend" && def.contains === "time";
}
var WHAT_TO_DO = "k6 never writes one, so the line was changed or comes from another tool: correct or remove it";
function impossibleValue(value2, raw, metric, durations) {
  if (!Number.isFinite(value2)) return `value ${excerpt(raw, 30)} of metric '${excerpt(metric)}' is not a finite number (beyond \xB11.8e308); ${WHAT_TO_DO}`;
  if (durations && value2 < 0) return `value ${excerpt(raw, 30)} of metric '${excerpt(metric)}' is a negative duration (the metric is a time trend, contains: time); ${WHAT_TO_DO}`;
  return void 0;
}

// src/ingest/time.ts
var INV_POW10 = [1, 0.1, 0.01, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12];
var TimeParser = class {
  /** The time `parse` read last, epoch ms (kept in a field: no number is boxed per line). */
  ms = Number.NaN;
  /** The cached second `YYYY-MM-DDTHH:MM:SS` as three overlapping 8-byte words (bytes 0–7, 8–15, 11–18). */
  prefix0 = Number.NaN;
  prefix1 = Number.NaN;
  prefix2 = Number.NaN;
  zone = new Uint8Array(6);
  zoneLength = -1;
  base = Number.NaN;
  /**
   * A time read before, zone included (k6 gives the metrics of one request the same time): its length
   * (20–32 bytes; 0 before the first), its words at 0, 8, 16 and length − 8, and its value.
   */
  lastLength = 0;
  lastMs = Number.NaN;
  last0 = Number.NaN;
  last1 = Number.NaN;
  last2 = Number.NaN;
  lastTail = Number.NaN;
  /**
   * Reads the time starting at `buf[start]`, `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, no further than
   * `limit`, into `ms`. Returns the index after it, or -1 when it is malformed.
   */
  parse(buf, view, start, limit) {
    const n = this.lastLength;
    if (n !== 0 && start + n <= limit && view.getFloat64(start, true) === this.last0 && view.getFloat64(start + 8, true) === this.last1 && view.getFloat64(start + n - 8, true) === this.lastTail && (n <= 24 || view.getFloat64(start + 16, true) === this.last2)) {
      this.ms = this.lastMs;
      return start + n;
    }
    const end = this.parseTime(buf, view, start, limit);
    const length = end - start;
    if (length >= 20 && length <= 32) {
      this.lastLength = length;
      this.lastMs = this.ms;
      this.last0 = view.getFloat64(start, true);
      this.last1 = view.getFloat64(start + 8, true);
      if (length > 24) this.last2 = view.getFloat64(start + 16, true);
      this.lastTail = view.getFloat64(end - 8, true);
    }
    return end;
  }
  parseTime(buf, view, start, limit) {
    if (limit - start < 20) return -1;
    let p = start + 19;
    let fracMs = 0;
    if (buf[p] === 46) {
      p++;
      let ms = 0;
      let sub = 0;
      let digits2 = 0;
      let subDigits = 0;
      while (p < limit) {
        const d = buf[p] - 48;
        if (d < 0 || d > 9) break;
        if (digits2 < 3) ms = ms * 10 + d;
        else if (subDigits < 12) {
          sub = sub * 10 + d;
          subDigits++;
        }
        digits2++;
        p++;
      }
      if (digits2 === 0) return -1;
      if (digits2 === 1) ms *= 100;
      else if (digits2 === 2) ms *= 10;
      fracMs = subDigits === 0 ? ms : ms + sub * INV_POW10[subDigits];
    }
    const z10 = p < limit ? buf[p] : 0;
    const zoneLength = z10 === 90 || z10 === 122 ? 1 : z10 === 43 || z10 === 45 ? 6 : 0;
    if (zoneLength === 0 || p + zoneLength > limit) return -1;
    const w2 = view.getFloat64(start + 11, true);
    if (w2 !== this.prefix2 || zoneLength !== this.zoneLength || view.getFloat64(start, true) !== this.prefix0 || view.getFloat64(start + 8, true) !== this.prefix1 || !this.sameZone(buf, p, zoneLength)) {
      const base = parseSecond(buf, start, p, zoneLength);
      if (Number.isNaN(base)) return -1;
      this.base = base;
      this.zoneLength = zoneLength;
      this.prefix0 = view.getFloat64(start, true);
      this.prefix1 = view.getFloat64(start + 8, true);
      this.prefix2 = w2;
      for (let i = 0; i < zoneLength; i++) this.zone[i] = buf[p + i];
    }
    this.ms = this.base + fracMs;
    return p + zoneLength;
  }
  /** The whole of `text` as a time (the JSON.parse fallback, CSV RFC 3339 timestamps); NaN if it is not one. */
  parseString(text) {
    const buf = Buffer.from(text, "utf8");
    return this.parse(buf, new DataView(buf.buffer, buf.byteOffset, buf.length), 0, buf.length) === buf.length ? this.ms : Number.NaN;
  }
  sameZone(buf, p, length) {
    for (let i = 0; i < length; i++) if (buf[p + i] !== this.zone[i]) return false;
    return true;
  }
};
function digits(buf, at, n) {
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = buf[at + i] - 48;
    if (d < 0 || d > 9) return Number.NaN;
    v = v * 10 + d;
  }
  return v;
}
function parseSecond(buf, start, zoneAt, zoneLength) {
  if (buf[start + 4] !== 45 || buf[start + 7] !== 45 || buf[start + 13] !== 58 || buf[start + 16] !== 58) return Number.NaN;
  const t = buf[start + 10];
  if (t !== 84 && t !== 116 && t !== 32) return Number.NaN;
  const year = digits(buf, start, 4);
  const month = digits(buf, start + 5, 2);
  const day = digits(buf, start + 8, 2);
  const hour = digits(buf, start + 11, 2);
  const minute = digits(buf, start + 14, 2);
  const second = digits(buf, start + 17, 2);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60)) return Number.NaN;
  let offsetMinutes = 0;
  if (zoneLength === 6) {
    const sign = buf[zoneAt];
    if (buf[zoneAt + 3] !== 58) return Number.NaN;
    const oh = digits(buf, zoneAt + 1, 2);
    const om = digits(buf, zoneAt + 4, 2);
    if (!(oh <= 23 && om <= 59)) return Number.NaN;
    offsetMinutes = (sign === 45 ? -1 : 1) * (oh * 60 + om);
  }
  let ms = Date.UTC(year, month - 1, day, hour, minute, second);
  if (year < 100) {
    const d = new Date(ms);
    d.setUTCFullYear(year);
    ms = d.getTime();
  }
  return ms - offsetMinutes * 6e4;
}

// src/ingest/k6/csv.ts
var HINT4 = "is this file from `k6 run --out csv=\u2026`?";
var K6CsvParser = class {
  constructor(file, sink) {
    this.file = file;
    this.sink = sink;
  }
  file;
  sink;
  records = new CsvRecords(
    (text, line) => this.record(text, line),
    (what, line) => this.overflow(what, line)
  );
  layout;
  tagCache = new TagCache();
  metricIds = /* @__PURE__ */ new Map();
  times = new TimeParser();
  push(chunk) {
    this.records.push(chunk);
  }
  finish(truncatedStream, warn) {
    let partial = truncatedStream;
    const rest = this.records.end();
    const before = this.records.lines;
    let lines = before;
    let cut = false;
    if (rest !== "") {
      try {
        this.records.lastLine(rest);
        lines++;
      } catch (err) {
        if (!(err instanceof IngestError)) throw err;
        cut = true;
      }
    }
    const open3 = this.records.openSince;
    if (cut || open3 !== void 0) {
      partial = true;
      lines = open3 !== void 0 ? open3 - 1 : before;
      warn(`${this.file}: line ${lines + 1} is cut off (k6 was stopped while writing it); read the ${lines} complete lines before it`);
    }
    if (this.layout === void 0) throw this.error(`has no k6 CSV header; ${HINT4}`);
    if (truncatedStream) {
      warn(`${this.file}: the gzip stream ends early (unexpected end of file: k6 was stopped before closing it); read everything up to the break`);
    }
    return { lines, partial };
  }
  record(text, line) {
    if (this.layout === void 0) {
      this.layout = this.header(text, line);
      return;
    }
    let name;
    let timestamp;
    let valueText;
    let rest;
    const c1 = text.indexOf(",");
    const c2 = c1 < 0 ? -1 : text.indexOf(",", c1 + 1);
    const c3 = c2 < 0 ? -1 : text.indexOf(",", c2 + 1);
    if (c3 > 0 && text.charCodeAt(0) !== 34 && text.lastIndexOf('"', c3) < 0) {
      name = text.slice(0, c1);
      timestamp = text.slice(c1 + 1, c2);
      valueText = text.slice(c2 + 1, c3);
      rest = text.slice(c3 + 1);
    } else {
      const fields = splitCsvRecord(text);
      if (fields === void 0 || fields.length < 4) throw this.error(`expected a k6 CSV row (metric_name,timestamp,metric_value,\u2026), got '${excerpt(text)}'; ${HINT4}`, line);
      [name, timestamp, valueText] = fields;
      rest = fields.slice(3).map((f) => /[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f).join(",");
    }
    const time = this.time(timestamp, line);
    const value2 = Number(valueText);
    if (valueText === "" || Number.isNaN(value2)) throw this.error(`metric_value '${excerpt(valueText)}' is not a number`, line);
    const entry = this.tagCache.get(rest) ?? this.tagCache.add(rest, this.tags(rest, text, line));
    let metric = this.metricIds.get(name);
    if (metric === void 0) {
      if (name === "") throw this.error("metric_name is empty", line);
      metric = this.sink.metricFor(name, "is not a k6 built-in metric and k6 CSV output has no metric types", false);
      this.metricIds.set(name, metric);
    }
    if (value2 - value2 !== 0 || value2 < 0) {
      const impossible = impossibleValue(value2, valueText, name, holdsDurations(this.sink.builder.metricDefinition(metric)));
      if (impossible !== void 0) throw this.error(impossible, line);
    }
    const targets = entry.targets[metric] ?? this.sink.targets(entry, metric);
    this.sink.builder.point(targets, time, value2);
  }
  header(text, line) {
    const fields = splitCsvRecord(text);
    if (fields === void 0 || fields[0] !== "metric_name" || fields[1] !== "timestamp" || fields[2] !== "metric_value") {
      throw this.error(`expected k6's CSV header 'metric_name,timestamp,metric_value,\u2026', got '${excerpt(text)}'; ${HINT4}`, line);
    }
    const tagColumns = fields.map((f, i) => i < 3 || f === "extra_tags" || f === "metadata" ? void 0 : f);
    return { columns: fields.length, tagColumns, extraTags: fields.indexOf("extra_tags") };
  }
  tags(rest, text, line) {
    const layout = this.layout;
    const fields = rest.includes('"') ? splitCsvRecord(rest) : rest.split(",");
    if (fields === void 0 || fields.length + 3 !== layout.columns) {
      throw this.error(`expected ${layout.columns} columns as in the header, got ${fields ? fields.length + 3 : "a broken quoted field"} in '${excerpt(text)}'`, line);
    }
    const tags = {};
    for (let i = 0; i < fields.length; i++) {
      const column = i + 3;
      const v = fields[i];
      if (v === "") continue;
      if (column === layout.extraTags) {
        for (const pair of v.split("&")) {
          const eq = pair.indexOf("=");
          if (eq > 0) tags[pair.slice(0, eq)] = pair.slice(eq + 1);
        }
        continue;
      }
      const name = layout.tagColumns[column];
      if (name !== void 0) tags[name] = v;
    }
    return tags;
  }
  time(text, line) {
    if (/^\d+$/.test(text)) {
      const n = Number(text);
      if (n < 1e11) return n * 1e3;
      if (n < 1e14) return n;
      if (n < 1e17) return n / 1e3;
      return n / 1e6;
    }
    const t = this.times.parseString(text);
    if (Number.isNaN(t)) throw this.error(`timestamp '${excerpt(text)}' is neither Unix time nor RFC 3339`, line);
    return t;
  }
  overflow(what, line) {
    switch (what) {
      case "line":
        return this.error(`line ${line} is longer than 16 MiB: not k6 CSV output; ${HINT4}`, line);
      case "quoted field":
        return this.error(`a quoted field runs on for more than 16 MiB; ${HINT4}`, line);
    }
  }
  error(message, line) {
    return new IngestError(this.file, message, line !== void 0 ? { line } : void 0);
  }
};
async function readK6Csv(file, source, sink, warn) {
  const parser = new K6CsvParser(file, sink);
  await pumpChunks(source, sink, parser);
  return parser.finish(source.truncated, warn);
}

// src/ingest/k6/machine-summary.ts
import { z as z4 } from "zod";

// src/ingest/k6/summary-metric.ts
function parseMetricKey(key, file) {
  const open3 = key.indexOf("{");
  if (open3 < 0) return { base: key, tags: {} };
  const close = key.lastIndexOf("}");
  if (close < open3) throw new IngestError(file, `metric '${key}': a submetric needs '{tag:value}'`);
  const tags = {};
  for (const part2 of key.slice(open3 + 1, close).split(",")) {
    const colon = part2.indexOf(":");
    if (colon < 0) {
      if (part2.trim() === "") continue;
      throw new IngestError(file, `metric '${key}': '${part2}' is not tag:value`);
    }
    tags[trimTag(part2.slice(0, colon))] = trimTag(part2.slice(colon + 1));
  }
  return { base: key.slice(0, open3).trim(), tags };
}
function trimTag(s) {
  return s.trim().replace(/^["']|["']$/g, "").trim();
}

// src/ingest/k6/machine-summary.ts
var MachineMetricSchema = z4.object({
  name: z4.string().min(1),
  type: MetricTypeSchema,
  contains: z4.enum(["time", "data", "default"]).optional(),
  values: z4.record(z4.string(), z4.unknown())
});
var MachineSummarySchema = z4.object({
  version: z4.string(),
  config: z4.object({ duration: z4.number().nonnegative() }),
  metadata: z4.object({
    generated_at: z4.string().optional(),
    generatedAt: z4.string().optional(),
    k6_version: z4.string().optional(),
    k6Version: z4.string().optional()
  }).optional(),
  results: z4.object({
    metrics: z4.array(MachineMetricSchema),
    checks: z4.object({
      metrics: z4.array(MachineMetricSchema).nullish(),
      results: z4.array(z4.object({ name: z4.string(), passes: z4.number().int().nonnegative(), fails: z4.number().int().nonnegative() })).nullish()
    }).nullish()
  })
});
function isMachineSummary(o) {
  const results = o.results;
  return typeof results === "object" && results !== null && Array.isArray(results.metrics);
}
function fromMachineSummary(value2, file) {
  const parsed = MachineSummarySchema.safeParse(value2);
  if (!parsed.success) throw new IngestError(file, `looks like a k6 machine-readable summary (--new-machine-readable-summary) but ${zodMessage(parsed.error)}`);
  const { config, metadata, results } = parsed.data;
  const duration = config.duration;
  const metrics = [];
  const seen = /* @__PURE__ */ new Set();
  const add = (key, type, contains, reported, known2) => {
    if (seen.has(key)) throw new IngestError(file, `metric '${key}' is listed twice in results; write the summary again with k6`);
    seen.add(key);
    const { base, tags } = known2 ?? parseMetricKey(key, file);
    metrics.push({ key, base, tags, type, contains, reported, thresholds: [] });
  };
  for (const m of [...results.metrics, ...results.checks?.metrics ?? []]) add(m.name, m.type, m.contains ?? "default", legacyValues(m.type, numbers(m.values), duration));
  const succeeded = results.checks?.metrics?.find((m) => m.name === "checks_succeeded");
  if (succeeded && !seen.has("checks")) add("checks", "rate", "default", legacyValues("rate", numbers(succeeded.values), duration));
  const byCheck = /* @__PURE__ */ new Map();
  for (const c2 of results.checks?.results ?? []) {
    const sum3 = byCheck.get(c2.name) ?? { passes: 0, fails: 0 };
    sum3.passes += c2.passes;
    sum3.fails += c2.fails;
    byCheck.set(c2.name, sum3);
  }
  for (const [name, c2] of byCheck) {
    const total2 = c2.passes + c2.fails;
    const key = `checks{check:${name}}`;
    if (!seen.has(key)) add(key, "rate", "default", { passes: c2.passes, fails: c2.fails, ...total2 > 0 ? { rate: c2.passes / total2 } : {} }, { base: "checks", tags: { check: name } });
  }
  const generated = metadata?.generated_at ?? metadata?.generatedAt;
  const generatedMs = generated !== void 0 ? Date.parse(generated) : Number.NaN;
  return {
    metrics,
    durationSeconds: duration,
    generatedMs: Number.isFinite(generatedMs) ? generatedMs : void 0,
    k6Version: metadata?.k6_version ?? metadata?.k6Version
  };
}
function legacyValues(type, values, durationSeconds) {
  switch (type) {
    case "trend": {
      const out = {};
      for (const [k, v] of Object.entries(values)) {
        const p = /^p(\d+(?:\.\d+)?)$/.exec(k);
        out[p ? `p(${p[1]})` : k] = v;
      }
      return out;
    }
    case "counter": {
      const count2 = values.count;
      return count2 !== void 0 && durationSeconds > 0 && values.rate === void 0 ? { ...values, rate: count2 / durationSeconds } : values;
    }
    case "rate": {
      const { matches: matches2, total: total2, ...rest } = values;
      if (matches2 === void 0 || total2 === void 0) return values;
      return { ...rest, passes: matches2, fails: total2 - matches2 };
    }
    case "gauge":
      return values;
  }
}
function numbers(o) {
  const out = {};
  for (const [k, v] of Object.entries(o)) if (typeof v === "number" && Number.isFinite(v)) out[k] = v;
  return out;
}

// src/ingest/k6/tag-table.ts
function sameBytes(entry, view, buf, at, length) {
  const bytes2 = entry.bytes;
  if (bytes2.length !== length) return false;
  const words = entry.words;
  const n = words.length - 1;
  if (n < 0) {
    for (let i = 0; i < length; i++) if (buf[at + i] !== bytes2[i]) return false;
    return true;
  }
  for (let i = 0; i < n; i++) if (view.getFloat64(at + 8 * i, true) !== words[i]) return false;
  return view.getFloat64(at + length - 8, true) === words[n];
}
function wordsOf(bytes2) {
  if (bytes2.length < 8) return new Float64Array(0);
  const view = new DataView(bytes2.buffer, bytes2.byteOffset, bytes2.length);
  const full = bytes2.length >> 3;
  const exact = bytes2.length % 8 === 0;
  const words = new Float64Array(exact ? full : full + 1);
  for (let i = 0; i < full; i++) words[i] = view.getFloat64(8 * i, true);
  if (!exact) words[full] = view.getFloat64(bytes2.length - 8, true);
  for (const w of words) if (w !== w || w === 0) return new Float64Array(0);
  return words;
}
var ByteTagTable = class {
  constructor(limit = TAG_CACHE_LIMIT) {
    this.limit = limit;
  }
  limit;
  map = /* @__PURE__ */ new Map();
  count = 0;
  get size() {
    return this.count;
  }
  /** The entry for `buf[at, at + length)`, made with `parse` (tags, or undefined for the slow path) on first sight. */
  lookup(view, buf, at, length, parse) {
    const hash = hashBytes(view, buf, at, length);
    const head = this.map.get(hash);
    for (let e = head; e !== void 0; e = e.next) if (sameBytes(e, view, buf, at, length)) return e;
    if (this.count >= this.limit) {
      for (const first2 of this.map.values()) for (let e = first2; e !== void 0; e = e.next) e.after = void 0;
      this.map.clear();
      this.count = 0;
      return this.lookup(view, buf, at, length, parse);
    }
    const bytes2 = new Uint8Array(length);
    bytes2.set(buf.subarray(at, at + length));
    const entry = { bytes: bytes2, words: wordsOf(bytes2), tags: parse(bytes2), targets: [], next: head, after: void 0 };
    this.map.set(hash, entry);
    this.count++;
    return entry;
  }
};
function hashBytes(view, buf, at, length) {
  let h = length | 0;
  const words = length >> 2;
  for (let i = 0; i < words; i++) h = Math.imul(h ^ view.getInt32(at + 4 * i, true), 2654435761) ^ h >>> 15;
  for (let i = words << 2; i < length; i++) h = Math.imul(h ^ buf[at + i], 2246822507);
  return h ^ h >>> 16 | 0;
}

// src/ingest/k6/ndjson.ts
var MAX_LINE_BYTES2 = 16 << 20;
var ascii = (s) => Uint8Array.from(s, (c2) => c2.charCodeAt(0));
var word = (bytes2, i) => new DataView(bytes2.buffer, bytes2.byteOffset).getInt32(i, true);
var POINT_HEAD = ascii('{"metric":"');
var HEAD_0 = word(POINT_HEAD, 0);
var HEAD_1 = word(POINT_HEAD, 4);
var POINT_MID = ascii('","type":"Point","data":{"time":"');
var VALUE_0 = word(ascii('","value":'), 0);
var VALUE_1 = word(ascii('","value":'), 4);
var TAGS_0 = word(ascii(',"tags":{'), 0);
var TAGS_1 = word(ascii(',"tags":{'), 4);
var MIN_POINT_LINE = POINT_HEAD.length + 1 + POINT_MID.length + 20 + 10 + 1 + 9 + 3;
var POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
function slotKey(view, at) {
  return view.getInt32(at, true) ^ Math.imul(view.getInt32(at + 4, true), 2654435761) ^ Math.imul(view.getInt32(at + 8, true), 2246822507) ^ Math.imul(view.getInt32(at + 12, true), 3266489909) | 0;
}
function slotMatches(slot, view, buf, at, end) {
  const length = slot.length;
  if (at + length > end) return false;
  const words = slot.words;
  const n = words.length;
  if (n === 0) {
    const bytes2 = slot.bytes;
    for (let i = 0; i < length; i++) if (buf[at + i] !== bytes2[i]) return false;
    return true;
  }
  for (let i = 0; i < n - 1; i++) if (view.getFloat64(at + 8 * i, true) !== words[i]) return false;
  return view.getFloat64(at + length - 8, true) === words[n - 1];
}
var BAD_LINE_HINT = "is this file from `k6 run --out json=\u2026`?";
var K6NdjsonParser = class {
  constructor(file, sink, fastPath = true) {
    this.file = file;
    this.sink = sink;
    this.fastPath = fastPath;
  }
  file;
  sink;
  fastPath;
  lineNo = 0;
  /** The start of a line cut off by a chunk's end, copied (the chunk's buffer is reused): one buffer, grown. */
  carry = Buffer.allocUnsafe(16 * 1024);
  carryView = viewOf(this.carry);
  carryLength = 0;
  times = new TimeParser();
  tagCache = new TagCache();
  metricSlots = /* @__PURE__ */ new Map();
  lastSlot;
  tagTable = new ByteTagTable();
  /** The tags of the last fast-path line. */
  lastTags;
  /** Lines that took the JSON.parse path (for tests and the benchmark). */
  slowLines = 0;
  /** Parses every complete line of `chunk`; the incomplete tail waits for the next chunk. */
  push(chunk) {
    let pos = 0;
    if (this.carryLength > 0) {
      const nl = chunk.indexOf(10);
      if (nl < 0) {
        this.keep(chunk);
        return;
      }
      this.keep(chunk.subarray(0, nl));
      const length = this.carryLength;
      this.carryLength = 0;
      this.lineNo++;
      this.line(this.carry, this.carryView, 0, length);
      pos = nl + 1;
    }
    const end = chunk.length;
    const view = viewOf(chunk);
    const fast = this.fastPath;
    for (; ; ) {
      this.lineNo++;
      const lineEnd = fast ? this.fastPoint(chunk, view, pos, end, false) : -1;
      if (lineEnd >= 0) {
        pos = lineEnd + 1;
        continue;
      }
      const nl = chunk.indexOf(10, pos);
      if (nl < 0) {
        this.lineNo--;
        break;
      }
      this.line(chunk, view, pos, nl);
      pos = nl + 1;
    }
    if (pos < end) this.keep(chunk.subarray(pos));
  }
  /**
   * Ends the file. An unterminated last line that does not parse, or a truncated stream, makes the
   * result partial; `warn` gets one sentence about it.
   */
  finish(truncatedStream, warn) {
    let partial = truncatedStream;
    let lines = this.lineNo;
    if (this.carryLength > 0) {
      const length = this.carryLength;
      this.carryLength = 0;
      lines++;
      try {
        this.line(this.carry, this.carryView, 0, length);
      } catch (err) {
        if (!(err instanceof IngestError)) throw err;
        lines--;
        partial = true;
        warn(`${this.file}: line ${lines + 1} is cut off (k6 was stopped while writing it); read the ${lines} complete lines before it`);
      }
    }
    if (truncatedStream) {
      warn(`${this.file}: the gzip stream ends early (unexpected end of file: k6 was stopped before closing it); read everything up to the break`);
    }
    return { lines, partial };
  }
  /** Keeps a copy of the start of a line (the chunk is reused once `push` returns). */
  keep(part2) {
    const length = this.carryLength + part2.length;
    if (length > MAX_LINE_BYTES2) {
      throw new IngestError(this.file, `line ${this.lineNo + 1} is longer than ${MAX_LINE_BYTES2 >> 20} MiB: this is not k6 JSON output; ${BAD_LINE_HINT}`, { line: this.lineNo + 1 });
    }
    if (length > this.carry.length) {
      const wider = Buffer.allocUnsafe(Math.min(Math.max(length, 2 * this.carry.length), MAX_LINE_BYTES2));
      this.carry.copy(wider, 0, 0, this.carryLength);
      this.carry = wider;
      this.carryView = viewOf(wider);
    }
    part2.copy(this.carry, this.carryLength);
    this.carryLength = length;
  }
  /** One line `buf[start, end)` without its `\n`. */
  line(buf, view, start, end) {
    if (end > start && buf[end - 1] === 13) end--;
    if (!this.fastPath || this.fastPoint(buf, view, start, end, true) < 0) this.slowLine(buf, start, end);
  }
  /**
   * The fast path. With `known`, the line is `buf[start, end)`. Without, `end` is the end of the chunk
   * and the line ends after the predicted tags (the last line's, or those that followed them last time)
   * when `}}\n` follows them, else at the next newline after its tags; a line with a new metric or an
   * exponent in its value is left for the call with its end known (no search before the tags could
   * cross into the next line). Returns the line's end (`end`, or the index of its newline), or -1 when
   * the line is not taken and nothing was recorded.
   */
  fastPoint(buf, view, start, end, known2) {
    if (end - start < MIN_POINT_LINE) return -1;
    if (view.getInt32(start, true) !== HEAD_0 || view.getInt32(start + 4, true) !== HEAD_1 || buf[start + 8] !== 34 || buf[start + 9] !== 58 || buf[start + 10] !== 34) return -1;
    const nameStart = start + 11;
    let slot = this.lastSlot?.after;
    if (slot === void 0 || !slotMatches(slot, view, buf, nameStart, end)) {
      slot = known2 ? this.findSlot(buf, view, nameStart, end) : this.knownSlot(buf, view, nameStart, end);
      if (slot === void 0) return -1;
      if (this.lastSlot !== void 0) this.lastSlot.after = slot;
    }
    this.lastSlot = slot;
    const times = this.times;
    let p = times.parse(buf, view, nameStart + slot.length, end);
    if (p < 0) return -1;
    if (p + 10 > end || view.getInt32(p, true) !== VALUE_0 || view.getInt32(p + 4, true) !== VALUE_1 || buf[p + 8] !== 34 || buf[p + 9] !== 58) return -1;
    p += 10;
    const numberStart = p;
    let negative = false;
    if (p < end && buf[p] === 45) {
      negative = true;
      p++;
    }
    let mantissa = 0;
    let digits2 = 0;
    let fraction2 = 0;
    let c2 = p < end ? buf[p] : 0;
    while (c2 >= 48 && c2 <= 57) {
      mantissa = mantissa * 10 + (c2 - 48);
      digits2++;
      c2 = ++p < end ? buf[p] : 0;
    }
    if (digits2 === 0) return -1;
    if (c2 === 46) {
      c2 = ++p < end ? buf[p] : 0;
      while (c2 >= 48 && c2 <= 57) {
        mantissa = mantissa * 10 + (c2 - 48);
        digits2++;
        fraction2++;
        c2 = ++p < end ? buf[p] : 0;
      }
      if (fraction2 === 0) return -1;
    }
    let value2;
    if (c2 === 101 || c2 === 69 || digits2 > 15) {
      if (!known2) return -1;
      while (p < end && buf[p] !== 44) p++;
      value2 = Number(buf.toString("latin1", numberStart, p));
      if (value2 - value2 !== 0) return -1;
    } else {
      value2 = fraction2 === 0 ? mantissa : mantissa / POW10[fraction2];
      if (negative) value2 = -value2;
    }
    if (value2 < 0 && slot.durations) return -1;
    if (p + 12 > end || view.getInt32(p, true) !== TAGS_0 || view.getInt32(p + 4, true) !== TAGS_1 || buf[p + 8] !== 123) return -1;
    const tagsStart = p + 8;
    let entry = this.lastTags;
    let lineEnd = end;
    let contentEnd = end;
    let search = known2;
    if (!known2) {
      if (entry !== void 0 && endsWith(entry, view, buf, tagsStart, end)) {
        lineEnd = tagsStart + entry.bytes.length + 2;
      } else if (entry?.after !== void 0 && endsWith(entry.after, view, buf, tagsStart, end)) {
        entry = entry.after;
        this.lastTags = entry;
        lineEnd = tagsStart + entry.bytes.length + 2;
      } else {
        lineEnd = buf.indexOf(10, tagsStart);
        if (lineEnd < 0) return -1;
        search = true;
      }
      contentEnd = buf[lineEnd - 1] === 13 ? lineEnd - 1 : lineEnd;
      if (contentEnd - start < MIN_POINT_LINE) return -1;
    }
    if (search) {
      if (buf[contentEnd - 1] !== 125 || buf[contentEnd - 2] !== 125 || buf[contentEnd - 3] !== 125) return -1;
      const length = contentEnd - 2 - tagsStart;
      if (entry === void 0 || !sameBytes(entry, view, buf, tagsStart, length)) {
        const previous = entry;
        entry = previous?.after;
        if (entry === void 0 || !sameBytes(entry, view, buf, tagsStart, length)) {
          entry = this.tagTable.lookup(view, buf, tagsStart, length, parseTags);
          if (previous !== void 0) previous.after = entry;
        }
        this.lastTags = entry;
      }
    }
    if (entry?.tags === void 0) return -1;
    const metric = slot.id;
    const targets = entry.targets[metric] ?? this.sink.targets(entry, metric);
    const builder = this.sink.builder;
    builder.next[0] = times.ms;
    builder.next[1] = value2;
    builder.recordNext(targets);
    return lineEnd;
  }
  /** The interned metric whose name starts at `at`, if any (the hash chain only: nothing is interned). */
  knownSlot(buf, view, at, end) {
    if (at + 16 > end) return void 0;
    for (let slot = this.metricSlots.get(slotKey(view, at)); slot !== void 0; slot = slot.next) if (slotMatches(slot, view, buf, at, end)) return slot;
    return void 0;
  }
  /** The slot of the metric whose name starts at `at`, interning it on first sight; undefined if the line is not k6's layout. */
  findSlot(buf, view, at, end) {
    const key = slotKey(view, at);
    const head = this.metricSlots.get(key);
    for (let slot2 = head; slot2 !== void 0; slot2 = slot2.next) if (slotMatches(slot2, view, buf, at, end)) return slot2;
    let p = at;
    for (; ; ) {
      if (p >= end) return void 0;
      const c2 = buf[p];
      if (c2 === 34) break;
      if (c2 === 92) return void 0;
      p++;
    }
    if (p + POINT_MID.length > end) return void 0;
    for (let i = 0; i < POINT_MID.length; i++) if (buf[p + i] !== POINT_MID[i]) return void 0;
    const length = p + POINT_MID.length - at;
    const bytes2 = Uint8Array.from(buf.subarray(at, at + length));
    const id = this.sink.metricFor(buf.toString("utf8", at, p), "has points but no Metric line", true);
    const durations = holdsDurations(this.sink.builder.metricDefinition(id));
    const slot = { length, words: wordsOf(bytes2), bytes: bytes2, id, durations, after: void 0, next: head };
    this.metricSlots.set(key, slot);
    return slot;
  }
  /** Any line the fast path did not take: JSON.parse, then a Metric declaration or a Point. */
  slowLine(buf, start, end) {
    let text = buf.toString("utf8", start, end);
    if (this.lineNo === 1 && text.charCodeAt(0) === 65279) text = text.slice(1);
    if (text.trim() === "") return;
    this.slowLines++;
    let v;
    try {
      v = JSON.parse(text);
    } catch {
      throw this.badLine(text);
    }
    if (typeof v !== "object" || v === null) throw this.badLine(text);
    const o = v;
    if (o.type === "Metric") {
      const id = this.sink.defineK6Metric(o.data);
      if (typeof id === "string") throw new IngestError(this.file, `${id}; ${BAD_LINE_HINT}`, { line: this.lineNo });
      return;
    }
    if (o.type !== "Point" || typeof o.metric !== "string" || typeof o.data !== "object" || o.data === null) throw this.badLine(text);
    const data = o.data;
    if (typeof data.time !== "string") throw this.pointError(`its time is ${JSON.stringify(data.time) ?? "missing"}, expected an RFC 3339 time`);
    const time = this.times.parseString(data.time);
    if (Number.isNaN(time)) throw this.pointError(`its time '${excerpt(data.time)}' is not an RFC 3339 time like 2026-11-27T09:48:39.719Z`);
    if (typeof data.value !== "number") throw this.pointError(`its value is ${excerpt(JSON.stringify(data.value) ?? "missing")}, expected a number`);
    const tags = data.tags === void 0 || data.tags === null ? {} : normalizeTags(data.tags);
    if (tags === void 0) throw this.pointError("its tags are not an object of strings");
    const metric = this.sink.metricFor(o.metric, "has points but no Metric line", true);
    const impossible = impossibleValue(data.value, rawValue(text) ?? String(data.value), o.metric, holdsDurations(this.sink.builder.metricDefinition(metric)));
    if (impossible !== void 0) throw new IngestError(this.file, impossible, { line: this.lineNo });
    const raw = `\0json\0${JSON.stringify(tags)}`;
    const entry = this.tagCache.get(raw) ?? this.tagCache.add(raw, tags);
    const targets = entry.targets[metric] ?? this.sink.targets(entry, metric);
    this.sink.builder.point(targets, time, data.value);
  }
  badLine(text) {
    return new IngestError(this.file, `expected a k6 JSON output line ({"type":"Point"|"Metric",\u2026}), got '${excerpt(text)}': ${BAD_LINE_HINT}`, { line: this.lineNo });
  }
  pointError(what) {
    return new IngestError(this.file, `a k6 Point line, but ${what}`, { line: this.lineNo });
  }
};
function rawValue(text) {
  return /"value"\s*:\s*([-+0-9.eE]+)/.exec(text)?.[1];
}
function endsWith(entry, view, buf, at, end) {
  const length = entry.bytes.length;
  const after = at + length;
  return after + 2 < end && buf[after] === 125 && buf[after + 1] === 125 && buf[after + 2] === 10 && sameBytes(entry, view, buf, at, length);
}
function viewOf(buf) {
  return new DataView(buf.buffer, buf.byteOffset, buf.length);
}
function parseTags(bytes2) {
  try {
    return normalizeTags(JSON.parse(Buffer.from(bytes2.buffer, bytes2.byteOffset, bytes2.length).toString("utf8")));
  } catch {
    return void 0;
  }
}
async function readK6Ndjson(file, source, sink, warn) {
  const parser = new K6NdjsonParser(file, sink);
  await pumpChunks(source, sink, parser);
  return parser.finish(source.truncated, warn);
}

// src/ingest/k6/summary.ts
import { z as z5 } from "zod";
var ContainsSchema = z5.enum(["time", "data", "default"]);
var HandleSummaryMetricSchema = z5.object({
  type: MetricTypeSchema,
  contains: ContainsSchema.optional(),
  values: z5.record(z5.string(), z5.unknown()),
  thresholds: z5.record(z5.string(), z5.object({ ok: z5.boolean() })).optional()
});
var HandleSummarySchema = z5.object({
  metrics: z5.record(z5.string(), HandleSummaryMetricSchema),
  state: z5.object({ testRunDurationMs: z5.number().nonnegative().optional() }).optional()
});
var SummaryExportSchema = z5.object({
  metrics: z5.record(z5.string(), z5.record(z5.string(), z5.unknown()))
});
function summaryDocument(value2, info) {
  let metrics;
  let durationSeconds;
  let endMs = Math.round(info.mtimeMs);
  let toolVersion;
  switch (info.format) {
    case "k6-handle-summary":
      metrics = fromHandleSummary(value2, info.file);
      durationSeconds = handleSummaryDuration(value2);
      break;
    case "k6-summary-export":
      metrics = fromSummaryExport(value2, info.file);
      durationSeconds = durationFromCounters(metrics);
      break;
    case "k6-machine-readable-summary": {
      const m = fromMachineSummary(value2, info.file);
      metrics = m.metrics;
      durationSeconds = m.durationSeconds;
      if (m.generatedMs !== void 0) endMs = Math.round(m.generatedMs);
      toolVersion = m.k6Version;
      break;
    }
  }
  const warnings = [];
  const docMetrics = {};
  const scopes = {};
  for (const m of [...metrics].sort((a, b) => compareText4(a.key, b.key))) {
    const name = scopeName(m.base, m.tags);
    const scope = { metric: m.base, tags: m.tags, type: m.type, reported: m.reported };
    const { passes, fails } = m.reported;
    if (m.type === "rate" && isCount(passes) && isCount(fails)) scope.rate = { passes, fails };
    scopes[name] = scope;
    const entryName = Object.keys(m.tags).length === 0 ? m.base : name;
    const expressions = m.thresholds.map((t) => t.expression);
    if (entryName !== m.base && expressions.length === 0) continue;
    const existing = docMetrics[entryName];
    docMetrics[entryName] = { type: m.type, contains: m.contains, thresholds: [...existing?.thresholds ?? [], ...expressions] };
    for (const t of m.thresholds) if (!t.passed) warnings.push(`k6 reported threshold '${t.expression}' on ${entryName} as crossed`);
  }
  for (const m of metrics) docMetrics[m.base] ??= { type: m.type, contains: m.contains, thresholds: [] };
  const ordered2 = {};
  for (const k of Object.keys(docMetrics).sort(compareText4)) ordered2[k] = docMetrics[k];
  if (durationSeconds === void 0) warnings.push(`${info.file}: the summary does not state the test duration (no counter with a rate): duration set to 0`);
  const startMs2 = endMs - Math.round((durationSeconds ?? 0) * 1e3);
  return {
    schema: RUN_DOCUMENT_SCHEMA,
    meta: {
      tool: "k6",
      roles: { ...K6_ROLES },
      ...toolVersion !== void 0 ? { toolVersion } : {},
      ...info.stage !== void 0 ? { stage: info.stage } : {},
      start: new Date(startMs2).toISOString(),
      end: new Date(endMs).toISOString(),
      durationSeconds: durationSeconds ?? 0,
      ...info.gitSha !== void 0 ? { gitSha: info.gitSha } : {},
      labels: info.labels ?? {},
      partial: false,
      aggregateOnly: true,
      groupBy: [],
      sources: [{ file: info.file, format: info.format, lines: info.lines, partial: false }],
      warnings
    },
    metrics: ordered2,
    scopes,
    windows: { originMs: startMs2, widthMs: 1e3, series: {} }
  };
}
function fromHandleSummary(value2, file) {
  const parsed = HandleSummarySchema.safeParse(value2);
  if (!parsed.success) throw new IngestError(file, `looks like a k6 handleSummary JSON but ${zodMessage(parsed.error)}`);
  return Object.entries(parsed.data.metrics).map(([key, m]) => {
    const { base, tags } = parseMetricKey(key, file);
    return {
      key,
      base,
      tags,
      type: m.type,
      contains: m.contains ?? K6_BUILTIN_METRICS.get(base)?.contains ?? "default",
      reported: numbers2(m.values),
      thresholds: Object.entries(m.thresholds ?? {}).map(([expression, t]) => ({ expression, passed: t.ok }))
    };
  });
}
function fromSummaryExport(value2, file) {
  const parsed = SummaryExportSchema.safeParse(value2);
  if (!parsed.success) throw new IngestError(file, `looks like a k6 --summary-export JSON but ${zodMessage(parsed.error)}`);
  return Object.entries(parsed.data.metrics).map(([key, m]) => {
    const { base, tags } = parseMetricKey(key, file);
    const values = numbers2(m);
    const builtin = K6_BUILTIN_METRICS.get(base);
    const type = builtin?.type ?? inferType(values);
    if (type === "rate" && values.value !== void 0) {
      values.rate = values.value;
      delete values.value;
    }
    const thresholds2 = m.thresholds;
    const list = [];
    if (typeof thresholds2 === "object" && thresholds2 !== null) {
      for (const [expression, failed] of Object.entries(thresholds2)) {
        if (typeof failed !== "boolean") throw new IngestError(file, `metrics.${key}.thresholds.${expression}: expected true (failed) or false, got ${JSON.stringify(failed)}`);
        list.push({ expression, passed: !failed });
      }
    }
    return { key, base, tags, type, contains: builtin?.contains ?? "default", reported: values, thresholds: list };
  });
}
function inferType(values) {
  if ("passes" in values || "fails" in values) return "rate";
  if ("count" in values) return "counter";
  if ("avg" in values || "med" in values || Object.keys(values).some((k) => k.startsWith("p("))) return "trend";
  return "gauge";
}
function numbers2(o) {
  const out = {};
  for (const [k, v] of Object.entries(o)) if (typeof v === "number" && Number.isFinite(v)) out[k] = v;
  return out;
}
function handleSummaryDuration(value2) {
  const ms = value2.state?.testRunDurationMs;
  return typeof ms === "number" && Number.isFinite(ms) && ms >= 0 ? ms / 1e3 : void 0;
}
function durationFromCounters(metrics) {
  const preferred = ["iterations", "http_reqs", "data_sent", "data_received"];
  const counters = metrics.filter((m) => m.type === "counter" && Object.keys(m.tags).length === 0);
  counters.sort((a, b) => rank(a.base) - rank(b.base));
  for (const m of counters) {
    const { count: count2, rate: rate3 } = m.reported;
    if (count2 !== void 0 && rate3 !== void 0 && rate3 > 0) return count2 / rate3;
  }
  return void 0;
  function rank(name) {
    const i = preferred.indexOf(name);
    return i < 0 ? preferred.length : i;
  }
}
function compareText4(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function isCount(n) {
  return n !== void 0 && Number.isInteger(n) && n >= 0;
}

// src/ingest/k6/index.ts
var k6 = { tool: "k6", roles: K6_ROLES, knownMetrics: K6_BUILTIN_METRICS };
function looksLikeK6Line(line) {
  if (line.startsWith('{"type":"Metric"') || line.startsWith('{"metric":')) return true;
  if (!line.startsWith("{") || line.length > 64 * 1024) return false;
  try {
    const v = JSON.parse(line);
    return typeof v === "object" && v !== null && (v.type === "Metric" || v.type === "Point") && typeof v.data === "object";
  } catch {
    return false;
  }
}
var K6_READERS = [
  { ...k6, kind: "stream", format: "k6-ndjson", sniff: (head) => looksLikeK6Line(head.firstLine), read: readK6Ndjson },
  { ...k6, kind: "stream", format: "k6-csv", sniff: (head) => /^"?metric_name"?,"?timestamp"?,"?metric_value"?/.test(head.firstLine), read: readK6Csv },
  // The machine-readable summary is told apart first: it also has `metrics` and `state`.
  { ...k6, kind: "summary", format: "k6-machine-readable-summary", sniff: isMachineSummary, read: (value2, info) => summaryDocument(value2, { ...info, format: "k6-machine-readable-summary" }) },
  { ...k6, kind: "summary", format: "k6-handle-summary", sniff: (o) => isObject(o.metrics) && ("state" in o || "options" in o), read: (value2, info) => summaryDocument(value2, { ...info, format: "k6-handle-summary" }) },
  { ...k6, kind: "summary", format: "k6-summary-export", sniff: (o) => isObject(o.metrics) && "root_group" in o, read: (value2, info) => summaryDocument(value2, { ...info, format: "k6-summary-export" }) }
];
function isObject(x) {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

// src/ingest/readers.ts
var READERS = [...K6_READERS, ...JMETER_READERS, ...ARTILLERY_READERS];

// src/ingest/detect.ts
var HEAD_BYTES = 64 * 1024;
async function detectFormat(file, readers = READERS) {
  let size;
  try {
    const s = await stat(file);
    if (s.isDirectory()) throw new IngestError(file, "is a directory; give the k6 output file inside it");
    if (!s.isFile()) throw new IngestError(file, "is not a regular file");
    size = s.size;
  } catch (err) {
    if (err instanceof IngestError) throw err;
    const code = err.code;
    if (code === "ENOENT") throw new IngestError(file, "no such file; check the path (k6 writes it where `--out json=\u2026` points)", { cause: err });
    throw new IngestError(file, `cannot read: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  if (size === 0) throw new IngestError(file, `is empty (k6 wrote nothing: did the test start?). ${ACCEPTED_FORMATS}`);
  const raw = await readHead(file);
  const gzip = raw.length >= 2 && raw[0] === 31 && raw[1] === 139;
  const head = gzip ? gunzipHead(file, raw) : raw;
  const text = head.toString("utf8").replace(/^\uFEFF/, "");
  if (text.trim() === "") throw new IngestError(file, `${gzip ? "holds an empty gzip stream" : "holds only blank lines"}. ${ACCEPTED_FORMATS}`);
  const firstLine = firstNonEmptyLine(text);
  for (const reader of readers) {
    if (reader.kind === "stream" && reader.sniff({ text, firstLine })) return { kind: "stream", reader, format: reader.format, gzip };
  }
  if (text.trimStart().startsWith("{")) {
    const whole = gzip ? await gunzipWhole(file) : await readFile(file);
    const json = whole.toString("utf8").replace(/^\uFEFF/, "");
    let value2;
    try {
      value2 = JSON.parse(json);
    } catch (err) {
      throw new IngestError(file, `starts like JSON but is not valid JSON (${err instanceof Error ? err.message : String(err)}). ${ACCEPTED_FORMATS}`, { cause: err });
    }
    const lines = countLines(json);
    const o = jsonObject(file, value2, readers);
    if (typeof o.schema === "string") return { kind: "run-document", format: "run-document", gzip, value: o, lines };
    const reader = readers.find((r) => r.kind === "summary" && r.sniff(o));
    if (reader) return { kind: "summary", reader, format: reader.format, gzip, value: o, lines };
    throw new Error("unreachable: jsonObject accepted a document no reader claims");
  }
  throw new IngestError(file, `is not a format perf-gate reads (${describe(firstLine, text)}). ${ACCEPTED_FORMATS}`);
}
function jsonObject(file, value2, readers) {
  if (typeof value2 !== "object" || value2 === null || Array.isArray(value2)) {
    throw new IngestError(file, `is JSON but not an object. ${ACCEPTED_FORMATS}`);
  }
  const o = value2;
  if (typeof o.schema === "string") {
    if (o.schema.startsWith("perf-gate/run@")) return o;
    throw new IngestError(file, `is a JSON document with schema '${excerpt(o.schema)}', not a perf-gate run document. ${ACCEPTED_FORMATS}`);
  }
  if (readers.some((r) => r.kind === "summary" && r.sniff(o))) return o;
  const keys = Object.keys(o).slice(0, 6).join(", ");
  throw new IngestError(file, `is JSON but not k6's (top-level keys: ${keys || "none"}; k6 summaries have 'metrics' and 'root_group', or 'results.metrics'). ${ACCEPTED_FORMATS}`);
}
function describe(firstLine, text) {
  if (/<jmeterTestPlan[\s>]/.test(text)) return "it is a JMeter test plan (.jmx), not its results: give the file JMeter writes with `-l results.jtl`";
  const root = /^\s*(?:<\?[^>]*\?>\s*|<!--[\s\S]*?-->\s*)*<([A-Za-z_][\w.:-]*)/.exec(text);
  if (root) return `XML whose root element is <${excerpt(root[1], 40)}>, not JMeter's <testResults>`;
  if (/^"?timeStamp"?[\t;|]/.test(firstLine)) {
    return `it looks like a JMeter CSV results file with another column separator: first line '${excerpt(firstLine)}'; perf-gate reads JMeter's default, commas (jmeter.save.saveservice.default_delimiter=,)`;
  }
  if (HEADERLESS_JMETER_CSV.test(firstLine)) {
    return `it looks like a JMeter CSV results file without its header line: first line '${excerpt(firstLine)}'; which columns JMeter saved depends on its settings, so perf-gate reads JMeter CSV by the names in the header: set jmeter.save.saveservice.print_field_names=true (the default) for the next run, or put the header line of the columns saved above the first row`;
  }
  if (firstLine.startsWith("[")) return `it starts with '${excerpt(firstLine)}', a JSON array`;
  if (firstLine.includes(",")) return `a CSV whose header '${excerpt(firstLine)}' is not k6's 'metric_name,timestamp,metric_value,\u2026'`;
  return `first line '${excerpt(firstLine)}'`;
}
var HEADERLESS_JMETER_CSV = /^(?:\d{12,13}|\d{4}[-/]\d{2}[-/]\d{2}[ T]\d{2}:\d{2}:\d{2}[^,]*),\d+,/;
function countLines(text) {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return text.endsWith("\n") || text === "" ? n : n + 1;
}
function firstNonEmptyLine(text) {
  for (const line of text.split("\n")) {
    const t = line.trim();
    if (t !== "") return t;
  }
  return "";
}
async function readHead(file) {
  const handle = await open2(file, "r");
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
function gunzipHead(file, raw) {
  try {
    return gunzipSync(raw, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch (err) {
    throw new IngestError(file, `starts like gzip but cannot be decompressed (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  }
}
async function gunzipWhole(file) {
  const raw = await readFile(file);
  try {
    return gunzipSync(raw, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch (err) {
    throw new IngestError(file, `cannot be decompressed (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  }
}

// src/ingest/memory.ts
import { readFile as readFile2, stat as stat2 } from "node:fs/promises";
import { gunzipSync as gunzipSync2 } from "node:zlib";
var MEMORY_FORMATS = "perf-gate reads memory samples as CSV with a time column (unix_ms, or time/timestamp: Unix s/ms or RFC 3339) and rss_bytes (or process_resident_memory_bytes, rss) plus optional heap_used_bytes, or as Prometheus text scrapes of process_resident_memory_bytes (and nodejs_heap_size_used_bytes), each scrape after a `# scrape <unix_ms>` line or with a sample timestamp (`process_resident_memory_bytes 53235712 1700000000000`)";
var TIME_COLUMNS = ["unix_ms", "time", "timestamp", "t"];
var RSS_COLUMNS = ["rss_bytes", "process_resident_memory_bytes", "rss"];
var HEAP_COLUMNS = ["heap_used_bytes", "nodejs_heap_size_used_bytes", "heap_used"];
var RSS_METRIC = "process_resident_memory_bytes";
var HEAP_METRIC = "nodejs_heap_size_used_bytes";
async function readMemoryFile(file) {
  let raw;
  try {
    if ((await stat2(file)).isDirectory()) throw new IngestError(file, "is a directory; give the memory samples file");
    raw = await readFile2(file);
  } catch (err) {
    if (err instanceof IngestError) throw err;
    const missing = err.code === "ENOENT";
    throw new IngestError(file, missing ? "no such memory samples file" : `cannot read: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  if (raw.length >= 2 && raw[0] === 31 && raw[1] === 139) {
    try {
      raw = gunzipSync2(raw);
    } catch (err) {
      throw new IngestError(file, `cannot be decompressed (${err instanceof Error ? err.message : String(err)})`, { cause: err });
    }
  }
  return parseMemoryText(file, raw.toString("utf8"));
}
function parseMemoryText(file, text) {
  const lines = text.replace(/^\uFEFF/, "").split("\n").map((l) => l.endsWith("\r") ? l.slice(0, -1) : l);
  const first2 = lines.findIndex((l) => l.trim() !== "");
  if (first2 < 0) throw new IngestError(file, `is empty. ${MEMORY_FORMATS}`);
  const head = lines[first2].trim();
  const samples2 = head.startsWith("#") || /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{|\s)/.test(head) && !head.includes(",") ? prometheus(file, lines) : csv(file, lines, first2);
  if (samples2.length === 0) throw new IngestError(file, `holds no memory samples. ${MEMORY_FORMATS}`);
  samples2.sort((a, b) => a.t - b.t);
  return { source: file, samples: samples2 };
}
function csv(file, lines, headerIndex) {
  const header = (splitCsvRecord(lines[headerIndex]) ?? []).map((h) => h.trim().toLowerCase());
  const find = (names) => header.findIndex((h) => names.includes(h));
  const timeColumn = find(TIME_COLUMNS);
  const rssColumn = find(RSS_COLUMNS);
  const heapColumn = find(HEAP_COLUMNS);
  if (timeColumn < 0 || rssColumn < 0) {
    const missing = timeColumn < 0 ? `time column (${TIME_COLUMNS.join(", ")})` : `RSS column (${RSS_COLUMNS.join(", ")})`;
    throw new IngestError(file, `header '${excerpt(lines[headerIndex])}' has no ${missing}. ${MEMORY_FORMATS}`, { line: headerIndex + 1 });
  }
  const times = new TimeParser();
  const samples2 = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === "") continue;
    const fields = splitCsvRecord(line);
    if (fields === void 0 || fields.length !== header.length) {
      throw new IngestError(file, `expected ${header.length} columns as in the header, got '${excerpt(line)}'`, { line: i + 1 });
    }
    const t = timeValue(fields[timeColumn].trim(), header[timeColumn] === "unix_ms", times);
    if (t === void 0) throw new IngestError(file, `time '${excerpt(fields[timeColumn])}' is neither Unix time nor RFC 3339`, { line: i + 1 });
    const rssBytes = bytes(fields[rssColumn]);
    if (rssBytes === void 0) throw new IngestError(file, `${header[rssColumn]} '${excerpt(fields[rssColumn])}' is not a number of bytes`, { line: i + 1 });
    const sample = { t, rssBytes };
    if (heapColumn >= 0 && fields[heapColumn].trim() !== "") {
      const heap = bytes(fields[heapColumn]);
      if (heap === void 0) throw new IngestError(file, `${header[heapColumn]} '${excerpt(fields[heapColumn])}' is not a number of bytes`, { line: i + 1 });
      sample.heapUsedBytes = heap;
    }
    samples2.push(sample);
  }
  return samples2;
}
function prometheus(file, lines) {
  const byTime = /* @__PURE__ */ new Map();
  let scrapeTime;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "") continue;
    if (line.startsWith("#")) {
      const m2 = /^#\s*scrape\s+(\S+)/.exec(line);
      if (m2) {
        const t2 = Number(m2[1]);
        if (!Number.isFinite(t2)) throw new IngestError(file, `'# scrape ${excerpt(m2[1])}' needs a Unix time in ms`, { line: i + 1 });
        scrapeTime = t2 < 1e11 ? t2 * 1e3 : t2;
      }
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)(?:\s+(\S+))?\s*$/.exec(line);
    if (!m) throw new IngestError(file, `expected a Prometheus sample 'name value [timestamp]', got '${excerpt(line)}'`, { line: i + 1 });
    const name = m[1];
    if (name !== RSS_METRIC && name !== HEAP_METRIC) continue;
    const value2 = bytes(m[3]);
    if (value2 === void 0) throw new IngestError(file, `${name} value '${excerpt(m[3])}' is not a number of bytes`, { line: i + 1 });
    const t = m[4] !== void 0 ? Number(m[4]) : scrapeTime;
    if (t === void 0 || !Number.isFinite(t)) {
      throw new IngestError(file, `${name} has no time: put '# scrape <unix_ms>' before each scrape or a timestamp after the value`, { line: i + 1 });
    }
    const entry = byTime.get(t) ?? { line: i + 1 };
    if (name === RSS_METRIC) entry.rss = value2;
    else entry.heap = value2;
    byTime.set(t, entry);
  }
  const samples2 = [];
  for (const [t, e] of byTime) {
    if (e.rss === void 0) throw new IngestError(file, `the scrape at ${t} has no ${RSS_METRIC}`, { line: e.line });
    samples2.push(e.heap !== void 0 ? { t, rssBytes: e.rss, heapUsedBytes: e.heap } : { t, rssBytes: e.rss });
  }
  return samples2;
}
function timeValue(text, isMs, times) {
  if (/^\d+(\.\d+)?$/.test(text)) {
    const n = Number(text);
    if (isMs) return n;
    return n < 1e11 ? n * 1e3 : n < 1e14 ? n : n / 1e3;
  }
  const t = times.parseString(text);
  return Number.isNaN(t) ? void 0 : t;
}
function bytes(text) {
  const t = text.trim();
  if (t === "") return void 0;
  const n = Number(t);
  return Number.isFinite(n) && n >= 0 ? n : void 0;
}

// src/ingest/ingest.ts
var THREAD_MIN_BYTES = 32e6;
var MIN_THREAD_CORES = 3;
var GZIP_RATIO = 8;
var MIXED = "cannot be combined with the other inputs: give either point outputs of one load tool (k6 NDJSON/CSV or JMeter CSV/XML results, several shards of one run allowed), or one k6 summary, or perf-gate run documents";
async function ingestFiles(paths, options = {}) {
  if (paths.length === 0) throw new IngestError("<inputs>", "no input files: give the k6 output of the run (`k6 run --out json=run.ndjson.gz`) or JMeter's results (`jmeter -n -t plan.jmx -l results.jtl`)");
  checkOptions(options);
  const inputs = [];
  for (const file of paths) inputs.push({ file, detected: await detectFormat(file, options.readers) });
  const documents = inputs.filter((i) => i.detected.format === "run-document");
  const summaries = inputs.filter((i) => i.detected.kind === "summary");
  const streams = inputs.filter((i) => i.detected.kind === "stream");
  let doc;
  if (documents.length > 0) {
    const other = inputs.find((i) => i.detected.format !== "run-document");
    if (other) throw new IngestError(other.file, `is a ${other.detected.format} file, which ${MIXED}`);
    doc = mergeDocuments(documents.map((d) => ({ file: d.file, doc: runDocument(d.file, d.detected) })));
  } else if (summaries.length > 0) {
    const other = inputs.find((i) => i !== summaries[0]);
    if (other) {
      throw new IngestError(other.file, `is given with the summary ${summaries[0].file}; a summary holds aggregates only (percentiles cannot be added up), so it ${MIXED}`);
    }
    const { file, detected } = summaries[0];
    if (detected.kind !== "summary") throw new Error("unreachable: summary input without a summary reader");
    doc = detected.reader.read(detected.value, {
      file,
      lines: detected.lines,
      mtimeMs: (await stat3(file)).mtimeMs,
      ...options.stage !== void 0 ? { stage: options.stage } : {},
      ...options.labels !== void 0 ? { labels: options.labels } : {},
      ...options.gitSha !== void 0 ? { gitSha: options.gitSha } : {}
    });
  } else {
    const files = streams.flatMap((s) => s.detected.kind === "stream" ? [{ file: s.file, reader: s.detected.reader, gzip: s.detected.gzip }] : []);
    const tools = new Set(files.map((f) => f.reader.tool));
    if (tools.size > 1) {
      const first2 = files[0];
      const other = files.find((f) => f.reader.tool !== first2.reader.tool);
      throw new IngestError(other.file, `is ${other.reader.tool} output, given with ${first2.reader.tool} output (${first2.file}): shards of one run come from one load tool`);
    }
    let total2 = 0;
    const onBytes = options.onProgress ? (n) => {
      total2 += n;
      options.onProgress(total2);
    } : void 0;
    doc = await buildFromSources(files.map((f) => ({ file: f.file, reader: f.reader, source: new ByteSource(f.file, f.gzip, onBytes) })), options);
  }
  if (options.memory !== void 0) doc.memory = await readMemoryFile(options.memory);
  return doc;
}
function checkOptions(options) {
  if (options.window !== void 0 && options.window !== "auto" && !(Number.isFinite(options.window) && options.window > 0)) {
    throw new RangeError(`ingest: window must be 'auto' or a positive number of seconds but got ${options.window}`);
  }
  if (options.maxScopes !== void 0 && !(Number.isInteger(options.maxScopes) && options.maxScopes >= 1)) {
    throw new RangeError(`ingest: maxScopes must be a whole number \u2265 1 but got ${options.maxScopes}`);
  }
}
async function buildFromSources(files, options, watch) {
  const builderOptions = {
    requestsMetric: files[0].reader.roles.requests,
    failuresMetric: files[0].reader.roles.failures,
    groupBy: options.groupBy ?? ["name"],
    window: options.window ?? "auto",
    ...options.submetrics !== void 0 ? { submetrics: options.submetrics } : {},
    ...options.maxScopes !== void 0 ? { maxScopes: options.maxScopes } : {}
  };
  const choice = options.builderThread ?? "auto";
  const thread = await wantsThread(files, choice) ? threadOrHere(builderOptions, choice) : void 0;
  try {
    const built = thread?.builder ?? new RunBuilder(builderOptions);
    const builder = watch?.points ? new ObservedBuilder(built, watch.points) : built;
    const warnings = [];
    const seen = /* @__PURE__ */ new Set();
    const warn = (message) => {
      if (seen.has(message)) return;
      seen.add(message);
      warnings.push(message);
    };
    const tool = files[0].reader;
    const sink = new PointSink(builder, warn, tool.knownMetrics);
    const sources = [];
    const runInfo2 = (read) => ({
      tool: tool.tool,
      roles: tool.roles,
      ...options.stage !== void 0 ? { stage: options.stage } : {},
      ...options.labels !== void 0 ? { labels: options.labels } : {},
      ...options.gitSha !== void 0 ? { gitSha: options.gitSha } : {},
      sources: [...read],
      warnings: [...warnings]
    });
    if (watch?.ready && !thread) watch.ready(() => built.finish(runInfo2(files.map((f) => ({ file: f.file, format: f.reader.format, lines: 0, partial: false })))));
    for (const f of files) {
      const result = await f.reader.read(f.file, f.source, sink, warn);
      sources.push({ file: f.file, format: f.reader.format, lines: result.lines, partial: result.partial });
    }
    if (builder.points === 0) warn(`no points in ${files.map((f) => f.file).join(", ")}: the test recorded no samples`);
    const info = runInfo2(sources);
    return thread ? await thread.builder.finish(info) : built.finish(info);
  } finally {
    await thread?.close();
  }
}
function threadOrHere(options, choice) {
  try {
    return startBuilderThread(options);
  } catch (err) {
    if (choice === "always") throw err;
    return void 0;
  }
}
async function wantsThread(files, choice) {
  switch (choice) {
    case "never":
      return false;
    case "always":
      if (!builderThreadAvailable()) throw new Error("ingest: builderThread 'always' needs the bundle's dist/ingest-worker.js next to the running code (run dist/cli.js, not the TypeScript source)");
      return true;
    case "auto": {
      if (!builderThreadAvailable() || availableParallelism() < MIN_THREAD_CORES) return false;
      let bytes2 = 0;
      for (const f of files) bytes2 += f.source.streamed ? 0 : (await stat3(f.file)).size * (f.source.gzip ? GZIP_RATIO : 1);
      return bytes2 >= THREAD_MIN_BYTES;
    }
  }
}
function runDocument(file, detected) {
  if (detected.kind !== "run-document") throw new Error("unreachable: run document without JSON content");
  const schema = detected.value.schema;
  if (schema !== RUN_DOCUMENT_SCHEMA) {
    throw new IngestError(file, `is a perf-gate run document of schema '${String(schema)}', but this perf-gate reads '${RUN_DOCUMENT_SCHEMA}': use the perf-gate version that wrote it, or ingest the k6 output again`);
  }
  const parsed = RunDocumentSchema.safeParse(detected.value);
  if (!parsed.success) throw new IngestError(file, `is not a valid perf-gate run document: ${zodMessage(parsed.error)}; write it again with \`perf-gate ingest\``);
  return parsed.data;
}
function mergeDocuments(inputs) {
  if (inputs.length === 1) return inputs[0].doc;
  try {
    return mergeRuns(inputs.map((i) => i.doc), { names: inputs.map((i) => i.file) });
  } catch (err) {
    if (err instanceof MergeError) {
      throw new IngestError(inputs.map((i) => i.file).join(", "), `cannot merge these run documents: ${err.message}`, { cause: err });
    }
    throw err;
  }
}

// src/document/percentile-name.ts
var NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
function percentileOf(text) {
  const m = /^p\((.*)\)$/s.exec(text);
  if (m === null || !NUMBER.test(m[1] ?? "")) return void 0;
  const n = Number(m[1]);
  return n === 0 ? 0 : n;
}
function percentileName(n) {
  return `p(${String(n)})`;
}

// src/document/run-view.ts
var RunView = class {
  constructor(doc) {
    this.doc = doc;
  }
  doc;
  distributions = /* @__PURE__ */ new Map();
  get durationSeconds() {
    return this.doc.meta.durationSeconds;
  }
  get aggregateOnly() {
    return this.doc.meta.aggregateOnly;
  }
  /** The tool's names for the request latency, count and failures (k6's for documents that do not say). */
  get roles() {
    return this.doc.meta.roles ?? K6_ROLES;
  }
  scope(name) {
    return this.doc.scopes[name];
  }
  /** The trend's distribution (ascending buckets), or undefined when the scope has none (aggregate-only, not a trend). */
  distribution(name) {
    const cached = this.distributions.get(name);
    if (cached) return cached;
    const s = this.doc.scopes[name];
    if (!s || isReported(s) || s.type !== "trend" || s.trend.count === 0) return void 0;
    const t = s.trend;
    const d = TrendHistogram.decode(t, name).distribution();
    this.distributions.set(name, d);
    return d;
  }
  /**
   * A k6 aggregate of a scope by k6's own key (`avg`, `min`, `med`, `max`, `p(95)`, `count`, `rate`,
   * `passes`, `fails`, `value`), computed as k6 computes it; undefined when it does not apply.
   */
  value(name, key) {
    const s = this.doc.scopes[name];
    if (!s) return void 0;
    if (isReported(s)) return s.reported[key] ?? (key === "value" && s.type === "rate" ? s.reported["rate"] : void 0);
    switch (s.type) {
      case "trend": {
        const t = s.trend;
        if (t.count === 0) return key === "count" ? 0 : void 0;
        if (key === "count") return t.count;
        if (key === "avg") return t.sum / t.count;
        if (key === "min") return t.min;
        if (key === "max") return t.max;
        const p = key === "med" ? 0.5 : percentileKey(key);
        if (p === void 0) return void 0;
        const d = this.distribution(name);
        if (!d) return void 0;
        const v = percentile(d, p);
        return isInsufficient(v) ? void 0 : v;
      }
      case "counter": {
        const c2 = s.counter;
        if (key === "count") return c2.count;
        if (key === "rate") return this.durationSeconds > 0 ? c2.count / this.durationSeconds : void 0;
        return void 0;
      }
      case "rate": {
        const r = s.rate;
        const total2 = r.passes + r.fails;
        if (key === "passes") return r.passes;
        if (key === "fails") return r.fails;
        if (key === "rate" || key === "value") return total2 > 0 ? r.passes / total2 : void 0;
        if (key === "count") return total2;
        return void 0;
      }
      case "gauge": {
        const g = s.gauge;
        if (g.samples === 0) return void 0;
        if (key === "value") return g.value;
        if (key === "min") return g.min;
        if (key === "max") return g.max;
        return void 0;
      }
    }
  }
  /** Requests per second of a scope of the latency metric, from the matching scope of the request counter. */
  throughput(tags, requestsMetric = this.roles.requests) {
    const name = scopeName(requestsMetric, tags);
    const s = this.doc.scopes[name];
    if (s && isReported(s)) return s.reported["rate"];
    const count2 = this.value(name, "count");
    return count2 !== void 0 && this.durationSeconds > 0 ? count2 / this.durationSeconds : void 0;
  }
  /** Failed requests / all requests of a scope, from the matching scope of the failures rate. */
  errors(tags, failedMetric = this.roles.failures) {
    const s = this.doc.scopes[scopeName(failedMetric, tags)];
    if (!s || s.type !== "rate") return void 0;
    const counts2 = isReported(s) ? s.rate ?? reportedCounts(s.reported) : s.rate;
    return counts2 ? { failed: counts2.passes, total: counts2.passes + counts2.fails } : void 0;
  }
  /**
   * Failed requests of a scope by failure signature (status and error_code), from the matching scope of the
   * failures rate; undefined when the document does not record them (older documents, summaries) or has no
   * such scope. An empty list: recorded, and nothing failed.
   */
  signatures(tags, failedMetric = this.roles.failures) {
    const s = this.doc.scopes[scopeName(failedMetric, tags)];
    if (!s || isReported(s) || s.type !== "rate") return void 0;
    return s.signatures;
  }
  /** The windows of a scope of this metric type (none when the scope is another type, or aggregate-only). */
  windows(name, type) {
    return windowsOf(this.doc, name, type);
  }
  /** Windows of a trend scope as sketches, for statistics on a part of the run. */
  windowDistribution(name, from, to) {
    const merged = WindowSketch.open();
    for (const w of this.windows(name, "trend")) {
      if (w.i < from || w.i >= to) continue;
      merged.addEncoded(w.sketch);
    }
    return merged.distribution();
  }
  /**
   * The unit a trend (or gauge) of this scope is measured in, from its metric's `contains`: `ms` for
   * times, `bytes` for data, `value` for anything else (a custom metric's own unit).
   */
  unitOf(name) {
    switch (this.definition(name)?.contains) {
      case "time":
        return "ms";
      case "data":
        return "bytes";
      case "default":
      case void 0:
        return "value";
    }
  }
  /** The unit of a k6 aggregate of this scope (`count` is a count, a Rate's `rate` a fraction, a counter's `rate` per second). */
  unitOfStatistic(name, key) {
    const def = this.definition(name);
    switch (def?.type) {
      case "counter":
        if (key === "rate") return def.metric === this.roles.requests ? "req/s" : "per-second";
        return def.contains === "data" ? "bytes" : "count";
      case "rate":
        return key === "rate" || key === "value" ? "fraction" : "count";
      case "trend":
      case "gauge":
        return key === "count" ? "count" : this.unitOf(name);
      case void 0:
        return "value";
    }
  }
  /** The type and content of the metric a scope belongs to. */
  definition(name) {
    const metric = this.doc.scopes[name]?.metric ?? (name.includes("{") ? name.slice(0, name.indexOf("{")) : name);
    const m = this.doc.metrics[metric];
    return m ? { metric, type: m.type, contains: m.contains } : void 0;
  }
  /** Scopes of a metric split by one tag, as tag value → scope name. */
  scopesByTag(metric, tag) {
    const out = /* @__PURE__ */ new Map();
    for (const [name, s] of Object.entries(this.doc.scopes)) {
      const keys = Object.keys(s.tags);
      if (s.metric === metric && keys.length === 1 && keys[0] === tag) out.set(s.tags[tag], name);
    }
    return out;
  }
};
function reportedCounts(reported) {
  const passes = reported["passes"];
  const fails = reported["fails"];
  return passes !== void 0 && fails !== void 0 ? { passes, fails } : void 0;
}
function percentileKey(key) {
  const n = percentileOf(key);
  return n !== void 0 && n >= 0 && n <= 100 ? n / 100 : void 0;
}

// src/document/k6-summary.ts
var KEYS = {
  trend: ["avg", "min", "med", "max", "p(90)", "p(95)", "p(99)", "count"],
  counter: ["count", "rate"],
  rate: ["rate", "passes", "fails"],
  gauge: ["value", "min", "max"]
};
function k6Summary(doc) {
  const view = new RunView(doc);
  const metrics = {};
  for (const [name, scope] of Object.entries(doc.scopes)) {
    const values = {};
    for (const key of KEYS[scope.type]) {
      const v = view.value(name, key);
      if (v !== void 0 && Number.isFinite(v)) values[key] = v;
    }
    metrics[name] = { type: scope.type, values };
  }
  return { metrics };
}

// src/config/errors.ts
var IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;
function formatConfigPath(path) {
  let out = "";
  path.forEach((segment, i) => {
    if (typeof segment === "number") {
      out += `[${segment}]`;
    } else if (isThresholdMetricKey(path, i) || !IDENTIFIER.test(segment)) {
      out += `[${JSON.stringify(segment)}]`;
    } else {
      out += out === "" ? segment : `.${segment}`;
    }
  });
  return out;
}
function isThresholdMetricKey(path, i) {
  return i === 3 && path[0] === "stages" && path[2] === "thresholds";
}
function formatValue(value2) {
  if (value2 === void 0) return "nothing";
  if (typeof value2 === "number" || typeof value2 === "boolean" || value2 === null) return String(value2);
  if (typeof value2 === "bigint") return `${value2.toString()}`;
  let json;
  try {
    json = JSON.stringify(value2);
  } catch {
    json = void 0;
  }
  if (json === void 0) return typeof value2;
  return json.length > 60 ? `${json.slice(0, 57)}\u2026` : json;
}
function formatConfigIssue(issue, file) {
  const where2 = file === void 0 ? "" : issue.location === void 0 ? `${file}: ` : `${file}:${issue.location.line}:${issue.location.col}: `;
  const path = formatConfigPath(issue.path);
  return `${where2}${path === "" ? "" : `${path}: `}${issue.message}`;
}
var ConfigError = class _ConfigError extends Error {
  /** Where the first problem is: a key path (`stages.smoke.regresion`) or, for I/O and YAML syntax errors, the file. */
  path;
  /** Every problem, one line each, already carrying file, line and path. */
  issues;
  /** The config file, when the config came from one. */
  file;
  constructor(issues, options = {}) {
    super(_ConfigError.render(issues, options.file), options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = "ConfigError";
    this.path = options.path ?? options.file ?? "";
    this.issues = [...issues];
    this.file = options.file;
  }
  /** Builds the error from structured issues (e.g. from validation), rendering each as one line. */
  static fromIssues(issues, file) {
    const first2 = issues[0];
    return new _ConfigError(
      issues.map((issue) => formatConfigIssue(issue, file)),
      { path: first2 === void 0 ? file : formatConfigPath(first2.path), file }
    );
  }
  static render(issues, file) {
    if (issues.length === 1 && issues[0] !== void 0) return issues[0];
    const what = file === void 0 ? "the perf-gate config" : file;
    if (issues.length === 0) return `${what} is invalid`;
    return [`${issues.length} problems in ${what}:`, ...issues.map((line) => `  ${line}`)].join("\n");
  }
};

// src/config/load.ts
import { readFile as readFile3 } from "node:fs/promises";

// src/config/schema.ts
import { z as z8 } from "zod";

// src/config/metric-selector.ts
var METRIC_NAME = /^[A-Za-z_](?:[A-Za-z0-9_]|\.(?=[A-Za-z0-9_])){0,127}$/;
var EXAMPLE = `e.g. 'http_req_duration{name:GET /api/alerts}'`;
function tryParseMetricSelector(source) {
  const text = source.trim();
  const open3 = text.indexOf("{");
  const close = text.lastIndexOf("}");
  const name = open3 === -1 ? text : text.slice(0, open3);
  const fail = (why) => ({ error: `'${source}' is not a k6 metric selector \u2014 ${why}` });
  if (!METRIC_NAME.test(name)) {
    return fail(
      name === "" ? `it has no metric name; expected name{tag:value}, ${EXAMPLE}` : /\s$/.test(name) && METRIC_NAME.test(name.trim()) ? `remove the space before '{', ${EXAMPLE}` : `'${name}' is not a metric name (letters, digits and '_', dots inside, not starting with a digit), ${EXAMPLE}`
    );
  }
  if (open3 === -1 && close === -1) return { metric: name, tags: {} };
  if (open3 === -1 || close !== text.length - 1 || close < open3) {
    return fail(`the tag filter must be one {\u2026} at the end, ${EXAMPLE}`);
  }
  const inner = text.slice(open3 + 1, close);
  if (inner.trim() === "") return fail(`the tag filter {} is empty; remove it or add tag:value, ${EXAMPLE}`);
  const tags = {};
  for (const part2 of inner.split(",")) {
    const colon = part2.indexOf(":");
    const key = unquote(colon === -1 ? part2 : part2.slice(0, colon));
    const value2 = colon === -1 ? "" : unquote(part2.slice(colon + 1));
    if (colon === -1 || key === "" || value2 === "") {
      return fail(`'${part2.trim()}' is not tag:value, ${EXAMPLE}`);
    }
    if (Object.prototype.hasOwnProperty.call(tags, key)) return fail(`tag '${key}' appears twice`);
    tags[key] = value2;
  }
  return { metric: name, tags };
}
function parseMetricSelector(source, path) {
  const parsed = tryParseMetricSelector(source);
  if ("error" in parsed) {
    throw new ConfigError([path === void 0 ? parsed.error : `${path}: ${parsed.error}`], { path: path ?? source });
  }
  return parsed;
}
function formatMetricSelector(selector) {
  const parts = Object.entries(selector.tags).map(([k, v]) => `${k}:${v}`);
  return parts.length === 0 ? selector.metric : `${selector.metric}{${parts.join(",")}}`;
}
function unquote(text) {
  return text.trim().replace(/^["']+|["']+$/g, "");
}

// src/config/schema-fields.ts
import { z as z6 } from "zod";

// src/config/duration.ts
var UNIT_SECONDS = { ms: 1e-3, s: 1, m: 60, h: 3600, d: 86400 };
var WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;
var PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
function parseDurationSeconds(text) {
  const trimmed = text.trim();
  if (!WHOLE.test(trimmed)) return void 0;
  let seconds2 = 0;
  for (const match of trimmed.matchAll(PART)) {
    const unit = match[2];
    seconds2 += Number(match[1]) * UNIT_SECONDS[unit];
  }
  return seconds2;
}

// src/config/latency-statistic.ts
function parseLatencyStatistic(text) {
  if (text === "med" || text === "avg") return text;
  const p = percentileOf(text);
  if (p !== void 0 && p > 0 && p <= 100) return percentileName(p);
  const bare = /^p(\d+(?:\.\d+)?)$/.exec(text);
  const hint = bare !== null ? ` \u2014 did you mean 'p(${bare[1] ?? ""})'?` : text === "median" || text === "p50" ? ` \u2014 did you mean 'med'?` : text === "mean" ? ` \u2014 did you mean 'avg'?` : "";
  return { error: `expected 'med', 'avg' or 'p(N)' with 0 < N \u2264 100, got ${JSON.stringify(text)}${hint}` };
}

// src/config/schema-fields.ts
function describeRange(range) {
  const low = range.min === void 0 ? void 0 : `${range.minExclusive === true ? ">" : "\u2265"} ${range.min}`;
  const high = range.max === void 0 ? void 0 : `${range.maxExclusive === true ? "<" : "\u2264"} ${range.max}`;
  if (low !== void 0 && high !== void 0) {
    if (range.minExclusive === true && range.maxExclusive === true) return `between ${range.min} and ${range.max} (exclusive)`;
    return `${low} and ${high}`;
  }
  return low ?? high ?? "";
}
function inRange(n, range) {
  if (range.min !== void 0 && (range.minExclusive === true ? !(n > range.min) : !(n >= range.min))) return false;
  if (range.max !== void 0 && (range.maxExclusive === true ? !(n < range.max) : !(n <= range.max))) return false;
  return true;
}
var PERCENT = /^\s*([+-]?(?:\d+\.?\d*|\.\d+))\s*%\s*$/;
function parsePercent(text) {
  const match = PERCENT.exec(text);
  if (match === null) return void 0;
  return Number(`${match[1] ?? ""}e-2`);
}
function fraction(range, example) {
  const expected = `expected a number ${describeRange(range)} or a percentage such as ${JSON.stringify(example)}`;
  return z6.unknown().transform((value2, ctx) => {
    const n = typeof value2 === "number" ? value2 : typeof value2 === "string" ? parsePercent(value2) : void 0;
    if (n === void 0 || !Number.isFinite(n) || !inRange(n, range)) {
      ctx.addIssue({ code: "custom", message: `${expected}, got ${formatValue(value2)}`, input: value2 });
      return z6.NEVER;
    }
    return n;
  });
}
function wholeNumber(range) {
  return z6.unknown().transform((value2, ctx) => {
    if (typeof value2 !== "number" || !Number.isInteger(value2) || !inRange(value2, range)) {
      ctx.addIssue({ code: "custom", message: `expected a whole number ${describeRange(range)}, got ${formatValue(value2)}`, input: value2 });
      return z6.NEVER;
    }
    return value2;
  });
}
function milliseconds(range) {
  return z6.unknown().transform((value2, ctx) => {
    const text = typeof value2 === "string" ? /^\s*(\d+(?:\.\d+)?)\s*ms\s*$/.exec(value2) : null;
    const n = typeof value2 === "number" ? value2 : text ? Number(text[1]) : void 0;
    if (n === void 0 || !Number.isFinite(n) || !inRange(n, range)) {
      ctx.addIssue({ code: "custom", message: `expected milliseconds ${describeRange(range)}, as a number or a string such as "0.05ms", got ${formatValue(value2)}`, input: value2 });
      return z6.NEVER;
    }
    return n;
  });
}
function seconds(range) {
  return z6.unknown().transform((value2, ctx) => {
    const n = typeof value2 === "number" ? value2 : typeof value2 === "string" ? parseDurationSeconds(value2) : void 0;
    if (n === void 0 || !Number.isFinite(n) || !inRange(n, range)) {
      ctx.addIssue({
        code: "custom",
        message: `expected a number of seconds ${describeRange(range)} or a duration such as "30s", got ${formatValue(value2)}`,
        input: value2
      });
      return z6.NEVER;
    }
    return n;
  });
}
function windowSeconds() {
  return z6.unknown().transform((value2, ctx) => {
    if (value2 === "auto") return "auto";
    const n = typeof value2 === "number" ? value2 : typeof value2 === "string" ? parseDurationSeconds(value2) : void 0;
    if (n === void 0 || !Number.isFinite(n) || !(n > 0)) {
      ctx.addIssue({
        code: "custom",
        message: `expected 'auto', a number of seconds > 0 or a duration such as "30s", got ${formatValue(value2)}`,
        input: value2
      });
      return z6.NEVER;
    }
    return n;
  });
}
function metricSelectorText() {
  return z6.unknown().transform((value2, ctx) => {
    if (typeof value2 !== "string") {
      ctx.addIssue({ code: "custom", message: `expected a k6 metric name such as "http_req_duration", got ${formatValue(value2)}`, input: value2 });
      return z6.NEVER;
    }
    const parsed = tryParseMetricSelector(value2);
    if ("error" in parsed) {
      ctx.addIssue({ code: "custom", message: parsed.error, input: value2 });
      return z6.NEVER;
    }
    return formatMetricSelector(parsed);
  });
}
function nonEmptyText(what) {
  return z6.unknown().transform((value2, ctx) => {
    if (typeof value2 !== "string" || value2.trim() === "" || value2.trim() !== value2) {
      ctx.addIssue({ code: "custom", message: `expected ${what} (a non-empty string without surrounding spaces), got ${formatValue(value2)}`, input: value2 });
      return z6.NEVER;
    }
    return value2;
  });
}
function textList(one, many) {
  return z6.unknown().transform((value2, ctx) => {
    const list = typeof value2 === "string" ? [value2] : value2;
    if (!Array.isArray(list)) {
      ctx.addIssue({ code: "custom", message: `expected a list of ${many}, got ${formatValue(value2)}`, input: value2 });
      return z6.NEVER;
    }
    const out = [];
    list.forEach((item, i) => {
      if (typeof item !== "string" || item.trim() === "" || item.trim() !== item) {
        ctx.addIssue({ code: "custom", path: [i], message: `expected ${one} (a non-empty string), got ${formatValue(item)}`, input: item });
      } else if (out.includes(item)) {
        ctx.addIssue({ code: "custom", path: [i], message: `${JSON.stringify(item)} is listed twice \u2014 remove one`, input: item });
      } else {
        out.push(item);
      }
    });
    return out;
  });
}
function latencyStatistics() {
  return z6.unknown().transform((value2, ctx) => {
    const list = typeof value2 === "string" ? [value2] : value2;
    if (!Array.isArray(list) || list.length === 0) {
      ctx.addIssue({ code: "custom", message: `expected a non-empty list such as [med, "p(95)"], got ${formatValue(value2)}`, input: value2 });
      return z6.NEVER;
    }
    const out = [];
    list.forEach((item, i) => {
      const parsed = typeof item === "string" ? parseLatencyStatistic(item) : { error: `expected 'med', 'avg' or 'p(N)' with 0 < N \u2264 100, got ${formatValue(item)}` };
      if (typeof parsed !== "string") {
        ctx.addIssue({ code: "custom", path: [i], message: parsed.error, input: item });
      } else if (out.includes(parsed)) {
        ctx.addIssue({ code: "custom", path: [i], message: `'${parsed}' is listed twice \u2014 remove one`, input: item });
      } else {
        out.push(parsed);
      }
    });
    return out;
  });
}

// src/config/suggest.ts
function editDistance(a, b) {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Array(rows * cols).fill(0);
  const at = (i, j) => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}
function didYouMean(input, candidates) {
  const needle = input.toLowerCase();
  let best;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === input) continue;
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === void 0) return void 0;
  const allowed = Math.max(1, Math.floor(Math.max(input.length, best.length) / 3));
  return bestDistance <= allowed ? best : void 0;
}
function listNames(names, conjunction = "or") {
  const quoted = names.map((n) => `'${n}'`);
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} ${conjunction} ${quoted[quoted.length - 1] ?? ""}`;
}

// src/config/schema-issues.ts
var WHERE_KEYS_BELONG = {
  thresholds: "stages.<stage>.thresholds",
  regression: "stages.<stage>.regression",
  endurance: "stages.<stage>.endurance",
  extends: "stages.<stage>.extends",
  latency: "stages.<stage>.regression.latency",
  throughput: "stages.<stage>.regression.throughput",
  errorRate: "stages.<stage>.regression.errorRate",
  memory: "stages.<stage>.regression.memory",
  memoryGrowth: "stages.<stage>.endurance.memoryGrowth",
  degradation: "stages.<stage>.endurance.degradation",
  leak: "stages.<stage>.endurance.leak",
  warmupSeconds: "stages.<stage>.endurance.warmupSeconds"
};
function unknownKeyMessage(key, known2) {
  const suggestion = didYouMean(key, known2);
  if (suggestion !== void 0) return `unknown key \u2014 did you mean '${suggestion}'?`;
  const home = WHERE_KEYS_BELONG[key];
  const allowed = known2.length === 0 ? "no keys are allowed here" : `allowed here: ${listNames(known2)}`;
  return home === void 0 ? `unknown key \u2014 ${allowed}` : `unknown key here \u2014 '${key}' belongs under ${home}; ${allowed}`;
}
var NOUNS = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "a mapping (key: value)",
  record: "a mapping (key: value)",
  array: "a list",
  null: "null"
};
function configErrorMap(issue) {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === void 0 ? "required, but missing" : `expected ${NOUNS[issue.expected] ?? issue.expected}, got ${formatValue(issue.input)}`;
    case "unrecognized_keys": {
      const known2 = shapeKeys(issue.inst);
      return issue.keys.map((key) => unknownKeyMessage(key, known2)).join("\n");
    }
    case "invalid_value": {
      const values = issue.values.map((v) => String(v));
      const suggestion = typeof issue.input === "string" ? didYouMean(issue.input, values) : void 0;
      return `expected ${listNames(values)}, got ${formatValue(issue.input)}${suggestion === void 0 ? "" : ` \u2014 did you mean '${suggestion}'?`}`;
    }
    case "too_small":
      return issue.origin === "array" ? `expected at least ${issue.minimum} entries, got ${formatValue(issue.input)}` : `expected ${issue.inclusive === false ? ">" : "\u2265"} ${issue.minimum}, got ${formatValue(issue.input)}`;
    case "too_big":
      return issue.origin === "array" ? `expected at most ${issue.maximum} entries, got ${formatValue(issue.input)}` : `expected ${issue.inclusive === false ? "<" : "\u2264"} ${issue.maximum}, got ${formatValue(issue.input)}`;
    case "invalid_format":
      return `${formatValue(issue.input)} is not ${issue.format === "regex" ? "in the expected format" : `a valid ${issue.format}`}`;
    case "not_multiple_of":
      return `expected a multiple of ${issue.divisor}, got ${formatValue(issue.input)}`;
    case "invalid_union":
      return `${formatValue(issue.input)} fits none of the allowed forms`;
    case "invalid_key":
      return `${formatValue(issue.input)} is not allowed as a key here`;
    case "invalid_element":
      return `${formatValue(issue.input)} is not allowed here`;
    case "custom":
      return issue.message ?? `${formatValue(issue.input)} is not allowed here`;
  }
}
function shapeKeys(inst) {
  const def = inst?._zod?.def;
  if (typeof def === "object" && def !== null && "shape" in def) {
    const shape = def.shape;
    if (typeof shape === "object" && shape !== null) return Object.keys(shape);
  }
  return [];
}
function toConfigIssues(issues, base = []) {
  const flat2 = flatten(issues, base);
  const typoTargets = /* @__PURE__ */ new Set();
  for (const issue of flat2) {
    const match = /^unknown key — did you mean '([^']+)'\?$/.exec(issue.message);
    if (match !== null) typoTargets.add(JSON.stringify([...issue.path.slice(0, -1), match[1]]));
  }
  return flat2.filter((issue) => !(issue.message === "required, but missing" && typoTargets.has(JSON.stringify(issue.path))));
}
function flatten(issues, base) {
  const out = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path.map(toSegment)];
    switch (issue.code) {
      case "unrecognized_keys": {
        const lines = issue.message.split("\n");
        issue.keys.forEach((key, i) => out.push({ path: [...path, key], message: lines[i] ?? "unknown key" }));
        break;
      }
      case "invalid_union": {
        const branch = issue.errors.find((b) => !isTypeMismatch(b));
        if (branch === void 0) out.push({ path, message: issue.message });
        else out.push(...flatten(branch, path));
        break;
      }
      case "invalid_key":
      case "invalid_element":
        out.push(...flatten(issue.issues, path));
        break;
      case "invalid_type":
      case "invalid_value":
      case "too_small":
      case "too_big":
      case "invalid_format":
      case "not_multiple_of":
      case "custom":
        out.push({ path, message: issue.message });
        break;
    }
  }
  return out;
}
function isTypeMismatch(branch) {
  return branch.every(
    (issue) => issue.path.length === 0 && (issue.code === "invalid_type" || issue.code === "invalid_union" && issue.errors.every((b) => isTypeMismatch(b)))
  );
}
function toSegment(key) {
  return typeof key === "symbol" ? String(key) : key;
}

// src/config/threshold.ts
function aggregationsFor(type) {
  switch (type) {
    case "trend":
      return ["avg", "min", "max", "med", "percentile"];
    case "counter":
      return ["count", "rate"];
    case "rate":
      return ["rate", "passes", "fails"];
    case "gauge":
      return ["value"];
  }
}
function aggregationKindText(kind) {
  return kind === "percentile" ? "p(N)" : kind;
}
var AGGREGATION_NAMES = ["value", "count", "rate", "avg", "min", "med", "max", "passes", "fails"];
var EXAMPLES = `expected e.g. 'p(95)<500', 'rate<0.01', 'count>1000'`;
var NUMBER2 = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
var SCAN = /^(.*?)(===|==|!=|<=|>=|<|>)(.*)$/s;
var DURATION = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h|d))+$/;
function tryParseThreshold(input) {
  const { source, abortOnFail } = typeof input === "string" ? { source: input, abortOnFail: false } : { source: input.threshold, abortOnFail: input.abortOnFail ?? false };
  const fail = (why = EXAMPLES) => ({ error: `'${source}' is not a k6 threshold \u2014 ${why}` });
  if (typeof input !== "string" && input.delayAbortEval !== void 0 && !DURATION.test(input.delayAbortEval)) {
    return { error: `delayAbortEval '${input.delayAbortEval}' is not a k6 duration \u2014 expected e.g. '10s', '1m30s'` };
  }
  const scanned = SCAN.exec(source);
  if (scanned === null) {
    return fail(/[^=!<>]=[^=]/.test(source) ? `use '==' to compare for equality; ${EXAMPLES}` : EXAMPLES);
  }
  const left = (scanned[1] ?? "").trim();
  const rawOperator = scanned[2] ?? "";
  const right = (scanned[3] ?? "").trim();
  const aggregation = parseAggregation(left);
  if ("error" in aggregation) return fail(aggregation.error);
  if (!NUMBER2.test(right)) {
    if (right === "") return fail(EXAMPLES);
    const unit = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*(ms|s|m|%)$/.exec(right);
    return fail(
      unit === null ? `'${right}' is not a number; ${EXAMPLES}` : `'${right}' is not a number; k6 compares plain numbers (durations in milliseconds, rates as fractions), e.g. 'p(95)<500', 'rate<0.01'`
    );
  }
  const value2 = toNumber(right);
  if (!Number.isFinite(value2)) return fail(`'${right}' is too large; ${EXAMPLES}`);
  return {
    source,
    aggregation,
    operator: rawOperator === "===" ? "==" : rawOperator,
    value: value2,
    abortOnFail
  };
}
function parseThreshold(source, path) {
  const parsed = tryParseThreshold(source);
  if ("error" in parsed) {
    throw new ConfigError([path === void 0 ? parsed.error : `${path}: ${parsed.error}`], { path: path ?? "" });
  }
  return parsed;
}
function aggregationKey(aggregation) {
  switch (aggregation.kind) {
    case "percentile":
      return percentileName(aggregation.p);
    case "avg":
    case "min":
    case "max":
    case "med":
    case "count":
    case "rate":
    case "value":
    case "passes":
    case "fails":
      return aggregation.kind;
  }
}
function evaluateThreshold(expression, lookup) {
  const key = aggregationKey(expression.aggregation);
  const actual = lookup(key);
  if (actual === void 0) {
    return {
      ok: "unknown",
      reason: `the results have no '${key}' for this metric (k6 summaries only hold the statistics in --summary-trend-stats; raw samples have all)`
    };
  }
  if (Number.isNaN(actual)) return { ok: "unknown", reason: `'${key}' is not a number in the results` };
  return { ok: compare(actual, expression.operator, expression.value), actual };
}
function compare(actual, operator, value2) {
  switch (operator) {
    case "<":
      return actual < value2;
    case "<=":
      return actual <= value2;
    case ">":
      return actual > value2;
    case ">=":
      return actual >= value2;
    case "==":
      return actual === value2;
    case "!=":
      return actual !== value2;
  }
}
function parseAggregation(text) {
  if (isSimpleAggregation(text)) return { kind: text };
  if (/^p\(.*\)$/s.test(text)) {
    const p = percentileOf(text);
    if (p === void 0) return { error: `'${text}' is not a percentile; expected e.g. 'p(95)<500', 'p(99.9)<1500'` };
    if (!(p > 0 && p <= 100)) return { error: `the percentile must be greater than 0 and at most 100, got ${text}` };
    return { kind: "percentile", p };
  }
  const suggestion = text === "" ? void 0 : didYouMean(text, AGGREGATION_NAMES);
  return { error: suggestion === void 0 ? EXAMPLES : `unknown aggregation '${text}' \u2014 did you mean '${suggestion}'? ${EXAMPLES}` };
}
function isSimpleAggregation(text) {
  return AGGREGATION_NAMES.includes(text);
}
function toNumber(text) {
  const n = Number(text);
  return n === 0 ? 0 : n;
}

// src/config/stages.ts
var PRESET_NAMES = ["smoke", "load", "stress", "spike", "endurance"];
function isPresetName(name) {
  return PRESET_NAMES.includes(name);
}
function defaultRegression() {
  return {
    latency: { maxIncrease: 0.2, statistics: ["med", "p(95)"] },
    throughput: { maxDecrease: 0.15 },
    errorRate: { maxIncrease: 0.5, absoluteFloor: 1e-3 },
    failureSignatures: { warnCount: 1, failCount: 10, failRate: 0.01 },
    memory: { maxIncrease: 0.25 }
  };
}
function defaultEndurance() {
  return { memoryGrowth: 0.05, degradation: 0.1, leak: true, warmupSeconds: 30 };
}
function presetThresholdSources(name) {
  switch (name) {
    case "smoke":
      return { http_req_duration: ["p(95)<500"], http_req_failed: ["rate<0.001"] };
    case "load":
      return { http_req_duration: ["p(95)<1000"], http_req_failed: ["rate<0.01"] };
    case "stress":
    case "spike":
    case "endurance":
      return {};
  }
}
function presetRules(name) {
  const thresholds2 = Object.entries(presetThresholdSources(name)).map(([metric, sources]) => ({
    metric: formatMetricSelector(parseMetricSelector(metric)),
    expressions: sources.map((source) => parseThreshold(source)),
    origin: "preset"
  }));
  switch (name) {
    case "endurance":
      return { thresholds: thresholds2, regression: defaultRegression(), endurance: defaultEndurance() };
    case "smoke":
    case "load":
    case "stress":
    case "spike":
      return { thresholds: thresholds2, regression: defaultRegression() };
  }
}
function customStageRules() {
  return { thresholds: [], regression: defaultRegression() };
}

// src/config/workload.ts
import { z as z7 } from "zod";
var HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
var MethodSchema = z7.preprocess((v) => typeof v === "string" ? v.toUpperCase() : v, z7.enum(HTTP_METHODS));
var PathSchema = z7.string().regex(/^\//, { message: "must start with '/' (it is appended to baseUrl)" });
var BodySchema = z7.union([z7.string(), z7.record(z7.string(), z7.unknown()), z7.array(z7.unknown())]);
var HeadersSchema = z7.record(z7.string(), z7.string());
var SecondsSchema = z7.union([z7.number(), z7.string()]).transform((v, ctx) => {
  const seconds2 = typeof v === "number" ? v : parseDurationSeconds(v);
  if (seconds2 === void 0 || !Number.isFinite(seconds2) || seconds2 < 0) {
    ctx.addIssue({ code: "custom", message: `must be seconds or a duration like '30s' or '1m30s' but got ${JSON.stringify(v)}` });
    return z7.NEVER;
  }
  return seconds2;
});
var StatusSchema = z7.number().int().min(100).max(599);
var WorkloadRequestSchema = z7.object({
  /** The `name` tag (one scope per endpoint); default `METHOD path`. */
  name: z7.string().min(1).optional(),
  method: MethodSchema.default("GET"),
  path: PathSchema,
  headers: HeadersSchema.optional(),
  body: BodySchema.optional(),
  /** Relative share of requests (default 1). */
  weight: z7.number().positive().default(1),
  /** Statuses that count as success; default 200–399, as k6's default response callback. */
  expectStatus: z7.union([StatusSchema, z7.array(StatusSchema).min(1)]).optional()
}).strict();
var WorkloadLoginSchema = z7.object({
  name: z7.string().min(1).optional(),
  method: MethodSchema.default("POST"),
  path: PathSchema,
  headers: HeadersSchema.optional(),
  body: BodySchema.optional(),
  /** Dotted path of the token in the JSON response, e.g. `token` or `data.accessToken`. */
  tokenField: z7.string().min(1).default("token"),
  /** Header later requests carry the token in. */
  header: z7.string().min(1).default("authorization"),
  /** Text before the token in that header. */
  prefix: z7.string().default("Bearer ")
}).strict();
var WorkloadSchema = z7.object({
  /** Origin (and optional path prefix) of the service, e.g. `http://127.0.0.1:8080`. */
  baseUrl: z7.url({ protocol: /^https?$/ }),
  requests: z7.array(WorkloadRequestSchema).min(1),
  /** Done once before load starts; its token goes into every request's `header`. */
  login: WorkloadLoginSchema.optional(),
  /** Concurrent connections (k6's VUs), default 10. */
  connections: z7.number().int().positive().default(10),
  /** Total requests per second across all connections (autocannon's overallRate); unset: as fast as the service answers. */
  arrivalRate: z7.number().int().positive().optional(),
  duration: SecondsSchema.refine((s) => s > 0, { message: "must be more than 0 seconds" }),
  /** Connections are opened in steps over this many seconds (default 0: all at once). */
  rampUp: SecondsSchema.default(0),
  /** Request timeout in seconds, at least 1 (default 10); a timed-out request counts as failed with status 0. */
  timeout: SecondsSchema.refine((s) => s >= 1, { message: "must be at least 1 second (autocannon's smallest timeout)" }).default(10),
  /** Tags added to every request, e.g. `{ tenant: acme }`. */
  tags: z7.record(z7.string(), z7.string()).default({})
}).strict().superRefine((w, ctx) => {
  if (w.rampUp >= w.duration) {
    ctx.addIssue({ code: "custom", path: ["rampUp"], message: `must be shorter than duration (${w.duration} s) but got ${w.rampUp} s` });
  }
  const seen = /* @__PURE__ */ new Map();
  w.requests.forEach((r, i) => {
    const name = requestName(r);
    const first2 = seen.get(name);
    if (first2 !== void 0) {
      ctx.addIssue({ code: "custom", path: ["requests", i, "name"], message: `'${name}' is also the name of requests[${first2}]; give each request its own name` });
    } else seen.set(name, i);
  });
});
function requestName(r) {
  return r.name ?? `${r.method} ${r.path}`;
}

// src/config/schema.ts
var CONFIG_DEFAULTS = {
  version: 1,
  groupBy: ["name"],
  window: "auto",
  maxScopes: DEFAULT_MAX_SCOPES,
  alpha: 0.05,
  multipleComparisons: "holm",
  limitConfidence: 0.7,
  runToRunNoise: 0.03,
  runToRunNoiseMs: 0.05,
  tailShapeNoise: 0.015,
  minSamples: 20,
  coverage: { missing: "warn" },
  noiseLearning: { enabled: true, priorRuns: 4 },
  baselineRuns: 5,
  acceptLabel: "perf-gate:accept"
};
var THRESHOLD_FORMS = `a k6 threshold such as 'p(95)<500' or { threshold: 'p(95)<500', abortOnFail: true }`;
var thresholdText = z8.string().transform((source, ctx) => {
  const parsed = tryParseThreshold(source);
  if ("error" in parsed) {
    ctx.addIssue({ code: "custom", message: parsed.error, input: source });
    return z8.NEVER;
  }
  return parsed;
});
var thresholdObject = z8.strictObject({
  threshold: thresholdText,
  abortOnFail: z8.boolean().optional(),
  delayAbortEval: z8.string().regex(/^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h|d))+$/, { error: (iss) => `expected a k6 duration such as "10s", got ${formatValue(iss.input)}` }).optional()
}).transform((o) => ({ ...o.threshold, abortOnFail: o.abortOnFail ?? false }));
var thresholdEntry = z8.union([thresholdText, thresholdObject], {
  error: (iss) => iss.code === "invalid_union" ? `expected ${THRESHOLD_FORMS}, got ${formatValue(iss.input)}` : void 0
});
var thresholdList = z8.union([thresholdEntry, z8.array(thresholdEntry)], {
  error: (iss) => iss.code === "invalid_union" ? `expected a list of k6 thresholds such as ['p(95)<500'], got ${formatValue(iss.input)}` : void 0
}).transform((v) => Array.isArray(v) ? v : [v]);
var metricKey = z8.string().check((ctx) => {
  const parsed = tryParseMetricSelector(ctx.value);
  if ("error" in parsed) ctx.issues.push({ code: "custom", message: parsed.error, input: ctx.value });
});
var thresholdsSchema = z8.record(metricKey, thresholdList).transform((record, ctx) => {
  const sets = [];
  const firstKey = /* @__PURE__ */ new Map();
  for (const [key, expressions] of Object.entries(record)) {
    const parsed = tryParseMetricSelector(key);
    if ("error" in parsed) continue;
    const metric = formatMetricSelector(parsed);
    const earlier = firstKey.get(metric);
    if (earlier !== void 0) {
      ctx.addIssue({ code: "custom", path: [key], message: `the same metric as "${earlier}" \u2014 put all its thresholds in one list`, input: key });
      continue;
    }
    firstKey.set(metric, key);
    sets.push({ metric, expressions });
  }
  return sets;
});
var regressionSchema = z8.strictObject({
  latency: z8.strictObject({ maxIncrease: fraction({ min: 0, minExclusive: true }, "20%").optional(), statistics: latencyStatistics().optional() }).optional(),
  throughput: z8.strictObject({ maxDecrease: fraction({ min: 0, minExclusive: true, max: 1 }, "15%").optional() }).optional(),
  errorRate: z8.strictObject({
    maxIncrease: fraction({ min: 0, minExclusive: true }, "50%").optional(),
    absoluteFloor: fraction({ min: 0, max: 1 }, "0.1%").optional()
  }).optional(),
  failureSignatures: z8.strictObject({
    warnCount: wholeNumber({ min: 1 }).optional(),
    failCount: wholeNumber({ min: 1 }).optional(),
    failRate: fraction({ min: 0, max: 1 }, "1%").optional()
  }).optional(),
  memory: z8.strictObject({ maxIncrease: fraction({ min: 0, minExclusive: true }, "25%").optional() }).optional()
});
var enduranceSchema = z8.strictObject({
  memoryGrowth: fraction({ min: 0, minExclusive: true }, "5%").optional(),
  degradation: fraction({ min: 0, minExclusive: true }, "10%").optional(),
  leak: z8.boolean().optional(),
  warmupSeconds: seconds({ min: 0 }).optional()
});
var workloadOverrideSchema = z8.strictObject({
  connections: wholeNumber({ min: 1 }).optional(),
  arrivalRate: wholeNumber({ min: 1 }).optional(),
  duration: seconds({ min: 0 }).optional(),
  rampUp: seconds({ min: 0 }).optional()
});
var sequentialSchema = z8.strictObject({
  // Below 4 s a look would see a second of data: nothing the gate could judge.
  duration: seconds({ min: 4 }),
  maxDuration: seconds({ min: 4 }).optional(),
  lookEvery: seconds({ min: 1 }).optional()
}).check((ctx) => {
  const { duration, maxDuration, lookEvery } = ctx.value;
  if (maxDuration !== void 0 && maxDuration < duration) {
    ctx.issues.push({ code: "custom", path: ["maxDuration"], message: `must be at least the planned duration (${duration} s), got ${maxDuration} s: it is how long the stage may run on when the answer is still open`, input: maxDuration });
  }
  if (lookEvery !== void 0 && lookEvery > duration) {
    ctx.issues.push({ code: "custom", path: ["lookEvery"], message: `must be at most the planned duration (${duration} s), got ${lookEvery} s: a look after the planned end is no earlier stop`, input: lookEvery });
  }
});
var stageSchema = z8.strictObject({
  extends: nonEmptyText("a stage name").optional(),
  thresholds: thresholdsSchema.optional(),
  regression: regressionSchema.optional(),
  endurance: enduranceSchema.optional(),
  sequential: sequentialSchema.optional(),
  workload: workloadOverrideSchema.optional()
});
var STAGE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
var stageName = z8.string().check((ctx) => {
  if (!STAGE_NAME.test(ctx.value)) {
    ctx.issues.push({
      code: "custom",
      message: `stage names use letters, digits, '_', '-' and '.', got ${formatValue(ctx.value)}`,
      input: ctx.value
    });
  }
});
var configSchema = z8.strictObject({
  version: z8.literal(1, { error: (iss) => `this perf-gate reads config version 1, got ${formatValue(iss.input)} \u2014 write 'version: 1'` }).default(CONFIG_DEFAULTS.version),
  groupBy: textList("a tag name", "tag names").default([...CONFIG_DEFAULTS.groupBy]),
  window: windowSeconds().default(CONFIG_DEFAULTS.window),
  maxScopes: wholeNumber({ min: 1 }).default(CONFIG_DEFAULTS.maxScopes),
  alpha: fraction({ min: 0, minExclusive: true, max: 1, maxExclusive: true }, "5%").default(CONFIG_DEFAULTS.alpha),
  multipleComparisons: z8.enum(["holm", "bh", "none"]).default(CONFIG_DEFAULTS.multipleComparisons),
  limitConfidence: fraction({ min: 0.5, max: 1, maxExclusive: true }, "70%").default(CONFIG_DEFAULTS.limitConfidence),
  runToRunNoise: fraction({ min: 0 }, "3%").default(CONFIG_DEFAULTS.runToRunNoise),
  runToRunNoiseMs: milliseconds({ min: 0 }).default(CONFIG_DEFAULTS.runToRunNoiseMs),
  tailShapeNoise: fraction({ min: 0 }, "1.5%").default(CONFIG_DEFAULTS.tailShapeNoise),
  minSamples: wholeNumber({ min: 1 }).default(CONFIG_DEFAULTS.minSamples),
  coverage: z8.strictObject({ missing: z8.enum(["warn", "fail", "ignore"]).default(CONFIG_DEFAULTS.coverage.missing) }).default({ ...CONFIG_DEFAULTS.coverage }),
  noiseLearning: z8.strictObject({
    enabled: z8.boolean().default(CONFIG_DEFAULTS.noiseLearning.enabled),
    priorRuns: wholeNumber({ min: 1 }).default(CONFIG_DEFAULTS.noiseLearning.priorRuns)
  }).default({ ...CONFIG_DEFAULTS.noiseLearning }),
  baselineRuns: wholeNumber({ min: 1 }).default(CONFIG_DEFAULTS.baselineRuns),
  latencyMetric: metricSelectorText().optional(),
  acceptLabel: nonEmptyText("a label name").default(CONFIG_DEFAULTS.acceptLabel),
  workload: WorkloadSchema.optional(),
  // `stages:` or `smoke:` with nothing under them (YAML null) mean "no changes".
  stages: z8.preprocess((v) => v === null ? {} : v, z8.record(stageName, z8.preprocess((v) => v === null ? {} : v, stageSchema))).default({})
});
function validateConfig(raw) {
  const input = raw ?? {};
  if (typeof input !== "object" || Array.isArray(input)) {
    return {
      ok: false,
      issues: [{ path: [], message: `expected a mapping of perf-gate settings (version, groupBy, stages, \u2026), got ${formatValue(input)}` }]
    };
  }
  const result = configSchema.safeParse(input, { error: configErrorMap });
  const issues = [...result.success ? [] : toConfigIssues(result.error.issues), ...extendsIssues(input)];
  if (issues.length > 0 || !result.success) return { ok: false, issues };
  return { ok: true, config: result.data };
}
function parseConfig(raw, file) {
  const result = validateConfig(raw);
  if (!result.ok) throw ConfigError.fromIssues(result.issues, file);
  return result.config;
}
function defaultConfig() {
  return parseConfig({});
}
function stageNames(stages) {
  return [...PRESET_NAMES, ...Object.keys(stages).filter((name) => !isPresetName(name))];
}
function extendsIssues(input) {
  const stages = input.stages;
  if (typeof stages !== "object" || stages === null || Array.isArray(stages)) return [];
  const record = stages;
  const known2 = stageNames(record);
  const parentOf = (name) => {
    const stage = record[name];
    if (typeof stage !== "object" || stage === null) return void 0;
    const parent = stage.extends;
    return typeof parent === "string" ? parent : void 0;
  };
  const issues = [];
  const reportedCycle = /* @__PURE__ */ new Set();
  for (const name of Object.keys(record)) {
    const parent = parentOf(name);
    if (parent === void 0) continue;
    if (!known2.includes(parent)) {
      const suggestion = didYouMean(parent, known2);
      issues.push({
        path: ["stages", name, "extends"],
        message: `unknown stage '${parent}'${suggestion === void 0 ? "." : ` \u2014 did you mean '${suggestion}'?`} Known stages: ${listNames(known2, "and")}`
      });
      continue;
    }
    const chain = [name];
    for (let next = parent; next !== void 0; next = parentOf(next)) {
      if (next === name) {
        if (!chain.some((member) => reportedCycle.has(member))) {
          chain.forEach((member) => reportedCycle.add(member));
          issues.push({
            path: ["stages", name, "extends"],
            message: `'${name}' extends itself (${[...chain, name].join(" \u2192 ")}) \u2014 remove one 'extends' to break the cycle`
          });
        }
        break;
      }
      if (chain.includes(next)) break;
      chain.push(next);
    }
  }
  return issues;
}

// src/config/yaml.ts
import { LineCounter, isMap, isSeq, parseDocument } from "yaml";
var MAX_ALIAS_COUNT = 1e3;
function parseConfigText(text, file = "perf-gate.yml") {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) {
    const lines = doc.errors.map((error) => {
      const at = error.linePos?.[0];
      const where2 = at === void 0 ? `${file}` : `${file}:${at.line}:${at.col}`;
      return `${where2}: YAML syntax error: ${parserMessage(error.message)}`;
    });
    const first2 = doc.errors[0]?.linePos?.[0];
    throw new ConfigError(lines, { file, path: first2 === void 0 ? file : `${file}:${first2.line}:${first2.col}` });
  }
  let value2;
  try {
    value2 = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new ConfigError([`${file}: cannot be read as a perf-gate config: ${why} \u2014 the file's YAML aliases (*name) expand into more than ${MAX_ALIAS_COUNT} copies; write the values out or use fewer aliases`], { file, path: file, cause: err });
  }
  const result = validateConfig(value2);
  if (!result.ok) {
    const located = result.issues.map((issue) => {
      const location = locate(doc, issue.path, lineCounter);
      return location === void 0 ? issue : { ...issue, location };
    });
    throw ConfigError.fromIssues(located.sort(byLocation), file);
  }
  return { ...result.config, file };
}
function byLocation(a, b) {
  const la = a.location ?? { line: Number.POSITIVE_INFINITY, col: 0 };
  const lb = b.location ?? { line: Number.POSITIVE_INFINITY, col: 0 };
  return la.line === lb.line ? la.col - lb.col : la.line < lb.line ? -1 : 1;
}
function parserMessage(message) {
  const firstLine = message.split("\n")[0] ?? message;
  return firstLine.replace(/ at line \d+, column \d+:?$/, "");
}
function locate(doc, path, lineCounter) {
  let node = doc.contents;
  let offset = startOf(node);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => keyText(item.key) === String(segment));
      if (pair === void 0) break;
      offset = startOf(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment];
      if (item === void 0) break;
      offset = startOf(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset === void 0 ? void 0 : lineCounter.linePos(offset);
}
function keyText(key) {
  if (typeof key === "object" && key !== null && "value" in key) return String(key.value);
  return typeof key === "string" ? key : void 0;
}
function startOf(node) {
  if (typeof node !== "object" || node === null || !("range" in node)) return void 0;
  const range = node.range;
  return Array.isArray(range) && typeof range[0] === "number" ? range[0] : void 0;
}

// src/config/load.ts
async function loadConfig(path) {
  if (path === void 0) return defaultConfig();
  let text;
  try {
    text = await readFile3(path, "utf8");
  } catch (err) {
    throw new ConfigError([`${path}: cannot read the perf-gate config: ${readFailure(err)} \u2014 check the path given as the config file`], {
      file: path,
      path,
      cause: err
    });
  }
  return parseConfigText(text, path);
}
function readFailure(err) {
  const code = typeof err === "object" && err !== null && "code" in err ? err.code : void 0;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EISDIR":
      return "it is a directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

// src/config/policy.ts
function resolvePolicy(config, stage) {
  const known2 = stageNames(config.stages);
  if (!known2.includes(stage)) {
    const suggestion = didYouMean(stage, known2);
    throw new ConfigError(
      [
        `unknown stage '${stage}'${suggestion === void 0 ? "." : ` \u2014 did you mean '${suggestion}'?`} Known stages: ${listNames(known2, "and")}. Use one of them, or define '${stage}' under 'stages:' in perf-gate.yml.`
      ],
      { path: "stages" }
    );
  }
  const rules = stageRules(config, stage, []);
  return {
    stage,
    groupBy: [...config.groupBy],
    window: config.window,
    alpha: config.alpha,
    multipleComparisons: config.multipleComparisons,
    limitConfidence: config.limitConfidence,
    runToRunNoise: config.runToRunNoise,
    runToRunNoiseMs: config.runToRunNoiseMs,
    tailShapeNoise: config.tailShapeNoise,
    minSamples: config.minSamples,
    coverage: { ...config.coverage },
    noiseLearning: { ...config.noiseLearning },
    baselineRuns: config.baselineRuns,
    ...config.latencyMetric !== void 0 ? { latencyMetric: config.latencyMetric } : {},
    acceptLabel: config.acceptLabel,
    maxScopes: config.maxScopes,
    ...config.file !== void 0 ? { configFile: config.file } : {},
    ...rules
  };
}
function stageRules(config, name, chain) {
  if (chain.includes(name)) {
    throw new ConfigError([`stages.${chain[0] ?? name}.extends: '${name}' extends itself (${[...chain, name].join(" \u2192 ")}) \u2014 remove one 'extends'`], {
      path: `stages.${chain[0] ?? name}.extends`
    });
  }
  const own = config.stages[name];
  let base;
  if (own?.extends !== void 0) {
    const parent = own.extends;
    if (!isPresetName(parent) && config.stages[parent] === void 0) {
      throw new ConfigError([`stages.${name}.extends: unknown stage '${parent}'. Known stages: ${listNames(stageNames(config.stages), "and")}`], {
        path: `stages.${name}.extends`
      });
    }
    base = stageRules(config, parent, [...chain, name]);
  } else {
    base = isPresetName(name) ? presetRules(name) : customStageRules();
  }
  const rules = own === void 0 ? base : mergeStage(base, own);
  if (rules.endurance && rules.sequential && chain.length === 0) {
    throw new ConfigError(
      [`stages.${name}.sequential: stage '${name}' has endurance rules, which judge the end of a long run; a sequential stage stops as soon as the answer is known and would never see it \u2014 remove 'sequential' (or the endurance rules) from '${name}'`],
      { path: `stages.${name}.sequential` }
    );
  }
  return rules;
}
function mergeStage(base, own) {
  const merged = mergeRules(base, own);
  const sequential = own.sequential ? sequentialPolicy(own.sequential) : base.sequential;
  return sequential ? { ...merged, sequential } : merged;
}
function sequentialPolicy(own) {
  return { plannedSeconds: own.duration, maxSeconds: own.maxDuration ?? own.duration, everySeconds: own.lookEvery ?? own.duration / 4 };
}
function mergeRules(base, own) {
  const regression = own.regression ?? {};
  const merged = {
    thresholds: mergeThresholds(base.thresholds, own.thresholds ?? []),
    regression: {
      latency: {
        maxIncrease: regression.latency?.maxIncrease ?? base.regression.latency.maxIncrease,
        statistics: [...regression.latency?.statistics ?? base.regression.latency.statistics]
      },
      throughput: { maxDecrease: regression.throughput?.maxDecrease ?? base.regression.throughput.maxDecrease },
      errorRate: {
        maxIncrease: regression.errorRate?.maxIncrease ?? base.regression.errorRate.maxIncrease,
        absoluteFloor: regression.errorRate?.absoluteFloor ?? base.regression.errorRate.absoluteFloor
      },
      failureSignatures: {
        warnCount: regression.failureSignatures?.warnCount ?? base.regression.failureSignatures.warnCount,
        failCount: regression.failureSignatures?.failCount ?? base.regression.failureSignatures.failCount,
        failRate: regression.failureSignatures?.failRate ?? base.regression.failureSignatures.failRate
      },
      memory: { maxIncrease: regression.memory?.maxIncrease ?? base.regression.memory.maxIncrease }
    }
  };
  if (base.endurance === void 0 && own.endurance === void 0) return merged;
  const from = base.endurance ?? defaultEndurance();
  return {
    ...merged,
    endurance: {
      memoryGrowth: own.endurance?.memoryGrowth ?? from.memoryGrowth,
      degradation: own.endurance?.degradation ?? from.degradation,
      leak: own.endurance?.leak ?? from.leak,
      warmupSeconds: own.endurance?.warmupSeconds ?? from.warmupSeconds
    }
  };
}
function mergeThresholds(base, own) {
  const byMetric = new Map(own.map((set) => [set.metric, set]));
  const merged = base.map((set) => byMetric.get(set.metric) ?? set);
  const baseMetrics = new Set(base.map((set) => set.metric));
  merged.push(...own.filter((set) => !baseMetrics.has(set.metric)));
  return merged.filter((set) => set.expressions.length > 0).map((set) => ({ metric: set.metric, expressions: set.expressions.map((e) => ({ ...e, aggregation: { ...e.aggregation } })), origin: set.origin ?? "config" }));
}

// src/document/history-entry.ts
import { z as z9 } from "zod";

// src/stats/design-effect.ts
function clusterDesignEffect(clusters) {
  for (let i = 0; i < clusters.length; i++) {
    const c2 = clusters[i];
    if (!(Number.isSafeInteger(c2.count) && c2.count >= 0)) {
      throw new RangeError(`clusterDesignEffect: cluster ${i} has count ${c2.count} (must be a non-negative integer)`);
    }
    if (!Number.isFinite(c2.mean)) throw new RangeError(`clusterDesignEffect: cluster ${i} has mean ${c2.mean} (must be finite)`);
    if (!(Number.isFinite(c2.variance) && c2.variance >= 0)) {
      throw new RangeError(`clusterDesignEffect: cluster ${i} has variance ${c2.variance} (must be a finite number \u2265 0)`);
    }
  }
  const used = clusters.filter((c2) => c2.count > 0);
  const k = used.length;
  if (k < 2) return insufficient(`a design effect needs at least 2 non-empty clusters but got ${k}`);
  let n = 0;
  let centre = 0;
  for (const c2 of used) {
    n += c2.count;
    centre += (c2.mean - centre) * (c2.count / n);
  }
  let scale = 0;
  for (const c2 of used) scale = Math.max(scale, Math.abs(c2.mean - centre), Math.sqrt(c2.variance));
  if (!Number.isFinite(scale)) scale = Number.MAX_VALUE;
  if (scale === 0) return insufficient("all observations are equal (no within-cluster variance)");
  let grand = 0;
  let sumSquaredSizes = 0;
  for (const c2 of used) {
    grand += c2.count * ((c2.mean - centre) / scale);
    sumSquaredSizes += c2.count * c2.count;
  }
  grand /= n;
  let ssb = 0;
  let ssw = 0;
  for (const c2 of used) {
    ssb += c2.count * ((c2.mean - centre) / scale - grand) ** 2;
    if (c2.count > 1) ssw += (c2.count - 1) * (c2.variance / scale / scale);
  }
  if (n === k) return insufficient("every cluster has a single observation (no within-cluster variance)");
  if (!(ssw > 0)) return insufficient("no within-cluster variance (every cluster is constant)");
  const msb = ssb / (k - 1);
  const msw = ssw / (n - k);
  const n0 = (n - sumSquaredSizes / n) / (k - 1);
  const icc = (msb - msw) / (msb + (n0 - 1) * msw);
  const weightedSize = sumSquaredSizes / n;
  const deff = 1 + (weightedSize - 1) * icc;
  return Number.isFinite(deff) ? Math.max(1, deff) : insufficient("the cluster summaries overflow double precision");
}
function clusterOfSums(count2, sum3, sumOfSquares) {
  const mean4 = count2 > 0 ? sum3 / count2 : 0;
  const variance = count2 > 1 ? Math.max(0, (sumOfSquares - count2 * mean4 * mean4) / (count2 - 1)) : 0;
  return { count: count2, mean: mean4, variance };
}
function clusterOfProportion(count2, events) {
  const p = count2 > 0 ? events / count2 : 0;
  return { count: count2, mean: p, variance: count2 > 1 ? p * (1 - p) * count2 / (count2 - 1) : 0 };
}

// src/document/run-level.ts
function designEffectOfWindows(windows) {
  const clusters = windows.filter((w) => w.count > 0).map((w) => clusterOfSums(w.count, w.sumLog, w.sumLogSq));
  const deff = clusterDesignEffect(clusters);
  return isInsufficient(deff) ? 1 : Math.max(1, deff);
}

// src/stats/normal.ts
var SQRT_2PI = Math.sqrt(2 * Math.PI);
function density(z10) {
  return Math.exp(-0.5 * z10 * z10) / SQRT_2PI;
}
function lowerTail(z10) {
  const x = -z10;
  if (x < 3) {
    let term = x;
    let sum3 = x;
    const x2 = x * x;
    for (let k = 3; k < 500; k += 2) {
      term *= x2 / k;
      const next = sum3 + term;
      if (next === sum3) break;
      sum3 = next;
    }
    return 0.5 - density(x) * sum3;
  }
  if (x > 38.5) return 0;
  const depth = x < 5 ? 120 : x < 10 ? 60 : 30;
  let f = x;
  for (let k = depth; k >= 1; k--) f = x + k / f;
  return density(x) / f;
}
function normalCdf(z10) {
  if (Number.isNaN(z10)) throw new RangeError("normalCdf: z must be a number but got NaN");
  if (z10 <= 0) return lowerTail(z10);
  return 1 - lowerTail(-z10);
}
var A = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
var B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
var C = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
var D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
var P_LOW = 0.02425;
function acklamLower(p) {
  if (p < P_LOW) {
    const q2 = Math.sqrt(-2 * Math.log(p));
    return (((((C[0] * q2 + C[1]) * q2 + C[2]) * q2 + C[3]) * q2 + C[4]) * q2 + C[5]) / ((((D[0] * q2 + D[1]) * q2 + D[2]) * q2 + D[3]) * q2 + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
}
function normalQuantile(p) {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile: p must be in [0, 1] but got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p > 0.5) return -normalQuantile(1 - p);
  if (p === 0.5) return 0;
  let x = acklamLower(p);
  for (let i = 0; i < 2; i++) {
    const e = lowerTail(x) - p;
    const u = e * SQRT_2PI * Math.exp(0.5 * x * x);
    if (!Number.isFinite(u)) break;
    x -= u / (1 + 0.5 * x * u);
  }
  return x;
}

// src/stats/quantile-log-se.ts
var Z95 = normalQuantile(0.975);
function logQuantileStandardError(d, q, nEffective) {
  if (!(q > 0 && q < 1)) throw new RangeError(`logQuantileStandardError: q must be in (0, 1) but got ${q}`);
  if (!(nEffective > 0)) throw new RangeError(`logQuantileStandardError: nEffective must be > 0 but got ${nEffective}`);
  const h = Z95 * Math.sqrt(q * (1 - q) / nEffective);
  if (q - h < 0 || q + h > 1) {
    const needed = Math.ceil(Z95 * Z95 * Math.max(q / (1 - q), (1 - q) / q));
    return insufficient(`too few requests to bound p(${Math.round(q * 1e3) / 10}) (about ${Math.round(nEffective)} effective, needs about ${needed})`, "too-few");
  }
  const lo = percentile(d, q - h);
  const hi = percentile(d, q + h);
  if (isInsufficient(lo) || isInsufficient(hi)) return insufficient("no data");
  if (lo <= 0) return insufficient("latencies at 0 ms: no relative change");
  return Math.log(hi / lo) / (2 * Z95);
}

// src/stats/log-quantile.ts
function logQuantileOf(d, q, nEffective) {
  const se = logQuantileStandardError(d, q, nEffective);
  if (isInsufficient(se)) return se;
  const v = percentile(d, q);
  if (isInsufficient(v)) return insufficient("no data");
  if (!(v > 0)) return insufficient("percentile is 0 ms: no relative change");
  return { log: Math.log(v), se };
}
function logSpreadOf(quantile2, median, q) {
  if (!(q > 0.5 && q < 1)) throw new RangeError(`logSpreadOf: q must be in (0.5, 1) but got ${q}`);
  const rho = Math.sqrt((1 - q) / q);
  const variance = quantile2.se * quantile2.se + median.se * median.se - 2 * rho * quantile2.se * median.se;
  return { log: quantile2.log - median.log, se: Math.sqrt(Math.max(0, variance)) };
}
function poolLogEstimates(estimates) {
  if (estimates.length === 0) throw new RangeError("poolLogEstimates: needs at least one estimate");
  let sum3 = 0;
  let variance = 0;
  for (const e of estimates) {
    if (!Number.isFinite(e.log) || !Number.isFinite(e.se) || e.se < 0) throw new RangeError(`poolLogEstimates: log and se must be finite (se \u2265 0) but got ${e.log} and ${e.se}`);
    sum3 += e.log;
    variance += e.se * e.se;
  }
  const k = estimates.length;
  return { log: sum3 / k, se: Math.sqrt(variance) / k };
}

// src/document/history-entry.ts
var HistoryLevelSchema = z9.object({
  scope: z9.object({ tag: z9.string(), value: z9.string() }).optional(),
  count: z9.number().int().nonnegative(),
  /** Mean of ln latency (ms). */
  logMean: z9.number(),
  /** Its within-run standard error (design effect of the windows included). */
  se: z9.number().nonnegative(),
  /**
   * ln of the percentiles the run could bound (HISTORY_QUANTILES; k6's interpolation, ms) with their
   * order-statistic standard errors at the effective n: a later comparison averages a percentile's
   * baseline over the last stored runs. Absent in entries written before perf-gate kept them.
   */
  quantiles: z9.array(z9.object({ q: z9.number().gt(0).lt(1), log: z9.number(), se: z9.number().nonnegative() })).optional()
});
var HistoryEntrySchema = z9.object({
  /** The commit the run measured. */
  sha: z9.string(),
  /** ISO 8601, from the run document. */
  start: z9.string(),
  end: z9.string(),
  durationSeconds: z9.number(),
  /** Milliseconds; null when the run has no latency distribution. */
  p50: z9.number().nullable(),
  p95: z9.number().nullable(),
  p99: z9.number().nullable(),
  /** Requests per second (`http_reqs` count / duration). */
  throughput: z9.number().nullable(),
  /** Failed / all requests (`http_req_failed`), 0..1. */
  errorRate: z9.number().nullable(),
  /**
   * The latency metric p50–p99 and the levels describe, when the config named one (latencyMetric);
   * absent: the tool's own request latency (k6: http_req_duration).
   */
  latencyMetric: z9.string().optional(),
  /** Per-scope levels of the request latency (absent in entries written before perf-gate learned noise). */
  levels: z9.array(HistoryLevelSchema).optional()
});
function entriesOfLatency(history, judged, toolOwn) {
  return history.filter((e) => (e.latencyMetric ?? toolOwn) === judged);
}
function newestLatencySeries(history) {
  const newest = history.at(-1);
  return newest === void 0 ? [] : history.filter((e) => e.latencyMetric === newest.latencyMetric);
}

// src/stats/multiplicity.ts
function holm(pValues) {
  const order = ascendingOrder(pValues, "holm");
  const m = pValues.length;
  const adjusted = new Array(m);
  let running = 0;
  order.forEach((index, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * pValues[index]));
    adjusted[index] = running;
  });
  return adjusted;
}
function benjaminiHochberg(pValues) {
  const order = ascendingOrder(pValues, "benjaminiHochberg");
  const m = pValues.length;
  const adjusted = new Array(m);
  let running = 1;
  for (let rank = m - 1; rank >= 0; rank--) {
    const index = order[rank];
    running = Math.min(running, m * pValues[index] / (rank + 1));
    adjusted[index] = Math.max(running, pValues[index]);
  }
  return adjusted;
}
function ascendingOrder(pValues, name) {
  pValues.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`${name}: p-value ${i} is ${p} (p-values must be in [0, 1])`);
  });
  return pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b] || a - b);
}

// src/gate/check-policy.ts
var ZERO_WHEN_ABSENT = /* @__PURE__ */ new Set(["dropped_iterations"]);
var RunNames = class {
  constructor(docs) {
    this.docs = docs;
    for (const doc of docs) {
      for (const [name, m] of Object.entries(doc.metrics)) {
        const known2 = this.metrics.get(name);
        const tags = m.tags === void 0 ? known2?.tags : /* @__PURE__ */ new Set([...known2?.tags ?? [], ...m.tags]);
        this.metrics.set(name, { type: known2?.type ?? m.type, tags });
      }
      for (const s of Object.values(doc.scopes)) {
        if (!this.metrics.has(s.metric)) this.metrics.set(s.metric, { type: s.type, tags: void 0 });
        const keys = Object.keys(s.tags);
        if (keys.length !== 1) continue;
        const tag = keys[0];
        const byMetric = this.values.get(tag) ?? /* @__PURE__ */ new Map();
        const set = byMetric.get(s.metric) ?? /* @__PURE__ */ new Set();
        set.add(s.tags[tag]);
        byMetric.set(s.metric, set);
        this.values.set(tag, byMetric);
      }
    }
  }
  docs;
  metrics = /* @__PURE__ */ new Map();
  /** tag → metric → values seen (from the scopes grouped by that tag). */
  values = /* @__PURE__ */ new Map();
  has(scope) {
    return this.docs.some((d) => d.scopes[scope] !== void 0);
  }
  /** Values of `tag` on `metric` that some run grouped by, sorted. */
  valuesOf(metric, tag) {
    return [...this.values.get(tag)?.get(metric) ?? []].sort();
  }
  /** Tag keys of `metric`'s points, when a run recorded them. */
  tagsOf(metric) {
    const t = this.metrics.get(metric)?.tags;
    return t ? [...t].sort() : void 0;
  }
  metricNames() {
    return [...this.metrics.keys()].sort();
  }
  /** Whether every run is aggregate-only (k6 summaries keep no per-tag data). */
  get aggregateOnly() {
    return this.docs.every((d) => d.meta.aggregateOnly);
  }
};
function checkPolicyAgainstRuns(policy, runs, latencyMetric) {
  const names = new RunNames(runs.baseline ? [runs.baseline, runs.current] : [runs.current]);
  const problems = [];
  problems.push(...checkLatencyMetric(latencyMetric, policy.latencyMetric === void 0, names));
  for (const set of policy.thresholds) problems.push(...checkThresholdSet(policy.stage, set, names));
  problems.push(...checkGroupBy(policy, latencyMetric, names));
  throwProblems(policy, problems);
}
function throwProblems(policy, problems) {
  if (problems.length === 0) return;
  const where2 = policy.configFile === void 0 ? "" : `${policy.configFile}: `;
  throw new ConfigError(problems.map((p) => `${where2}${p.key}: ${p.message}`), { path: problems[0].key, ...policy.configFile !== void 0 ? { file: policy.configFile } : {} });
}
function aggregationProblems(key, metric, type, set) {
  const allowed = aggregationsFor(type);
  return set.expressions.flatMap(
    (e, i) => allowed.includes(e.aggregation.kind) ? [] : [{ key: `${key}[${i}]`, message: `'${e.source}' does not fit '${metric}', a ${type} metric: a ${type} takes ${allowed.map(aggregationKindText).join(", ")} (k6 itself refuses this threshold, exit 104)` }]
  );
}
function checkLatencyMetric(latencyMetric, fromTool, names) {
  const key = fromTool ? `latencyMetric (not set: the tool's '${latencyMetric}')` : "latencyMetric";
  const parsed = tryParseMetricSelector(latencyMetric);
  if ("error" in parsed) return [{ key, message: parsed.error }];
  const m = names.metrics.get(parsed.metric);
  if (!m) {
    const trends = names.metricNames().filter((n) => names.metrics.get(n).type === "trend");
    return [{ key, message: `no run has the metric '${parsed.metric}'${suggest(parsed.metric, trends)}${known("trends in the runs", trends)} \u2014 set latencyMetric to the trend that times your requests` }];
  }
  if (m.type !== "trend") return [{ key, message: `'${parsed.metric}' is a ${m.type} metric; the latency metric must be a trend (a duration per request), e.g. http_req_duration` }];
  return checkTags(key, parsed.metric, parsed.tags, names);
}
function checkThresholdSet(stage, set, names) {
  const origin = set.origin ?? "config";
  const key = `stages.${stage}.thresholds[${JSON.stringify(set.metric)}]`;
  const parsed = tryParseMetricSelector(set.metric);
  if ("error" in parsed) return [{ key, message: parsed.error }];
  const m = names.metrics.get(parsed.metric);
  if (!m) {
    if (origin !== "config" || ZERO_WHEN_ABSENT.has(parsed.metric)) return [];
    const close = suggest(parsed.metric, names.metricNames());
    const silent = close === "" ? ` \u2014 if '${parsed.metric}' is a custom metric that recorded nothing, add 0 to it once in the script (e.g. in setup) so the run shows it` : "";
    return [{ key, message: `no run has the metric '${parsed.metric}'${close}${known("metrics in the runs", names.metricNames())}${silent}` }];
  }
  const out = aggregationProblems(key, parsed.metric, m.type, set);
  if (origin === "config") out.push(...checkTags(key, parsed.metric, parsed.tags, names));
  return out;
}
function checkTags(key, metric, tags, names) {
  const entries = Object.entries(tags);
  if (entries.length === 0 || names.has(scopeName(metric, tags))) return [];
  if (names.aggregateOnly) {
    return [{ key, message: `the k6 summaries hold no submetric '${scopeName(metric, tags)}': a summary keeps only the submetrics the script's thresholds name \u2014 give the k6 NDJSON output instead` }];
  }
  const tagKeys = names.tagsOf(metric);
  for (const [tag, value2] of entries) {
    if (tagKeys && !tagKeys.includes(tag)) {
      return [{ key, message: `no point of '${metric}' carries the tag '${tag}'${suggest(tag, tagKeys)}${known(`tags on ${metric}`, tagKeys)}` }];
    }
    const values = names.valuesOf(metric, tag);
    if (values.length > 0 && !values.includes(value2)) {
      return [{ key, message: `no point of '${metric}' has ${tag} '${value2}'${suggest(value2, values)}${known(`${tag} values in the runs`, values)}` }];
    }
  }
  return [{
    key,
    message: `no point of '${metric}' in the runs matches ${entries.map(([k, v]) => `${k}:${v}`).join(", ")} \u2014 check the tag values the k6 script sets (a run document keeps only the submetrics asked for when it was made: ingest the k6 output again)`
  }];
}
function checkGroupBy(policy, latencyMetric, names) {
  const metric = tryParseMetricSelector(latencyMetric);
  if ("error" in metric || !names.metrics.has(metric.metric) || names.aggregateOnly) return [];
  const out = [];
  const tagKeys = names.tagsOf(metric.metric);
  for (const tag of policy.groupBy) {
    if (names.valuesOf(metric.metric, tag).length > 0) continue;
    if (tagKeys?.includes(tag)) {
      out.push({ key: "groupBy", message: `the requests carry the tag '${tag}', but the run documents were made without grouping by it \u2014 ingest the k6 output again with --group-by ${policy.groupBy.join(",")}` });
      continue;
    }
    out.push({
      key: "groupBy",
      message: `no request in the runs carries the tag '${tag}'${tagKeys ? suggest(tag, tagKeys) : ""}${tagKeys ? known(`tags on ${metric.metric}`, tagKeys) : ""} \u2014 without it no endpoint is judged on its own, only the whole run`
    });
  }
  return out;
}
function suggest(input, candidates) {
  const s = didYouMean(input, candidates);
  return s === void 0 ? "" : ` \u2014 did you mean '${s}'?`;
}
function known(what, names) {
  if (names.length === 0) return ` (the runs have no ${what})`;
  const shown = names.slice(0, 8).join(", ");
  return ` (${what}: ${shown}${names.length > 8 ? ` and ${names.length - 8} more` : ""})`;
}

// src/gate/same-tool.ts
var IncomparableRunsError = class extends Error {
  constructor(baselineTool, currentTool) {
    super(
      `the baseline was measured with ${baselineTool} and the current run with ${currentTool}: latencies measured by different load tools are not comparable, so the runs were not compared. Compare runs of one tool: measure the baseline again with ${currentTool}, or keep running ${baselineTool}.`
    );
    this.baselineTool = baselineTool;
    this.currentTool = currentTool;
    this.name = "IncomparableRunsError";
  }
  baselineTool;
  currentTool;
};
function sameTool(baseline, current) {
  return baseline.meta.tool === current.meta.tool;
}
function checkSameTool(baseline, current) {
  if (!sameTool(baseline, current)) throw new IncomparableRunsError(baseline.meta.tool, current.meta.tool);
}

// src/gate/role-names.ts
var ROLE_NAMES = ["latency", "requests", "failures"];
function roleOf(metric) {
  for (const role of ROLE_NAMES) if (metric === role || metric === K6_ROLES[role]) return role;
  return void 0;
}
function withRunNames(policy, roles, runs) {
  const known2 = (metric) => runs.some((r) => r.metrics[metric] !== void 0 || Object.values(r.scopes).some((s) => s.metric === metric));
  const renamed = /* @__PURE__ */ new Map();
  const rename = (key) => {
    const selector = tryParseMetricSelector(key);
    if ("error" in selector || known2(selector.metric)) return key;
    const role = roleOf(selector.metric);
    if (role === void 0 || roles[role] === selector.metric) return key;
    renamed.set(selector.metric, { from: selector.metric, to: roles[role], role });
    return formatMetricSelector({ ...selector, metric: roles[role] });
  };
  const thresholds2 = policy.thresholds.map((t) => {
    const metric = rename(t.metric);
    return metric === t.metric ? t : { ...t, metric };
  });
  const latencyMetric = policy.latencyMetric === void 0 ? void 0 : rename(policy.latencyMetric);
  if (renamed.size === 0) return { policy, renamed: [] };
  return { policy: { ...policy, thresholds: thresholds2, ...latencyMetric !== void 0 ? { latencyMetric } : {} }, renamed: [...renamed.values()] };
}
function renameNote(renamed, tool) {
  if (renamed.length === 0) return void 0;
  const list = (names) => names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `Thresholds on ${list(renamed.map((r) => r.from))} were judged on ${tool}'s ${list(renamed.map((r) => r.to))} (the same ${renamed.length === 1 ? "role" : "roles"}: ${list(renamed.map((r) => r.role))}).`;
}

// src/stats/regularized-beta.ts
function regularizedBeta(x, a, b) {
  if (!(x >= 0 && x <= 1)) throw new RangeError(`regularizedBeta: x must be in [0, 1] but got ${x}`);
  if (!(a > 0 && Number.isFinite(a))) throw new RangeError(`regularizedBeta: a must be a finite number > 0 but got ${a}`);
  if (!(b > 0 && Number.isFinite(b))) throw new RangeError(`regularizedBeta: b must be a finite number > 0 but got ${b}`);
  if (x === 0) return 0;
  if (x === 1) return 1;
  const front = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  const value2 = x < (a + 1) / (a + b + 2) ? Math.exp(front) * continuedFraction(x, a, b) / a : 1 - Math.exp(front) * continuedFraction(1 - x, b, a) / b;
  if (Number.isNaN(value2)) return x < 1 / (1 + b / a) ? 0 : 1;
  return Math.min(1, Math.max(0, value2));
}
var TINY = 1e-300;
var EPSILON = 1e-15;
var MAX_TERMS = 1e4;
function continuedFraction(x, a, b) {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c2 = 1;
  let d = 1 - qab * x / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_TERMS; m++) {
    const m2 = 2 * m;
    let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c2 = 1 + aa / c2;
    if (Math.abs(c2) < TINY) c2 = TINY;
    d = 1 / d;
    h *= d * c2;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c2 = 1 + aa / c2;
    if (Math.abs(c2) < TINY) c2 = TINY;
    d = 1 / d;
    const delta = d * c2;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}
var LANCZOS = [
  0.9999999999998099,
  676.5203681218851,
  -1259.1392167224028,
  771.3234287776531,
  -176.6150291621406,
  12.507343278686905,
  -0.13857109526572012,
  9984369578019572e-21,
  15056327351493116e-23
];
function logGamma(z10) {
  if (z10 < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z10)) - logGamma(1 - z10);
  const y = z10 - 1;
  let sum3 = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum3 += LANCZOS[i] / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum3);
}

// src/stats/student-t.ts
function studentTCdf(t, df) {
  if (!(df > 0 && Number.isFinite(df))) throw new RangeError(`studentTCdf: df must be a finite number > 0 but got ${df}`);
  if (Number.isNaN(t)) throw new RangeError("studentTCdf: t is NaN");
  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  const tail = upperTail(t, df);
  return t >= 0 ? 1 - tail : tail;
}
function upperTail(t, df) {
  const t2 = t * t;
  if (!Number.isFinite(t2)) return 0;
  return t2 < df ? 0.5 * (1 - regularizedBeta(t2 / (df + t2), 0.5, df / 2)) : 0.5 * regularizedBeta(df / (df + t2), df / 2, 0.5);
}
function studentTQuantile(p, df) {
  if (!(p > 0 && p < 1)) throw new RangeError(`studentTQuantile: p must be in (0, 1) but got ${p}`);
  if (!(df > 0 && Number.isFinite(df))) throw new RangeError(`studentTQuantile: df must be a finite number > 0 but got ${df}`);
  if (p === 0.5) return 0;
  const tail = p < 0.5 ? p : 1 - p;
  let lo = 0;
  let hi = 1;
  while (upperTail(hi, df) > tail) {
    lo = hi;
    hi *= 2;
    if (!Number.isFinite(hi * hi)) return p < 0.5 ? -Number.MAX_VALUE : Number.MAX_VALUE;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-13 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (upperTail(mid, df) > tail) lo = mid;
    else hi = mid;
  }
  const t = (lo + hi) / 2;
  return p < 0.5 ? -t : t;
}

// src/gate/interval-se.ts
var Z952 = 1.959963984540054;
function logSeOfInterval(interval, df) {
  const width = Math.log1p(interval.upper) - Math.log1p(interval.lower);
  return width / (2 * (df !== void 0 ? studentTQuantile(0.975, df) : Z952));
}

// src/gate/classify.ts
var SUGGESTIVE_FACTOR = 2;
function classify(a, adjustedP, rule) {
  const alpha = rule.alpha;
  const decided = decide(a, adjustedP, alpha, clearlyBeyond(a, rule.limitConfidence));
  const capped = a.atMost === "warn" && decided.outcome === "fail";
  const outcome = capped ? "warn" : decided.outcome;
  const severity = capped ? "warn" : decided.severity;
  const confidence = decided.confidence;
  return {
    outcome,
    severity,
    kind: a.kind,
    metric: a.metric,
    ...a.scope ? { scope: a.scope } : {},
    statistic: a.statistic,
    ...a.baseline !== void 0 ? { baseline: a.baseline } : {},
    ...a.current !== void 0 ? { current: a.current } : {},
    ...a.change !== void 0 && Number.isFinite(a.change) ? { change: a.change } : {},
    unit: a.unit,
    limit: a.limit,
    ...adjustedP !== void 0 ? { pValue: adjustedP } : {},
    ...a.insufficient === void 0 ? { beyondLimit: a.beyond } : {},
    confidence,
    reason: reasonOf(a, outcome, capped, adjustedP, alpha),
    ...a.details ? { details: a.details } : {},
    ...outcome === "inconclusive" ? { shortfall: a.shortfall ?? "other" } : {}
  };
}
function reasonOf(a, outcome, capped, adjustedP, alpha) {
  if (a.insufficient !== void 0) return { code: "not-judged", shortfall: a.shortfall ?? "other", detail: a.insufficient, ...a.insufficientSide ? { side: a.insufficientSide } : {} };
  if (a.lost) {
    switch (a.lost.what) {
      case "selector":
        return { code: "threshold-lost", baselineCount: a.lost.baselineCount };
      case "metric":
        return { code: "lost-metric", baselineCount: a.lost.baselineCount };
      case "tag":
        return { code: "lost-tag", tag: a.lost.tag, baselineValues: a.lost.baselineValues };
      case "scope":
        return { code: "lost-scope", baselineCount: a.lost.baselineCount };
    }
  }
  const few = a.details?.smallSample;
  if (few && capped) return { code: "confirmed-few", ...few };
  if (capped && a.details?.compared === "end-of-run") return { code: "confirmed-end" };
  const short = a.details?.shortRun;
  if (short && capped) return { code: "confirmed-short", ...short };
  if (a.kind === "threshold") return { code: a.beyond ? "threshold-crossed" : "threshold-holds" };
  if (a.kind === "leak") return { code: a.beyond ? "leak" : "no-leak" };
  if (a.kind === "failure-signature") return a.beyond ? { code: "new-signature" } : { code: "within-limit" };
  switch (outcome) {
    case "fail":
      return { code: "confirmed" };
    case "warn":
      return confirmedChange(a, adjustedP, alpha) ? { code: "near-limit" } : { code: "unconfirmed" };
    case "inconclusive":
      return { code: "not-judged", shortfall: a.shortfall ?? "other", detail: "the data cannot decide" };
    case "pass":
      if (a.beyond && a.intervalExcludesNoChange) return { code: "multiplicity" };
      if (a.beyond) return { code: "noise" };
      return { code: "within-limit" };
  }
}
function confirmedChange(a, adjustedP, alpha) {
  return adjustedP !== void 0 && a.pValue !== void 0 && adjustedP < alpha && a.intervalExcludesNoChange === true;
}
function clearlyBeyond(a, confidence) {
  if (!a.beyond) return false;
  if (!a.interval || a.change === void 0 || confidence <= 0.5) return a.beyond;
  if (a.limit.kind !== "max-increase" && a.limit.kind !== "max-decrease") return a.beyond;
  const se = logSeOfInterval(a.interval, a.df);
  if (!Number.isFinite(se) || se <= 0) return a.beyond;
  const z10 = a.df !== void 0 ? studentTQuantile(confidence, a.df) : normalQuantile(confidence);
  const estimate = Math.log1p(a.change);
  return a.limit.kind === "max-increase" ? estimate - z10 * se > Math.log1p(a.limit.max) : estimate + z10 * se < Math.log1p(-a.limit.max);
}
function decide(a, adjustedP, alpha, clearly) {
  const interval = a.interval ? { interval: { ...a.interval, confidence: 0.95 } } : {};
  if (a.insufficient !== void 0) return { outcome: "inconclusive", severity: "info", confidence: { level: "not-applicable" } };
  if (a.deterministic) return { outcome: a.beyond ? "fail" : "pass", severity: a.beyond ? "fail" : "info", confidence: { level: "not-applicable", ...interval } };
  if (adjustedP === void 0 || a.pValue === void 0) {
    return { outcome: a.beyond ? "warn" : "pass", severity: a.beyond ? "warn" : "info", confidence: { level: "not-applicable" } };
  }
  const confirmed = confirmedChange(a, adjustedP, alpha);
  const suggestive = !confirmed && adjustedP < SUGGESTIVE_FACTOR * alpha;
  const level2 = confirmed ? "confirmed" : suggestive ? "suggestive" : "none";
  if (confirmed && clearly) return { outcome: "fail", severity: "fail", confidence: { level: level2, ...interval } };
  if (a.beyond && (confirmed || suggestive)) return { outcome: "warn", severity: "warn", confidence: { level: level2, ...interval } };
  return { outcome: "pass", severity: "info", confidence: { level: level2, ...interval } };
}

// src/gate/detectors/coverage.ts
var coverage = {
  id: "coverage",
  each: "run",
  needs: "baseline",
  detect({ policy, roles, baseline, current, scopes }) {
    const common = { kind: "data", unit: "count", limit: { kind: "measured-in-both" }, deterministic: true, beyond: true };
    const latency2 = roles.latency;
    const before = baseline.value(latency2, "count") ?? 0;
    if (before > 0 && !current.scope(latency2)) {
      return [{ ...common, metric: latency2, statistic: "count", baseline: before, current: 0, lost: { what: "metric", baselineCount: before } }];
    }
    const parsed = tryParseMetricSelector(latency2);
    const metric = "error" in parsed ? latency2 : parsed.metric;
    const out = [];
    const lostTags = /* @__PURE__ */ new Set();
    for (const tag of policy.groupBy) {
      const had = baseline.scopesByTag(metric, tag).size;
      if (had > 0 && current.scopesByTag(metric, tag).size === 0) {
        out.push({
          ...common,
          metric,
          statistic: "count",
          baseline: had,
          current: 0,
          lost: { what: "tag", tag, baselineValues: had }
        });
        lostTags.add(tag);
      }
    }
    const missing = policy.coverage.missing;
    if (missing === "ignore") return out;
    for (const s of scopes) {
      if (s.scope === void 0 || lostTags.has(s.scope.tag)) continue;
      const had = baseline.value(s.name, "count") ?? 0;
      if (had === 0 || (current.value(s.name, "count") ?? 0) > 0) continue;
      out.push({
        ...common,
        metric: s.name,
        scope: s.scope,
        statistic: "count",
        baseline: had,
        current: 0,
        lost: { what: "scope", baselineCount: had },
        ...missing === "warn" ? { atMost: "warn" } : {}
      });
    }
    return out;
  }
};

// src/stats/distribution.ts
function totalCount(d) {
  let n = 0;
  for (let i = 0; i < d.length; i++) n += d[i].count;
  return n;
}

// src/stats/bucket-columns.ts
function bucketColumns(d) {
  const values = new Float64Array(d.length);
  const counts2 = new Float64Array(d.length);
  let total2 = 0;
  for (let i = 0; i < d.length; i++) {
    const b = d[i];
    values[i] = b.value;
    counts2[i] = b.count;
    total2 += b.count;
  }
  return { values, counts: counts2, total: total2 };
}

// src/stats/kth-pairwise-difference.ts
function pairwiseDifferencesOf(baseline, current) {
  const rows = current.values.length;
  const cols = baseline.values.length;
  const colValue = new Float64Array(cols);
  const colPrefix = new Float64Array(cols + 1);
  for (let j = 0; j < cols; j++) {
    colValue[j] = baseline.values[cols - 1 - j];
    colPrefix[j + 1] = colPrefix[j] + baseline.counts[cols - 1 - j];
  }
  const n1 = colPrefix[cols];
  const rowValue = current.values;
  const rowCount = current.counts;
  const n2 = current.total;
  const left = new Int32Array(rows);
  const right = new Int32Array(rows);
  const atOrBelow = new Int32Array(rows);
  const below = new Int32Array(rows);
  const medianValue = new Float64Array(rows);
  const medianWeight = new Float64Array(rows);
  return (k) => {
    if (!(Number.isInteger(k) && k >= 0 && k < n1 * n2)) {
      throw new RangeError(`kthPairwiseDifference: k must be an integer in [0, ${n1 * n2}) but got ${k}`);
    }
    left.fill(0);
    right.fill(cols);
    return search(k);
  };
  function search(k) {
    let hi = Number.NaN;
    for (; ; ) {
      let m = 0;
      let candidates = 0;
      for (let i = 0; i < rows; i++) {
        const width = right[i] - left[i];
        if (width <= 0) continue;
        medianValue[m] = rowValue[i] - colValue[left[i] + (width - 1 >> 1)];
        medianWeight[m] = width;
        m++;
        candidates += width;
      }
      if (candidates === 0) return hi;
      const pivot = weightedLowerMedian(medianValue, medianWeight, m, candidates);
      let le = cols;
      let lt = cols;
      let countAtOrBelow = 0;
      for (let i = 0; i < rows; i++) {
        const r = rowValue[i];
        while (le > 0 && r - colValue[le - 1] > pivot) le--;
        while (lt > 0 && r - colValue[lt - 1] >= pivot) lt--;
        atOrBelow[i] = le;
        below[i] = lt;
        countAtOrBelow += rowCount[i] * colPrefix[le];
      }
      if (countAtOrBelow >= k + 1) {
        hi = pivot;
        for (let i = 0; i < rows; i++) right[i] = Math.min(right[i], below[i]);
      } else {
        for (let i = 0; i < rows; i++) left[i] = Math.max(left[i], atOrBelow[i]);
      }
    }
  }
}
function weightedLowerMedian(values, weights, m, total2) {
  let lo = 0;
  let hi = m;
  let below = 0;
  for (; ; ) {
    const a = values[lo];
    const b = values[lo + hi - 1 >> 1];
    const c2 = values[hi - 1];
    const p = a < b ? b < c2 ? b : a < c2 ? c2 : a : a < c2 ? a : b < c2 ? c2 : b;
    let lt = lo;
    let i = lo;
    let gt = hi - 1;
    let wLess = 0;
    let wEqual = 0;
    while (i <= gt) {
      const v = values[i];
      if (v < p) {
        wLess += weights[i];
        swap(values, weights, lt++, i++);
      } else if (v > p) {
        swap(values, weights, i, gt--);
      } else {
        wEqual += weights[i];
        i++;
      }
    }
    if (2 * (below + wLess) >= total2) {
      hi = lt;
    } else if (2 * (below + wLess + wEqual) >= total2) {
      return p;
    } else {
      below += wLess + wEqual;
      lo = gt + 1;
    }
  }
}
function swap(values, weights, i, j) {
  const v = values[i];
  values[i] = values[j];
  values[j] = v;
  const w = weights[i];
  weights[i] = weights[j];
  weights[j] = w;
}

// src/stats/hodges-lehmann.ts
function hodgesLehmannOf(baseline, current, confidence, inflation) {
  const n1 = baseline.total;
  const n2 = current.total;
  if (n1 === 0) return insufficient("baseline has no observations");
  if (n2 === 0) return insufficient("current has no observations");
  if (baseline.values.length === 1 && current.values.length === 1 && baseline.values[0] === current.values[0]) {
    return insufficient(`all ${n1 + n2} observations have the same value ${baseline.values[0]} (no variance)`, "no-spread");
  }
  const pairs = n1 * n2;
  const kth = pairwiseDifferencesOf(baseline, current);
  const half = Math.floor(pairs / 2);
  const estimate = pairs % 2 === 1 ? kth(half) : midpoint(kth(half - 1), kth(half));
  const z10 = normalQuantile(1 - (1 - confidence) / 2);
  const sd = Math.sqrt(inflation * n1 * n2 * (n1 + n2 + 1) / 12);
  const c2 = Math.floor(pairs / 2 - z10 * sd);
  const lower = c2 >= 1 ? kth(c2 - 1) : -Infinity;
  const upper = c2 >= 1 ? kth(pairs - c2) : Infinity;
  if (!Number.isFinite(estimate)) {
    return insufficient("the differences between the values overflow double precision");
  }
  return { estimate: Math.min(Math.max(estimate, lower), upper), lower, upper, confidence };
}
function midpoint(a, b) {
  const m = a / 2 + b / 2;
  return a === b ? a : m;
}

// src/stats/log-distribution.ts
var LOG_FLOOR = 1e-6;
function logColumns(d, floor = LOG_FLOOR) {
  const values = new Float64Array(d.length);
  const counts2 = new Float64Array(d.length);
  let n = 0;
  let total2 = 0;
  for (let i = 0; i < d.length; i++) {
    const b = d[i];
    const v = Math.log(Math.max(b.value, floor));
    total2 += b.count;
    if (n > 0 && values[n - 1] === v) counts2[n - 1] = counts2[n - 1] + b.count;
    else {
      values[n] = v;
      counts2[n++] = b.count;
    }
  }
  return { values: values.subarray(0, n), counts: counts2.subarray(0, n), total: total2 };
}

// src/stats/log-ratio-test.ts
function logRatioTest(logRatio, components, options = {}) {
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`logRatioTest: confidence must be in (0, 1) but got ${confidence}`);
  for (let i = 0; i < components.length; i++) {
    const s = components[i];
    if (Number.isNaN(s) || s < 0) throw new RangeError(`logRatioTest: standard error ${i} must be \u2265 0 but got ${s}`);
    if (!Number.isFinite(s)) return insufficient("the spread of the data is not finite");
  }
  if (!Number.isFinite(logRatio)) return insufficient("the ratio is 0 or infinite (a statistic is 0 in one run)");
  const se = Math.hypot(...components);
  if (!(se > 0) || !Number.isFinite(se)) {
    return insufficient("both runs show no spread and no run-to-run noise is assumed, so no change can be told from chance (set runToRunNoise above 0)", "no-spread");
  }
  const z10 = logRatio / se;
  const half = normalQuantile(0.5 + confidence / 2) * se;
  const upper = Math.expm1(logRatio + half);
  if (!Number.isFinite(upper)) return insufficient("the spread is too large to bound the change");
  return {
    logRatio,
    se,
    // Each tail from its own side of the CDF, so a tiny p-value keeps its digits.
    pGreater: normalCdf(-z10),
    pLess: normalCdf(z10),
    lower: Math.expm1(logRatio - half),
    upper,
    confidence
  };
}

// src/stats/pair-counts.ts
function pairCounts(baseline, current) {
  return pairCountsOf(bucketColumns(baseline), bucketColumns(current));
}
function pairCountsOf(baseline, current) {
  const bv = baseline.values;
  const bc = baseline.counts;
  const cv = current.values;
  const cc = current.counts;
  let greater = 0;
  let ties = 0;
  let below = 0;
  let j = 0;
  for (let i = 0; i < cv.length; i++) {
    const value2 = cv[i];
    while (j < bv.length && bv[j] < value2) below += bc[j++];
    const same = j < bv.length && bv[j] === value2 ? bc[j] : 0;
    greater += cc[i] * below;
    ties += cc[i] * same;
  }
  return { greater, less: baseline.total * current.total - greater - ties, ties };
}

// src/stats/mann-whitney.ts
var MANN_WHITNEY_EXACT_MAX_TOTAL = 40;
function mannWhitneyOf(baseline, current, inflation, method) {
  const groups = tieGroups(baseline, current);
  const n1 = baseline.total;
  const n2 = current.total;
  let tieSum = 0;
  for (let g = 0; g < groups.length; g++) {
    const t = groups.baseline[g] + groups.current[g];
    tieSum += (t - 1) * t * (t + 1);
  }
  if (n1 === 0) return insufficient("baseline has no observations");
  if (n2 === 0) return insufficient("current has no observations");
  if (groups.length === 1) {
    return insufficient(`all ${n1 + n2} observations have the same value ${baseline.values[0]} (no variance to rank)`, "no-spread");
  }
  const n = n1 + n2;
  const { greater, ties } = pairCountsOf(baseline, current);
  const u = greater + ties / 2;
  const meanU = n1 * n2 / 2;
  const variance = n1 * n2 / 12 * (n + 1 - tieSum / (n * (n - 1))) * inflation;
  if (!(variance > 0)) return insufficient("the rank variance vanishes (almost every observation is tied)");
  const sd = Math.sqrt(variance);
  const diff = u - meanU;
  const z10 = diff > 0 ? Math.max(0, diff - 0.5) / sd : diff < 0 ? Math.min(0, diff + 0.5) / sd : 0;
  const tieCorrected = tieSum > 0;
  if (n <= MANN_WHITNEY_EXACT_MAX_TOTAL && inflation === 1 && method !== "normal") {
    const { pGreater: pGreater2, pLess: pLess2 } = exactTails(groups, n2);
    return { u, n1, n2, z: z10, pValue: Math.min(1, 2 * Math.min(pGreater2, pLess2)), pGreater: pGreater2, method: "exact", tieCorrected };
  }
  const pGreater = normalCdf(-(diff - 0.5) / sd);
  const pLess = normalCdf((diff + 0.5) / sd);
  return { u, n1, n2, z: z10, pValue: Math.min(1, 2 * Math.min(pGreater, pLess)), pGreater, method: "normal", tieCorrected };
}
function tieGroups(baseline, current) {
  const bv = baseline.values;
  const cv = current.values;
  const groupBaseline = new Float64Array(bv.length + cv.length);
  const groupCurrent = new Float64Array(bv.length + cv.length);
  let g = 0;
  let i = 0;
  let j = 0;
  while (i < bv.length || j < cv.length) {
    if (j >= cv.length || i < bv.length && bv[i] < cv[j]) {
      groupBaseline[g++] = baseline.counts[i++];
    } else if (i >= bv.length || cv[j] < bv[i]) {
      groupCurrent[g++] = current.counts[j++];
    } else {
      groupBaseline[g] = baseline.counts[i++];
      groupCurrent[g++] = current.counts[j++];
    }
  }
  return { baseline: groupBaseline, current: groupCurrent, length: g };
}
function exactTails(groups, n2) {
  let n = 0;
  for (let g = 0; g < groups.length; g++) n += groups.baseline[g] + groups.current[g];
  const width = n * (n + 1) + 1;
  const dp = new Float64Array((n2 + 1) * width);
  dp[0] = 1;
  let below = 0;
  let seen = 0;
  let observed = 0;
  for (let g = 0; g < groups.length; g++) {
    const t = groups.baseline[g] + groups.current[g];
    const rank2 = 2 * below + t + 1;
    observed += groups.current[g] * rank2;
    const binomials = binomialRow(t);
    for (let k = Math.min(seen, n2); k >= 0; k--) {
      const row2 = k * width;
      for (let s = 0; s < width; s++) {
        const ways = dp[row2 + s];
        if (ways === 0) continue;
        for (let pick = 1; pick <= t && k + pick <= n2; pick++) {
          const target = (k + pick) * width + s + pick * rank2;
          dp[target] = dp[target] + ways * binomials[pick];
        }
      }
    }
    below += t;
    seen += t;
  }
  let total2 = 0;
  let atLeast = 0;
  let atMost = 0;
  const row = n2 * width;
  for (let s = 0; s < width; s++) {
    const ways = dp[row + s];
    total2 += ways;
    if (s >= observed) atLeast += ways;
    if (s <= observed) atMost += ways;
  }
  return { pGreater: Math.min(1, atLeast / total2), pLess: Math.min(1, atMost / total2) };
}
function binomialRow(t) {
  const row = [1];
  for (let j = 1; j <= t; j++) row.push(row[j - 1] * (t - j + 1) / j);
  return row;
}

// src/stats/relative-shift-test.ts
function relativeShiftTest(baseline, current, options = {}) {
  const deff = options.designEffect ?? 1;
  const noise = options.noise ?? 0;
  if (!(noise >= 0 && Number.isFinite(noise))) throw new RangeError(`relativeShiftTest: noise must be a finite number \u2265 0 but got ${noise}`);
  if (!(Number.isFinite(deff) && deff >= 1)) throw new RangeError(`relativeShiftTest: designEffect must be a finite number \u2265 1 but got ${deff}`);
  assertDistribution(baseline, "baseline");
  assertDistribution(current, "current");
  const lb = logColumns(baseline);
  const lc = logColumns(current);
  const hl = hodgesLehmannOf(lb, lc, 0.95, deff);
  if (isInsufficient(hl)) return inLatencyWords(hl);
  const mw = mannWhitneyOf(lb, lc, deff, "auto");
  if (isInsufficient(mw)) return inLatencyWords(mw);
  const seWithin = Math.max((hl.upper - hl.lower) / (2 * normalQuantile(0.975)), 0);
  const test = logRatioTest(hl.estimate, [seWithin, noise, noise]);
  if (isInsufficient(test)) return test;
  return { test, pGreater: Math.max(mw.pGreater, test.pGreater) };
}
function inLatencyWords(x) {
  return x.cause === "no-spread" ? insufficient("every request of both runs took the same time (no spread to rank)", "no-spread") : x;
}

// src/gate/assessment.ts
function shortfallOf(x, tooFew = "too-few-requests") {
  switch (x.cause) {
    case "too-few":
      return tooFew;
    case "no-spread":
      return "no-spread";
    case void 0:
      return "other";
  }
}

// src/gate/detectors/degradation.ts
var degradation = {
  id: "degradation",
  each: "run",
  needs: "current",
  detect({ policy, roles, current: run }) {
    const e = policy.endurance;
    if (!e) return [];
    const metric = roles.latency;
    const widthMs = run.doc.windows.widthMs;
    const startMs2 = Date.parse(run.doc.meta.start);
    const windows = run.windows(metric, "trend").filter((w) => run.doc.windows.originMs + w.i * widthMs - startMs2 >= e.warmupSeconds * 1e3);
    const common = { kind: "degradation", metric, statistic: "med", unit: run.unitOf(metric), limit: { kind: "max-increase", max: e.degradation } };
    if (windows.length < 6) return [{ ...common, beyond: false, insufficient: `only ${windows.length} time windows after a ${e.warmupSeconds} s warm-up (needs \u2265 6)`, shortfall: "too-short" }];
    const third = Math.floor(windows.length / 3);
    const early = windows.slice(0, third);
    const late = windows.slice(windows.length - third);
    const earlyD = run.windowDistribution(metric, first(early), last(early) + 1);
    const lateD = run.windowDistribution(metric, first(late), last(late) + 1);
    const ne = totalCount(earlyD);
    const nl = totalCount(lateD);
    const deff = (designEffectOfWindows(early) * total(early) + designEffectOfWindows(late) * total(late)) / Math.max(1, total(early) + total(late));
    const ev = relativeShiftTest(earlyD, lateD, { designEffect: deff, noise: 0 });
    if (isInsufficient(ev)) return [{ ...common, beyond: false, insufficient: ev.reason, shortfall: shortfallOf(ev) }];
    const change = Math.expm1(ev.test.logRatio);
    const before = percentile(earlyD, 0.5);
    const after = percentile(lateD, 0.5);
    return [{
      ...common,
      ...!isInsufficient(before) && ne > 0 ? { baseline: before } : {},
      ...!isInsufficient(after) && nl > 0 ? { current: after } : {},
      change,
      beyond: change > e.degradation,
      pValue: ev.pGreater,
      interval: { lower: ev.test.lower, upper: ev.test.upper },
      intervalExcludesNoChange: ev.test.lower > 0,
      details: { compared: "last-third-vs-first-third" }
    }];
  }
};
function first(ws) {
  return ws[0].i;
}
function last(ws) {
  return ws[ws.length - 1].i;
}
function total(ws) {
  return ws.reduce((a, w) => a + w.count, 0);
}

// src/stats/change-point.ts
var CHANGE_POINT_MIN_WINDOWS = 4;
var MAX_RHO = 0.8;
function changePoint(windows) {
  const used = [];
  windows.forEach((w, index) => {
    if (!(Number.isFinite(w.count) && w.count >= 0)) throw new RangeError(`changePoint: window ${index} has count ${w.count} (must be a finite number \u2265 0)`);
    if (!Number.isFinite(w.sumLog) || !Number.isFinite(w.sumLogSq)) throw new RangeError(`changePoint: window ${index} has a sum that is not finite`);
    if (w.count > 0) used.push({ index, n: w.count, sum: w.sumLog, sumSq: w.sumLogSq });
  });
  const k = used.length;
  if (k < CHANGE_POINT_MIN_WINDOWS) return insufficient(`${k} time ${k === 1 ? "window" : "windows"} with requests (a change point needs \u2265 ${CHANGE_POINT_MIN_WINDOWS})`, "too-few");
  const total2 = used.reduce((a, w) => a + w.n, 0);
  const grand = used.reduce((a, w) => a + w.sum, 0) / total2;
  const means = used.map((w) => w.sum / w.n);
  if (means.every((m) => m === means[0])) return insufficient("every time window has the same mean latency: no step to locate", "no-spread");
  let cusum = 0;
  let weight = 0;
  let sup = 0;
  let best = 1;
  let bestScore = -1;
  for (let j = 1; j < k; j++) {
    const w = used[j - 1];
    cusum += w.sum - w.n * grand;
    weight += w.n;
    sup = Math.max(sup, Math.abs(cusum));
    const score = Math.abs(cusum) * Math.sqrt(total2 / (weight * (total2 - weight)));
    if (score > bestScore) {
      bestScore = score;
      best = j;
    }
  }
  const side = (ws) => {
    const n = ws.reduce((a, w) => a + w.n, 0);
    return { logMean: ws.reduce((a, w) => a + w.sum, 0) / n, count: n };
  };
  const before = side(used.slice(0, best));
  const after = side(used.slice(best));
  const residuals = used.map((w, j) => Math.sqrt(w.n) * (means[j] - (j < best ? before.logMean : after.logMean)));
  let sq = 0;
  let lagged = 0;
  for (let j = 0; j < k; j++) {
    sq += residuals[j] ** 2;
    if (j + 1 < k) lagged += residuals[j] * residuals[j + 1];
  }
  const rho = sq > 0 ? Math.min(MAX_RHO, Math.max(0, lagged / sq)) : 0;
  const longRun = sq / (k - 2) * ((1 + rho) / (1 - rho));
  const withinDf = total2 - k;
  const within = withinDf > 0 ? Math.max(0, used.reduce((a, w) => a + (w.sumSq - w.sum * w.sum / w.n), 0)) / withinDf : 0;
  const variance = Math.max(longRun, within);
  if (!(variance > 0)) return insufficient("no variance in the windows to measure a step against", "no-spread");
  const statistic = sup / Math.sqrt(total2 * variance);
  return { at: used[best].index, before, after, statistic, pValue: kolmogorovSurvival(statistic) };
}
function kolmogorovSurvival(x) {
  if (!(x >= 0.1)) return 1;
  if (x < 1) {
    let s2 = 0;
    for (let j = 1; j <= 20; j++) s2 += Math.exp(-((2 * j - 1) ** 2) * Math.PI * Math.PI / (8 * x * x));
    return clamp01(1 - Math.sqrt(2 * Math.PI) / x * s2);
  }
  let s = 0;
  for (let j = 1; j <= 100; j++) {
    const term = Math.exp(-2 * j * j * x * x);
    s += j % 2 === 1 ? term : -term;
    if (term < 1e-300) break;
  }
  return clamp01(2 * s);
}
function clamp01(p) {
  return Math.min(1, Math.max(0, p));
}

// src/stats/between-run-noise.ts
function stepExcess(a, b) {
  check(a);
  check(b);
  const d = b.level - a.level;
  return (d * d - a.se * a.se - b.se * b.se) / 2;
}
var CHANGE_STEP_SDS = 3;
function isChangeStep(a, b, noise) {
  check(a);
  check(b);
  if (!(noise >= 0 && Number.isFinite(noise))) throw new RangeError(`isChangeStep: noise must be a finite number \u2265 0 but got ${noise}`);
  const sd = Math.sqrt(a.se * a.se + b.se * b.se + 2 * noise * noise);
  return Math.abs(b.level - a.level) > CHANGE_STEP_SDS * sd;
}
function shrinkVariance(prior, excesses, floor) {
  if (!(prior.variance >= 0 && Number.isFinite(prior.variance))) throw new RangeError(`shrinkVariance: prior variance must be finite and \u2265 0 but got ${prior.variance}`);
  if (!(prior.weight >= 0 && Number.isFinite(prior.weight))) throw new RangeError(`shrinkVariance: prior weight must be finite and \u2265 0 but got ${prior.weight}`);
  if (!(floor >= 0 && Number.isFinite(floor))) throw new RangeError(`shrinkVariance: floor must be finite and \u2265 0 but got ${floor}`);
  let sum3 = prior.weight * prior.variance;
  for (const e of excesses) {
    if (!Number.isFinite(e)) throw new RangeError(`shrinkVariance: excesses must be finite but got ${e}`);
    sum3 += e;
  }
  const weight = prior.weight + excesses.length;
  if (weight === 0) return floor;
  return Math.max(floor, sum3 / weight);
}
function check(r) {
  if (!Number.isFinite(r.level) || !(r.se >= 0 && Number.isFinite(r.se))) {
    throw new RangeError(`between-run noise: a run level needs a finite level and a finite se \u2265 0 but got ${r.level} \xB1 ${r.se}`);
  }
}

// src/gate/learned-noise.ts
var NOISE_FLOOR_SHARE = 0.25;
function levelNoise(relative, noiseMs, ms, unit) {
  if (unit !== "ms" || ms === void 0 || !(ms > 0) || !(noiseMs > 0)) return relative;
  return Math.hypot(relative, noiseMs / ms);
}
function defaultNoise(policy) {
  const figure = { noise: policy.runToRunNoise, source: "default", steps: 0 };
  return { runs: 0, setAside: 0, pooled: figure, of: () => figure };
}
function learnNoise(history, policy) {
  const withLevels = history.filter((e) => e.levels !== void 0 && e.levels.length > 0);
  if (!policy.noiseLearning.enabled || withLevels.length < 2) return defaultNoise(policy);
  const prior = policy.runToRunNoise;
  const floor = (NOISE_FLOOR_SHARE * prior) ** 2;
  const weight = policy.noiseLearning.priorRuns;
  const excesses = /* @__PURE__ */ new Map();
  const stepMeans = [];
  let setAside = 0;
  for (let r = 1; r < withLevels.length; r++) {
    const before = byScope(withLevels[r - 1].levels);
    const after = byScope(withLevels[r].levels);
    const endpointExcesses = [];
    let wholeExcess;
    for (const [key, b] of after) {
      const a = before.get(key);
      if (!a || a.count < 2 || b.count < 2) continue;
      if (isChangeStep(level(a), level(b), prior)) {
        setAside++;
        continue;
      }
      const e = stepExcess(level(a), level(b));
      (excesses.get(key) ?? excesses.set(key, []).get(key)).push(e);
      if (key === WHOLE_RUN) wholeExcess = e;
      else endpointExcesses.push(e);
    }
    const voices = endpointExcesses.length > 0 ? endpointExcesses : wholeExcess !== void 0 ? [wholeExcess] : [];
    if (voices.length > 0) stepMeans.push(voices.reduce((s, x) => s + x, 0) / voices.length);
  }
  if (stepMeans.length === 0) return defaultNoise(policy);
  const pooledVariance = shrinkVariance({ variance: prior * prior, weight }, stepMeans, floor);
  const pooled = { noise: Math.sqrt(pooledVariance), source: "history", steps: stepMeans.length };
  const figures = /* @__PURE__ */ new Map();
  for (const [key, list] of excesses) {
    figures.set(key, { noise: Math.sqrt(shrinkVariance({ variance: pooledVariance, weight }, list, floor)), source: "history", steps: list.length });
  }
  return {
    runs: withLevels.length,
    setAside,
    pooled,
    // A scope the history never saw gets the pooled figure: the machine's drift is the stage's.
    of: (scope) => figures.get(keyOf(scope)) ?? { ...pooled, steps: 0 }
  };
}
var WHOLE_RUN = "";
function keyOf(scope) {
  return scope ? `${scope.tag}\0${scope.value}` : WHOLE_RUN;
}
function byScope(levels) {
  return new Map(levels.map((l) => [keyOf(l.scope), l]));
}
function level(l) {
  return { level: l.logMean, se: l.se };
}

// src/gate/detectors/end-of-run.ts
var endOfRun = {
  id: "end-of-run",
  each: "scope",
  needs: "baseline",
  detect({ policy, roles, baseline, current, mix, noise }, s) {
    if (!policy.regression.latency.statistics.includes("med")) return [];
    if (mix && s.scope === void 0) return [];
    const warmup = policy.endurance?.warmupSeconds ?? 0;
    const b = endOf(baseline, roles.latency, s.name, warmup);
    const c2 = endOf(current, roles.latency, s.name, warmup);
    if (!b || !c2) return [];
    const nb = totalCount(b.distribution);
    const nc = totalCount(c2.distribution);
    if (nb < policy.minSamples || nc < policy.minSamples) return [];
    const limit = policy.regression.latency.maxIncrease;
    const before = percentile(b.distribution, 0.5);
    const after = percentile(c2.distribution, 0.5);
    const question = {
      kind: "latency",
      metric: s.name,
      ...s.scope ? { scope: s.scope } : {},
      statistic: "med",
      unit: current.unitOf(s.name),
      limit: { kind: "max-increase", max: limit },
      ...!isInsufficient(before) ? { baseline: before } : {},
      ...!isInsufficient(after) ? { current: after } : {}
    };
    const deff = (designEffectOfWindows(b.windows) * nb + designEffectOfWindows(c2.windows) * nc) / (nb + nc);
    const figure = noise.of(s.scope);
    const level2 = levelNoise(figure.noise, policy.runToRunNoiseMs, isInsufficient(before) ? void 0 : before, question.unit);
    const ev = relativeShiftTest(b.distribution, c2.distribution, { designEffect: deff, noise: level2 * END_NOISE_FACTOR });
    if (isInsufficient(ev)) return [];
    const change = Math.expm1(ev.test.logRatio);
    const out = {
      ...question,
      change,
      beyond: change > limit,
      pValue: ev.pGreater,
      interval: { lower: ev.test.lower, upper: ev.test.upper },
      intervalExcludesNoChange: ev.test.lower > 0,
      // A third of the run is thinner evidence than the whole (a slow stretch of the machine can fill it):
      // it flags the run for a reviewer, the whole-run question fails it.
      atMost: "warn",
      details: { compared: "end-of-run", ...stepIn(current, s.name, warmup, policy.alpha), noise: { value: level2 * END_NOISE_FACTOR, source: figure.source, steps: figure.steps } }
    };
    return [out];
  }
};
function stepIn(run, scope, warmupSeconds, alpha) {
  const windows = run.windows(scope, "trend").filter(afterWarmup(run, warmupSeconds));
  const cp = changePoint(windows);
  if (isInsufficient(cp) || !(cp.pValue < alpha) || !(cp.after.logMean > cp.before.logMean)) return {};
  const atMs = run.doc.windows.originMs + windows[cp.at].i * run.doc.windows.widthMs - Date.parse(run.doc.meta.start);
  return { changePoint: { atSeconds: Math.max(0, atMs / 1e3), before: Math.exp(cp.before.logMean), after: Math.exp(cp.after.logMean), pValue: cp.pValue } };
}
var END_NOISE_FACTOR = Math.sqrt(3);
var MIN_END_WINDOWS = 6;
function endOf(run, wholeRun, scope, warmupSeconds) {
  const axis = run.windows(wholeRun, "trend").filter(afterWarmup(run, warmupSeconds));
  if (axis.length === 0) return void 0;
  const firstIndex = axis[0].i;
  const lastIndex = axis[axis.length - 1].i;
  const third = Math.floor((lastIndex - firstIndex + 1) / 3);
  const from = lastIndex - third + 1;
  const windows = run.windows(scope, "trend").filter((w) => w.i >= from && w.i <= lastIndex && w.count > 0);
  if (windows.length < MIN_END_WINDOWS) return void 0;
  return { windows, distribution: run.windowDistribution(scope, from, lastIndex + 1) };
}
function afterWarmup(run, warmupSeconds) {
  if (!(warmupSeconds > 0)) return () => true;
  const fromMs = Date.parse(run.doc.meta.start) + warmupSeconds * 1e3;
  return (w) => run.doc.windows.originMs + w.i * run.doc.windows.widthMs >= fromMs;
}

// src/stats/conditional-binomial-test.ts
function conditionalBinomialTest(baseline, current, options = {}) {
  check2(baseline, "baseline");
  check2(current, "current");
  const d = options.varianceInflation ?? 1;
  if (!(d >= 1 && Number.isFinite(d))) throw new RangeError(`conditionalBinomialTest: varianceInflation must be a finite number \u2265 1 but got ${d}`);
  if (baseline.total === 0) return insufficient("the baseline has no requests", "too-few");
  if (current.total === 0) return insufficient("the current run has no requests", "too-few");
  const effective = {
    baseline: { events: baseline.events / d, total: baseline.total / d },
    current: { events: current.events / d, total: current.total / d }
  };
  const pi = current.total / (baseline.total + current.total);
  const events = baseline.events + current.events;
  const nonEvents = baseline.total + current.total - events;
  if (events <= nonEvents) {
    const x = effective.current.events;
    const k = effective.baseline.events + x;
    const pGreater2 = x > 0 ? regularizedBeta(pi, x, k - x + 1) : 1;
    return { pGreater: pGreater2, conditionedOn: "events", minAttainableP: k > 0 ? pi ** k : 1, effective };
  }
  const s = (current.total - current.events) / d;
  const m = (baseline.total - baseline.events) / d + s;
  const pGreater = s < m ? regularizedBeta(1 - pi, m - s, s + 1) : 1;
  return { pGreater, conditionedOn: "non-events", minAttainableP: m > 0 ? (1 - pi) ** m : 1, effective };
}
function check2(p, which) {
  if (!(Number.isFinite(p.events) && Number.isFinite(p.total) && p.events >= 0 && p.total >= 0 && p.events <= p.total)) {
    throw new RangeError(`conditionalBinomialTest: ${which} must have 0 \u2264 events \u2264 total (finite) but got ${p.events} of ${p.total}`);
  }
}

// src/stats/two-proportion-test.ts
function twoProportionTest(baseline, current, options = {}) {
  check3(baseline, "baseline");
  check3(current, "current");
  const deff = options.varianceInflation ?? 1;
  if (!(deff >= 1 && Number.isFinite(deff))) throw new RangeError(`twoProportionTest: varianceInflation must be a finite number \u2265 1 but got ${deff}`);
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`twoProportionTest: confidence must be in (0, 1) but got ${confidence}`);
  if (baseline.total === 0) return insufficient("the baseline has no requests");
  if (current.total === 0) return insufficient("the current run has no requests");
  const rb = baseline.events / baseline.total;
  const rc = current.events / current.total;
  const difference = rc - rb;
  const z10 = normalQuantile(0.5 + confidence / 2);
  const inverse = 1 / baseline.total + 1 / current.total;
  const pooled = (baseline.events + current.events) / (baseline.total + current.total);
  const seNull = Math.sqrt(pooled * (1 - pooled) * inverse * deff);
  const continuity = 0.5 * inverse;
  const pGreater = seNull > 0 ? normalCdf(-(difference - continuity) / seNull) : 1;
  const seDiff = Math.sqrt((rb * (1 - rb) / baseline.total + rc * (1 - rc) / current.total) * deff);
  let ratio;
  if (baseline.events > 0 && current.events > 0) {
    const seLog = Math.sqrt(Math.max(0, 1 / current.events - 1 / current.total + 1 / baseline.events - 1 / baseline.total) * deff);
    const lr = Math.log(rc / rb);
    ratio = { lower: Math.expm1(lr - z10 * seLog), upper: Math.expm1(lr + z10 * seLog) };
  }
  return {
    difference,
    pGreater: Math.min(1, Math.max(0, pGreater)),
    differenceLower: Math.max(-1, difference - z10 * seDiff),
    differenceUpper: Math.min(1, difference + z10 * seDiff),
    ...ratio ? { ratio } : {},
    confidence
  };
}
function check3(p, which) {
  if (!(Number.isFinite(p.events) && Number.isFinite(p.total) && p.events >= 0 && p.total >= 0 && p.events <= p.total)) {
    throw new RangeError(`twoProportionTest: ${which} must have 0 \u2264 events \u2264 total (finite) but got ${p.events} of ${p.total}`);
  }
}

// src/gate/detectors/error-rate.ts
var EXACT_BELOW = 50;
var errorRate = {
  id: "error-rate",
  each: "scope",
  needs: "baseline",
  detect({ policy, roles, baseline, current }, s) {
    const failed = roles.failures;
    const b = baseline.errors(s.tags, failed);
    const c2 = current.errors(s.tags, failed);
    if (!c2) return [];
    const { maxIncrease, absoluteFloor } = policy.regression.errorRate;
    const metric = s.name.replace(/^[^{]+/, failed);
    const common = {
      kind: "error-rate",
      metric,
      ...s.scope ? { scope: s.scope } : {},
      statistic: "rate",
      unit: "fraction",
      limit: { kind: "error-rate", maxIncrease, absoluteFloor }
    };
    if (!b || b.total === 0 || c2.total === 0) {
      return [{ ...common, beyond: false, insufficient: `no requests in ${!b || b.total === 0 ? "the baseline" : "the current run"}`, shortfall: "missing" }];
    }
    const rb = b.failed / b.total;
    const rc = c2.failed / c2.total;
    const change = rb > 0 ? rc / rb - 1 : void 0;
    const beyond = rc - rb > absoluteFloor && (change === void 0 || change > maxIncrease);
    const base = { ...common, baseline: rb, current: rc, ...change !== void 0 ? { change } : {}, beyond };
    if (baseline.aggregateOnly || current.aggregateOnly) {
      return [{ ...base, details: { aggregateOnly: true } }];
    }
    const deff = Math.max(failuresDesignEffect(baseline.windows(metric, "rate")), failuresDesignEffect(current.windows(metric, "rate")));
    const before = { events: b.failed, total: b.total };
    const now = { events: c2.failed, total: c2.total };
    const test = twoProportionTest(before, now, { varianceInflation: deff });
    if (isInsufficient(test)) return [{ ...base, insufficient: test.reason, shortfall: "missing" }];
    const rarer = Math.min(b.failed + c2.failed, b.total + c2.total - b.failed - c2.failed) / deff;
    const exact = rarer < EXACT_BELOW ? conditionalBinomialTest(before, now, { varianceInflation: deff }) : void 0;
    if (exact && !isInsufficient(exact)) {
      return [{
        ...base,
        pValue: exact.pGreater,
        minAttainableP: exact.minAttainableP,
        // The exact test's dual: its one-sided interval at level 1 − α excludes no change exactly when p < α
        // (a Wald interval from a baseline of 0 would claim more than the counts can show).
        intervalExcludesNoChange: exact.pGreater < policy.alpha,
        ...test.ratio ? { interval: test.ratio } : {}
      }];
    }
    return [{
      ...base,
      pValue: test.pGreater,
      // The shares' difference is what is tested; its interval decides whether "no change" is excluded.
      intervalExcludesNoChange: test.differenceLower > 0,
      ...test.ratio ? { interval: test.ratio } : {}
    }];
  }
};
function failuresDesignEffect(windows) {
  const deff = clusterDesignEffect(windows.filter((w) => w.count > 0).map((w) => clusterOfProportion(w.count, w.passes)));
  return isInsufficient(deff) ? 1 : Math.max(1, deff);
}

// src/gate/detectors/failure-signatures.ts
var failureSignatures = {
  id: "failure-signatures",
  each: "scope",
  needs: "baseline",
  detect({ policy, roles, baseline, current, scopes }, s) {
    if (s.scope === void 0 && scopes.some((o) => o.scope !== void 0)) return [];
    const failed = roles.failures;
    const cs = current.signatures(s.tags, failed);
    const bs = baseline.signatures(s.tags, failed);
    const c2 = current.errors(s.tags, failed);
    const b = baseline.errors(s.tags, failed);
    if (!cs || !bs || !c2 || !b || c2.total === 0 || b.total === 0) return [];
    if (bs.some((x) => x.other)) return [];
    const known2 = new Set(bs.map(keyOfSignature));
    const fresh = cs.filter((x) => !x.other && !known2.has(keyOfSignature(x)));
    if (fresh.length === 0) return [];
    const { warnCount, failCount, failRate } = policy.regression.failureSignatures;
    const metric = s.name.replace(/^[^{]+/, failed);
    const deff = designEffectOf(current, metric);
    return fresh.map((x) => {
      const share = x.failed / c2.total;
      const test = conditionalBinomialTest({ events: 0, total: b.total }, { events: x.failed, total: c2.total }, { varianceInflation: deff });
      const pChance = isInsufficient(test) ? 1 : test.pGreater;
      const fails = x.failed >= failCount && share >= failRate && pChance < policy.alpha;
      return {
        kind: "failure-signature",
        metric,
        ...s.scope ? { scope: s.scope } : {},
        statistic: "count",
        unit: "count",
        baseline: 0,
        current: x.failed,
        limit: { kind: "failure-signature", warnCount, failCount, failRate },
        beyond: fails || x.failed >= warnCount,
        // A fail is the policy's count rule, not a test among the many (no multiplicity adjustment); a
        // warning is the first occurrences, which no test could confirm.
        ...fails ? { deterministic: true } : {},
        details: {
          signature: {
            ...x.status !== void 0 ? { status: x.status } : {},
            ...x.errorCode !== void 0 ? { errorCode: x.errorCode } : {},
            failed: x.failed,
            share,
            pChance,
            designEffect: deff
          }
        }
      };
    });
  }
};
function designEffectOf(view, metric) {
  return view.aggregateOnly ? 1 : failuresDesignEffect(view.windows(metric, "rate"));
}
function signatureNote(baseline, current, failuresMetric, scope = { name: failuresMetric, tags: {} }) {
  if (!baseline || !current.errors(scope.tags, failuresMetric) || !baseline.errors(scope.tags, failuresMetric)) return void 0;
  const missing = [current.signatures(scope.tags, failuresMetric) ? void 0 : "the current run", baseline.signatures(scope.tags, failuresMetric) ? void 0 : "the baseline"].filter((w) => w !== void 0);
  if (missing.length === 0) return void 0;
  return `Failure signatures (status codes, k6 error codes) are not recorded in ${missing.join(" and ")} (a document written before perf-gate kept them, or a summary): new failure signatures cannot be told apart; failed requests are still compared.`;
}

// src/stats/cliffs-delta.ts
function cliffsDelta(baseline, current) {
  assertDistribution(baseline, "baseline");
  assertDistribution(current, "current");
  if (baseline.length === 0) return insufficient("baseline has no observations");
  if (current.length === 0) return insufficient("current has no observations");
  const { greater, less, ties } = pairCounts(baseline, current);
  const pairs = greater + less + ties;
  return {
    delta: (greater - less) / pairs,
    probabilityOfSuperiority: (greater + ties / 2) / pairs
  };
}

// src/stats/distribution-moments.ts
function distributionMoments(d) {
  let n = 0;
  let sum3 = 0;
  for (const b of d) {
    n += b.count;
    sum3 += b.value * b.count;
  }
  if (n < 2) return insufficient(`${n} ${n === 1 ? "observation" : "observations"} (needs \u2265 2)`, "too-few");
  const mean4 = sum3 / n;
  if (!(mean4 > 0 && Number.isFinite(mean4))) return insufficient("the mean is not a positive number");
  let ss = 0;
  for (const b of d) ss += b.count * (b.value - mean4) ** 2;
  const variance = ss / (n - 1);
  if (!Number.isFinite(variance)) return insufficient("the spread overflows");
  return { n, mean: mean4, variance };
}

// src/stats/minimum-detectable-effect.ts
function minimumDetectableEffect(se, options) {
  const { alpha } = options;
  const power = options.power ?? 0.8;
  if (Number.isNaN(se) || se < 0) throw new RangeError(`minimumDetectableEffect: se must be \u2265 0 but got ${se}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`minimumDetectableEffect: alpha must be in (0, 1) but got ${alpha}`);
  if (!(power > 0 && power < 1)) throw new RangeError(`minimumDetectableEffect: power must be in (0, 1) but got ${power}`);
  if (!Number.isFinite(se)) return insufficient("the spread of the data is not finite");
  if (se === 0) return insufficient("no spread and no noise floor: no smallest detectable change to state", "no-spread");
  const logRatio = (normalQuantile(1 - alpha) + normalQuantile(power)) * se;
  const increase = Math.expm1(logRatio);
  if (!Number.isFinite(increase)) return insufficient("the spread of the data is too large to state a detectable change");
  return { logRatio, increase, decrease: -Math.expm1(-logRatio) };
}

// src/stats/tail-spread-test.ts
function spreadOf(d, q, nEff, which) {
  const quantile2 = logQuantileOf(d, q, nEff);
  if (isInsufficient(quantile2)) return insufficient(`${which}: ${quantile2.reason}`, quantile2.cause);
  const median = logQuantileOf(d, 0.5, nEff);
  if (isInsufficient(median)) return insufficient(`${which}, median: ${median.reason}`, median.cause);
  return logSpreadOf(quantile2, median, q);
}

// src/stats/percentile-rise-test.ts
function percentileRiseTest(baseline, current, options) {
  const { q, nEffectiveBaseline: nb, nEffectiveCurrent: nc } = options;
  const noise = options.noise ?? 0;
  const shapeNoise = options.shapeNoise ?? noise;
  if (!(q > 0 && q < 1)) throw new RangeError(`percentileRiseTest: q must be in (0, 1) but got ${q}`);
  if (!(nb > 0) || !(nc > 0)) throw new RangeError(`percentileRiseTest: effective sizes must be > 0 but got ${nb} and ${nc}`);
  checkNoise(noise, shapeNoise);
  const b = percentileEstimate(baseline, q, nb, "baseline");
  if (isInsufficient(b)) return b;
  const c2 = percentileEstimate(current, q, nc, "current");
  if (isInsufficient(c2)) return c2;
  return percentileRiseOfEstimates(b, c2, { noise, shapeNoise });
}
function percentileEstimate(d, q, nEffective, side) {
  const which = side === "baseline" ? "baseline" : "current run";
  const level2 = logQuantileOf(d, q, nEffective);
  if (isInsufficient(level2)) return insufficient(`${which}: ${level2.reason}`, level2.cause, side);
  const spread = q > 0.5 ? spreadOf(d, q, nEffective, which) : void 0;
  return spread === void 0 || isInsufficient(spread) ? { level: level2, runs: 1 } : { level: level2, spread, runs: 1 };
}
function percentileRiseOfEstimates(baseline, current, options) {
  const { noise, shapeNoise } = options;
  checkNoise(noise, shapeNoise);
  for (const e of [baseline, current]) {
    if (!(Number.isInteger(e.runs) && e.runs >= 1)) throw new RangeError(`percentileRiseTest: runs must be a whole number \u2265 1 but got ${e.runs}`);
  }
  const rb = Math.sqrt(baseline.runs);
  const rc = Math.sqrt(current.runs);
  const level2 = logRatioTest(current.level.log - baseline.level.log, [baseline.level.se, current.level.se, noise / rb, noise / rc]);
  if (isInsufficient(level2)) return level2;
  const spread = baseline.spread && current.spread ? logRatioTest(current.spread.log - baseline.spread.log, [baseline.spread.se, current.spread.se, shapeNoise / rb, shapeNoise / rc]) : void 0;
  if (spread === void 0 || isInsufficient(spread)) return { test: level2, evidence: "level", pGreater: level2.pGreater, level: level2 };
  const bySpread = spread.pGreater < level2.pGreater;
  return {
    test: bySpread ? spread : level2,
    evidence: bySpread ? "spread" : "level",
    pGreater: Math.min(1, 2 * Math.min(level2.pGreater, spread.pGreater)),
    level: level2,
    spread
  };
}
function checkNoise(noise, shapeNoise) {
  if (!(noise >= 0 && Number.isFinite(noise))) throw new RangeError(`percentileRiseTest: noise must be a finite number \u2265 0 but got ${noise}`);
  if (!(shapeNoise >= 0 && Number.isFinite(shapeNoise))) throw new RangeError(`percentileRiseTest: shapeNoise must be a finite number \u2265 0 but got ${shapeNoise}`);
}

// src/stats/pooled-sampling-error.ts
function pooledVariancePerRequest(runs) {
  if (runs.length === 0) throw new RangeError("pooledVariancePerRequest: needs at least one run");
  let sum3 = 0;
  for (const r of runs) {
    if (!(Number.isFinite(r.se) && r.se >= 0)) throw new RangeError(`pooledVariancePerRequest: se must be a finite number \u2265 0 but got ${r.se}`);
    if (!(Number.isFinite(r.count) && r.count > 0)) throw new RangeError(`pooledVariancePerRequest: count must be > 0 but got ${r.count}`);
    sum3 += r.se * r.se * r.count;
  }
  return sum3 / runs.length;
}
function sharedStandardError(variancePerRequest, counts2) {
  if (!(Number.isFinite(variancePerRequest) && variancePerRequest >= 0)) throw new RangeError(`sharedStandardError: variance must be a finite number \u2265 0 but got ${variancePerRequest}`);
  if (counts2.length === 0) throw new RangeError("sharedStandardError: needs at least one run");
  let inverse = 0;
  for (const n of counts2) {
    if (!(Number.isFinite(n) && n > 0)) throw new RangeError(`sharedStandardError: count must be > 0 but got ${n}`);
    inverse += 1 / n;
  }
  return Math.sqrt(variancePerRequest * inverse) / counts2.length;
}

// src/gate/pooled-baseline.ts
var NO_POOLING = { maxRuns: 1, found: false, of: () => void 0 };
function poolBaseline(history, baseline, policy) {
  if (policy.baselineRuns < 2) return NO_POOLING;
  let at = -1;
  for (let i = history.length - 1; i >= 0; i--) {
    if (history[i].end === baseline.end && history[i].start === baseline.start) {
      at = i;
      break;
    }
  }
  if (at < 0) return { ...NO_POOLING, maxRuns: policy.baselineRuns };
  const runs = history.slice(Math.max(0, at - policy.baselineRuns + 1), at + 1).reverse();
  const cache = /* @__PURE__ */ new Map();
  return {
    maxRuns: policy.baselineRuns,
    found: true,
    of(scope, q) {
      const key = `${scope ? `${scope.tag}\0${scope.value}` : ""}${q}`;
      if (!cache.has(key)) cache.set(key, pool(runs, scope, q, policy));
      return cache.get(key);
    }
  };
}
function pool(runs, scope, q, policy) {
  const levels = [];
  const spreads = [];
  const counts2 = [];
  const shas = [];
  for (const run of runs) {
    const level2 = levelOfScope(run, scope);
    const quantile2 = quantileOf(level2, q);
    if (!quantile2) break;
    const newer = levels[levels.length - 1];
    if (newer && isChangeStep({ level: quantile2.log, se: quantile2.se }, { level: newer.log, se: newer.se }, levelNoise(policy.runToRunNoise, policy.runToRunNoiseMs, Math.exp(newer.log), "ms"))) break;
    levels.push(quantile2);
    counts2.push(level2.count);
    const median = q > 0.5 ? quantileOf(level2, 0.5) : void 0;
    if (median) spreads.push(logSpreadOf(quantile2, median, q));
    shas.push(run.sha);
  }
  if (levels.length < 2) return void 0;
  const everySpread = spreads.length === levels.length;
  const spread = everySpread ? { spread: poolLogEstimates(spreads) } : {};
  const errors = (xs) => xs.map((x, k) => ({ se: x.se, count: counts2[k] }));
  return {
    estimate: { level: poolLogEstimates(levels), ...spread, runs: levels.length },
    shas,
    baselineRunLog: levels[0].log,
    perRun: { level: errors(levels), ...everySpread ? { spread: errors(spreads) } : {} }
  };
}
function withSharedErrors(pooled, current, currentCount) {
  const counts2 = pooled.perRun.level.map((r) => r.count);
  const share = (runs, mine) => {
    const v = pooledVariancePerRequest([...runs, { se: mine.se, count: currentCount }]);
    return { baseline: sharedStandardError(v, counts2), current: sharedStandardError(v, [currentCount]) };
  };
  const level2 = share(pooled.perRun.level, current.level);
  const b = pooled.estimate;
  const spread = pooled.perRun.spread && b.spread && current.spread ? share(pooled.perRun.spread, current.spread) : void 0;
  return {
    baseline: { ...b, level: { log: b.level.log, se: level2.baseline }, ...spread && b.spread ? { spread: { log: b.spread.log, se: spread.baseline } } : {} },
    current: { ...current, level: { log: current.level.log, se: level2.current }, ...spread && current.spread ? { spread: { log: current.spread.log, se: spread.current } } : {} }
  };
}
function levelOfScope(run, scope) {
  return run.levels?.find((l) => scope ? l.scope?.tag === scope.tag && l.scope.value === scope.value : l.scope === void 0);
}
function quantileOf(level2, q) {
  const found = level2?.quantiles?.find((x) => Math.abs(x.q - q) < 1e-9);
  return found ? { log: found.log, se: found.se } : void 0;
}

// src/gate/detectors/latency.ts
var latency = {
  id: "latency",
  each: "scope",
  needs: "baseline",
  detect({ policy, baseline, current, noise: learned, pooled, mix }, s) {
    const limit = policy.regression.latency.maxIncrease;
    const figure = learned.of(s.scope);
    const unit = current.unitOf(s.name);
    const common = { kind: "latency", metric: s.name, ...s.scope ? { scope: s.scope } : {}, unit, limit: { kind: "max-increase", max: limit } };
    const out = [];
    for (const statistic of policy.regression.latency.statistics) {
      const q = statistic === "med" || statistic === "avg" ? void 0 : percentileKey(statistic);
      const baselineRun = baseline.value(s.name, statistic);
      const stored = q !== void 0 && !(mix && !s.scope) ? pooled?.of(s.scope, q) : void 0;
      const averaged = stored && baselineRun !== void 0 && baselineRun > 0 && Math.abs(stored.baselineRunLog - Math.log(baselineRun)) < 1e-9 ? stored : void 0;
      const b = averaged ? Math.exp(averaged.estimate.level.log) : baselineRun;
      const c2 = current.value(s.name, statistic);
      const base = { ...common, statistic, ...b !== void 0 ? { baseline: b } : {}, ...c2 !== void 0 ? { current: c2 } : {} };
      const noise = levelNoise(figure.noise, policy.runToRunNoiseMs, b, unit);
      const noiseDetail = { noise: { value: noise, source: figure.source, steps: figure.steps } };
      if (b === void 0 || c2 === void 0) {
        out.push({ ...base, beyond: false, insufficient: `${statistic} is not available in ${b === void 0 ? "the baseline" : "the current run"}`, shortfall: "missing", insufficientSide: b === void 0 ? "baseline" : "current" });
        continue;
      }
      if (!(b > 0)) {
        out.push({ ...base, beyond: false, insufficient: `baseline ${statistic} is 0 ms: no relative change` });
        continue;
      }
      const change = c2 / b - 1;
      const beyond = change > limit;
      const bd = baseline.distribution(s.name);
      const cd = current.distribution(s.name);
      if (!bd || !cd) {
        out.push({ ...base, change, beyond, details: { aggregateOnly: true } });
        continue;
      }
      const nb = totalCount(bd);
      const nc = totalCount(cd);
      if (nb < policy.minSamples || nc < policy.minSamples) {
        const n = Math.min(nb, nc);
        const few = statistic === "med" && n >= SMALL_SAMPLE_MIN ? shift(bd, cd, 1, noise) : void 0;
        if (few && !isInsufficient(few)) {
          out.push(tested(base, few, Math.expm1(few.test.logRatio), limit, {
            atMost: "warn",
            details: { smallSample: { baselineCount: nb, currentCount: nc, minSamples: policy.minSamples }, ...detectable(few.test, noise, policy.alpha), ...noiseDetail }
          }));
          continue;
        }
        out.push({
          ...base,
          change,
          beyond,
          insufficient: `${n} ${n === 1 ? "request" : "requests"} in ${nb < nc ? "the baseline" : "the current run"} (needs \u2265 ${policy.minSamples})`,
          shortfall: "too-few-requests",
          insufficientSide: nb < policy.minSamples ? "baseline" : "current"
        });
        continue;
      }
      const windowsB = baseline.windows(s.name, "trend");
      const windowsC = current.windows(s.name, "trend");
      const deffB = designEffectOfWindows(windowsB);
      const deffC = designEffectOfWindows(windowsC);
      const busyB = windowsB.filter((w) => w.count > 0).length;
      const busyC = windowsC.filter((w) => w.count > 0).length;
      const short = Math.min(busyB, busyC) < MIN_WINDOWS_TO_FAIL;
      const evidence = statistic === "med" ? shift(bd, cd, (nb * deffB + nc * deffC) / (nb + nc), noise) : statistic === "avg" ? mean2(bd, cd, deffB, deffC, noise) : quantile(bd, cd, q, nb / deffB, nc / deffC, nc, noise, policy.tailShapeNoise, averaged);
      if (isInsufficient(evidence)) {
        out.push({ ...base, change, beyond, insufficient: evidence.reason, shortfall: shortfallOf(evidence), ...evidence.side ? { insufficientSide: evidence.side } : {} });
        continue;
      }
      const reported = statistic === "med" ? Math.expm1(evidence.test.logRatio) : change;
      const superiority = statistic === "med" ? cliffsDelta(bd, cd) : void 0;
      out.push(tested(base, evidence, reported, limit, {
        ...short ? { atMost: "warn" } : {},
        details: {
          ...short ? { shortRun: { baselineWindows: busyB, currentWindows: busyC, needs: MIN_WINDOWS_TO_FAIL } } : {},
          ...superiority && !isInsufficient(superiority) ? { superiority: { probability: superiority.probabilityOfSuperiority, delta: superiority.delta } } : {},
          ...evidence.spread !== void 0 ? { tail: { fromMedian: Math.expm1(evidence.spread) } } : {},
          ...averaged && baselineRun !== void 0 ? { pooledBaseline: { runs: averaged.estimate.runs, shas: averaged.shas, baselineRun } } : {},
          ...detectable(evidence.test, noise, policy.alpha),
          ...noiseDetail
        }
      }));
    }
    return out;
  }
};
var MIN_WINDOWS_TO_FAIL = 8;
var SMALL_SAMPLE_MIN = 8;
var POWER = 0.8;
function detectable(test, noise, alpha) {
  const m = minimumDetectableEffect(test.se, { alpha, power: POWER });
  if (isInsufficient(m)) return {};
  const noiseSe = Math.SQRT2 * noise;
  const withinSe = Math.sqrt(Math.max(test.se * test.se - noiseSe * noiseSe, 0));
  return { detectable: { change: m.increase, power: POWER, alpha, withinSe, noiseSe } };
}
function tested(question, evidence, change, limit, more) {
  const { test } = evidence;
  const shown = evidence.level ?? test;
  return { ...question, change, beyond: change > limit, pValue: evidence.pValue, interval: { lower: shown.lower, upper: shown.upper }, intervalExcludesNoChange: test.lower > 0, ...more };
}
function shift(b, c2, designEffect, noise) {
  const t = relativeShiftTest(b, c2, { designEffect, noise });
  return isInsufficient(t) ? t : { test: t.test, pValue: t.pGreater };
}
function quantile(b, c2, q, nEffB, nEffC, countC, noise, shapeNoise, averaged) {
  if (q === void 0 || !(q > 0 && q < 1)) return insufficient("a percentile strictly between 0 and 100 is needed for a test");
  const t = averaged ? pooledRise(averaged, c2, q, nEffC, countC, noise, shapeNoise) : percentileRiseTest(b, c2, { q, nEffectiveBaseline: nEffB, nEffectiveCurrent: nEffC, noise, shapeNoise });
  if (isInsufficient(t)) return t;
  return { test: t.test, pValue: t.pGreater, level: t.level, ...t.evidence === "spread" ? { spread: t.test.logRatio } : {} };
}
function pooledRise(averaged, c2, q, nEffC, countC, noise, shapeNoise) {
  const current = percentileEstimate(c2, q, nEffC, "current");
  if (isInsufficient(current)) return current;
  const shared = withSharedErrors(averaged, current, countC);
  return percentileRiseOfEstimates(shared.baseline, shared.current, { noise, shapeNoise });
}
function mean2(b, c2, deffB, deffC, noise) {
  const mb = distributionMoments(b);
  const mc = distributionMoments(c2);
  if (isInsufficient(mb)) return insufficient(`baseline: ${mb.reason}`, mb.cause, "baseline");
  if (isInsufficient(mc)) return insufficient(`current run: ${mc.reason}`, mc.cause, "current");
  const seB = Math.sqrt(mb.variance / (mb.n / deffB)) / mb.mean;
  const seC = Math.sqrt(mc.variance / (mc.n / deffC)) / mc.mean;
  const test = logRatioTest(Math.log(mc.mean / mb.mean), [seB, seC, noise, noise]);
  return isInsufficient(test) ? test : { test, pValue: test.pGreater };
}

// src/stats/ols.ts
function ordinaryLeastSquares(x, y) {
  if (x.length !== y.length) throw new RangeError(`ordinaryLeastSquares: x has ${x.length} values but y has ${y.length}`);
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) {
      throw new RangeError(`ordinaryLeastSquares: point ${i} is (${x[i]}, ${y[i]}) (values must be finite)`);
    }
  }
  const n = x.length;
  if (n < 2) return insufficient(`a line needs at least 2 points but got ${n}`);
  if (x.every((v) => v === x[0])) return insufficient(`all ${n} points have the same x = ${x[0]} (no slope can be fitted)`);
  const meanX = average(x);
  const meanY = average(y);
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - meanX;
    const dy = y[i] - meanY;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  const constantY = y.every((v) => v === y[0]);
  const slope2 = constantY ? 0 : sxy / sxx;
  const intercept = constantY ? y[0] : meanY - slope2 * meanX;
  const rSquared = constantY ? 1 : Math.min(1, Math.max(0, sxy / sxx * (sxy / syy)));
  if (![slope2, intercept, rSquared].every(Number.isFinite) || !(sxx > 0)) {
    return insufficient("the values are too extreme for double precision (sums of squares overflow or underflow)");
  }
  return { slope: slope2, intercept, rSquared, n };
}
function average(values) {
  let m = 0;
  for (let i = 0; i < values.length; i++) m += (values[i] - m) / (i + 1);
  return m;
}

// src/stats/quantile-sorted.ts
function quantileSorted(sorted, p) {
  const n = sorted.length;
  if (n === 0) throw new RangeError("quantileSorted: the array is empty");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileSorted: p must be in [0, 1] but got ${p}`);
  const rank = p * (n - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(Math.ceil(rank), n - 1);
  return interpolate(sorted[lo], sorted[hi], rank - lo);
}

// src/stats/standard-deviation.ts
function sampleStandardDeviation(xs) {
  for (let i = 0; i < xs.length; i++) if (!Number.isFinite(xs[i])) throw new RangeError(`sampleStandardDeviation: value ${i} is ${xs[i]} (values must be finite)`);
  if (xs.length < 2) return 0;
  const mean4 = xs.reduce((a, x) => a + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - mean4) ** 2, 0) / (xs.length - 1));
}

// src/stats/theil-sen.ts
var THEIL_SEN_MAX_POINTS = 3e3;
function theilSen(x, y, options = {}) {
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`theilSen: confidence must be in (0, 1) but got ${confidence}`);
  if (x.length !== y.length) throw new RangeError(`theilSen: x has ${x.length} values but y has ${y.length}`);
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) {
      throw new RangeError(`theilSen: point ${i} is (${x[i]}, ${y[i]}) (values must be finite)`);
    }
  }
  let xs = x;
  let ys = y;
  if (x.length > THEIL_SEN_MAX_POINTS) {
    const pick = Array.from({ length: THEIL_SEN_MAX_POINTS }, (_, i) => Math.floor(i * x.length / THEIL_SEN_MAX_POINTS));
    xs = pick.map((i) => x[i]);
    ys = pick.map((i) => y[i]);
  }
  const n = xs.length;
  if (n < 3) return insufficient(`a trend needs at least 3 points but got ${n}`);
  if (xs.every((v) => v === xs[0])) return insufficient(`all ${n} points have the same x = ${xs[0]} (no trend can be fitted)`);
  const slopes = new Float64Array(n * (n - 1) / 2);
  let count2 = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (xs[j] !== xs[i]) slopes[count2++] = slope(xs[i], ys[i], xs[j], ys[j]);
    }
  }
  const sorted = slopes.subarray(0, count2).sort();
  const medianSlope = quantileSorted(sorted, 0.5);
  if (!Number.isFinite(medianSlope)) return overflow();
  const residuals = Float64Array.from(ys, (v, i) => v - medianSlope * xs[i]).sort();
  const intercept = quantileSorted(residuals, 0.5);
  const variance = Math.max(0, (n * (n - 1) * (2 * n + 5) - tieTerm(xs)) / 18);
  const z10 = normalQuantile(1 - (1 - confidence) / 2);
  const sigma = Math.sqrt(variance);
  const upperIndex = Math.min(Math.round((count2 + z10 * sigma) / 2), count2 - 1);
  const lowerIndex = Math.max(Math.round((count2 - z10 * sigma) / 2) - 1, 0);
  const lower = Math.min(sorted[lowerIndex], medianSlope);
  const upper = Math.max(sorted[upperIndex], medianSlope);
  if (![intercept, lower, upper].every(Number.isFinite)) return overflow();
  return { slope: medianSlope, intercept, lower, upper, n };
}
function overflow() {
  return insufficient("the slopes overflow double precision (x values too close together for the y range)");
}
function slope(x1, y1, x2, y2) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  if (Number.isFinite(dx) && Number.isFinite(dy)) return dy / dx;
  return (y2 / 2 - y1 / 2) / (x2 / 2 - x1 / 2);
}
function tieTerm(values) {
  const sorted = Float64Array.from(values).sort();
  let sum3 = 0;
  let run = 1;
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sorted[i] === sorted[i - 1]) {
      run++;
    } else {
      sum3 += run * (run - 1) * (2 * run + 5);
      run = 1;
    }
  }
  return sum3;
}

// src/gate/memory-trend.ts
var MB = 1024 * 1024;
var MEMORY_METRIC = "process_resident_memory_bytes";
function gcFloor(samples2, blockSize) {
  const out = [];
  for (let i = 0; i < samples2.length; i += blockSize) {
    const block = samples2.slice(i, i + blockSize);
    let min = block[0];
    for (const s of block) if (s.rssBytes < min.rssBytes) min = s;
    out.push({ t: block[Math.floor(block.length / 2)].t, rssBytes: min.rssBytes });
  }
  return out;
}
function memoryTrend(samplesIn, warmupSeconds) {
  const samples2 = samplesIn.filter((s) => Number.isFinite(s.t) && Number.isFinite(s.rssBytes) && s.rssBytes > 0).sort((a, b) => a.t - b.t);
  const discarded = samplesIn.length - samples2.length;
  if (samples2.length < 6) {
    return insufficient(`only ${samples2.length} memory samples${discarded > 0 ? ` (${discarded} of 0 bytes set aside)` : ""} (needs \u2265 6)`, "too-few");
  }
  const t0 = samples2[0].t;
  const afterWarmup2 = samples2.filter((s) => s.t - t0 >= warmupSeconds * 1e3);
  const used = afterWarmup2.length >= 6 ? afterWarmup2 : samples2.slice(Math.floor(samples2.length / 3));
  const floor = gcFloor(used, Math.max(1, Math.round(used.length / 60)));
  let peak = 0;
  for (const s of samples2) if (s.rssBytes > peak) peak = s.rssBytes;
  const base = { startBytes: used[0].rssBytes, endBytes: used[used.length - 1].rssBytes, peakBytes: peak, samples: samples2.length, discarded };
  const half = floor.slice(Math.floor(floor.length / 2));
  const level2 = quantileSorted(Float64Array.from(half, (s) => s.rssBytes).sort(), 0.5);
  const levelLogSd = sampleStandardDeviation(half.map((s) => Math.log(s.rssBytes)));
  const hours = (s) => (s.t - t0) / 36e5;
  const whole = theilSen(floor.map(hours), floor.map((s) => s.rssBytes / MB), { confidence: 0.95 });
  const steady = theilSen(half.map(hours), half.map((s) => s.rssBytes / MB), { confidence: 0.95 });
  const ols = ordinaryLeastSquares(floor.map(hours), floor.map((s) => s.rssBytes / MB));
  const spanHours = (used[used.length - 1].t - used[0].t) / 36e5;
  return {
    ...base,
    levelBytes: level2,
    levelLogSd,
    ...isInsufficient(whole) ? {} : { slopeMBPerHour: whole.slope, slopeInterval: { lower: whole.lower, upper: whole.upper } },
    ...isInsufficient(ols) ? {} : { rSquared: ols.rSquared },
    ...isInsufficient(steady) ? {} : { steadySlopeMBPerHour: steady.slope, steadySlopeInterval: { lower: steady.lower, upper: steady.upper }, growth: steady.slope * spanHours / (level2 / MB) }
  };
}

// src/gate/detectors/memory-growth.ts
var memoryGrowth = {
  id: "memory-growth",
  each: "run",
  needs: "current",
  detect({ policy, memory }) {
    const e = policy.endurance;
    const current = memory.current;
    if (!e || !current) return [];
    const growthLimit = { kind: "max-increase", max: e.memoryGrowth };
    if (current.growth === void 0 || current.steadySlopeInterval === void 0 || current.slopeInterval === void 0 || current.steadySlopeMBPerHour === void 0) {
      return [{ metric: MEMORY_METRIC, kind: "leak", statistic: "slope", unit: "MB/h", limit: growthLimit, beyond: false, insufficient: "too few memory samples after warm-up to fit a slope", shortfall: "too-short" }];
    }
    const growing = current.growth > e.memoryGrowth;
    const credible = current.steadySlopeInterval.lower > 0 && current.slopeInterval.lower > 0;
    const details = {
      memory: {
        startBytes: current.startBytes,
        endBytes: current.endBytes,
        slopeMBPerHour: current.steadySlopeMBPerHour,
        slopeInterval: current.steadySlopeInterval,
        growth: current.growth,
        growthLimit: e.memoryGrowth
      }
    };
    const out = [{
      metric: MEMORY_METRIC,
      kind: "memory",
      statistic: "growth",
      unit: "fraction",
      current: current.growth,
      change: current.growth,
      limit: growthLimit,
      beyond: growing,
      intervalExcludesNoChange: credible,
      deterministic: credible,
      details
    }];
    if (e.leak) {
      out.push({
        metric: MEMORY_METRIC,
        kind: "leak",
        statistic: "slope",
        unit: "MB/h",
        current: current.steadySlopeMBPerHour,
        limit: { kind: "no-sustained-growth" },
        beyond: growing && credible,
        intervalExcludesNoChange: credible,
        deterministic: true,
        details
      });
    }
    return out;
  }
};

// src/gate/detectors/memory-level.ts
var memoryLevel = {
  id: "memory-level",
  each: "run",
  needs: "baseline",
  detect({ policy, baseline, memory }) {
    const current = memory.current;
    if (!current || !baseline.doc.memory) return [];
    const limit = policy.regression.memory.maxIncrease;
    const common = { kind: "memory", metric: MEMORY_METRIC, statistic: "level", unit: "bytes", limit: { kind: "max-increase", max: limit } };
    const before = memory.baseline;
    if (!before) return [{ ...common, current: current.levelBytes, beyond: false, insufficient: "no baseline memory samples", shortfall: "missing" }];
    const change = current.levelBytes / before.levelBytes - 1;
    const base = { ...common, baseline: before.levelBytes, current: current.levelBytes, change, beyond: change > limit };
    const noise = policy.runToRunNoise;
    const test = logRatioTest(Math.log(current.levelBytes / before.levelBytes), [before.levelLogSd, current.levelLogSd, noise, noise]);
    if (isInsufficient(test)) return [{ ...base, insufficient: test.reason, shortfall: shortfallOf(test) }];
    return [{ ...base, pValue: test.pGreater, interval: { lower: test.lower, upper: test.upper }, intervalExcludesNoChange: test.lower > 0 }];
  }
};

// src/stats/paired-log-ratio.ts
function pairedLogRatio(pairs, options = {}) {
  const confidence = options.confidence ?? 0.95;
  const minPairs = options.minPairs ?? 3;
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`pairedLogRatio: confidence must be in (0, 1) but got ${confidence}`);
  if (!(Number.isInteger(minPairs) && minPairs >= 2)) throw new RangeError(`pairedLogRatio: minPairs must be a whole number \u2265 2 but got ${minPairs}`);
  for (const p of pairs) {
    if (p.se !== void 0 && !(p.se > 0)) throw new RangeError(`pairedLogRatio: a pair's se must be > 0 but got ${p.se}`);
  }
  const k = pairs.length;
  if (k < minPairs) return insufficient(`${k} usable round ${k === 1 ? "pair" : "pairs"} (needs \u2265 ${minPairs})`, "too-few");
  const ys = pairs.map((p) => p.logRatio);
  if (!ys.every(Number.isFinite) || !pairs.every((p) => p.se === void 0 || Number.isFinite(p.se))) return insufficient("a round pair has a ratio or standard error that is not finite");
  const plain = mean3(ys);
  const spread = Math.sqrt(ys.reduce((s, y) => s + (y - plain) ** 2, 0) / (k - 1));
  const df = k - 1;
  let estimate;
  let se;
  let method;
  if (pairs.every((p) => p.se !== void 0)) {
    const v = pairs.map((p) => p.se ** 2);
    const w = v.map((x) => 1 / x);
    const sw = sum(w);
    const fixed = sum(w.map((wi, i) => wi * ys[i])) / sw;
    const cochranQ = sum(w.map((wi, i) => wi * (ys[i] - fixed) ** 2));
    const tau2 = Math.max(0, (cochranQ - df) / (sw - sum(w.map((wi) => wi * wi)) / sw));
    const wr = v.map((x) => 1 / (x + tau2));
    const swr = sum(wr);
    estimate = sum(wr.map((wi, i) => wi * ys[i])) / swr;
    const q = sum(wr.map((wi, i) => wi * (ys[i] - estimate) ** 2)) / df;
    se = Math.sqrt(Math.max(1, q) / swr);
    method = "weighted";
  } else {
    estimate = plain;
    se = spread / Math.sqrt(k);
    method = "equal";
    if (!(se > 0)) return insufficient(`the ${k} round pairs agree exactly and none has a standard error: nothing bounds the change`, "no-spread");
  }
  if (!(se > 0 && Number.isFinite(se) && Number.isFinite(estimate))) return insufficient("the round pairs give no finite standard error");
  const t = estimate / se;
  const pLess = studentTCdf(t, df);
  const half = studentTQuantile(0.5 + confidence / 2, df) * se;
  const lower = Math.expm1(estimate - half);
  const upper = Math.expm1(estimate + half);
  if (!Number.isFinite(upper)) return insufficient("the interval of the change is too wide to state");
  return { logRatio: estimate, se, df, pGreater: 1 - pLess, pLess, lower, upper, confidence, pairs: k, spread, method };
}
function sum(xs) {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
function mean3(xs) {
  return sum(xs) / xs.length;
}

// src/gate/detectors/paired-latency.ts
var PAIR_MIN_REQUESTS = 5;
var POWER2 = 0.8;
var pairedLatency = {
  id: "paired-latency",
  each: "scope",
  needs: "baseline",
  detect({ policy, baseline, current, pairs, mix }, s) {
    if (!pairs) return [];
    const limit = policy.regression.latency.maxIncrease;
    const unit = current.unitOf(s.name);
    const out = [];
    for (const statistic of policy.regression.latency.statistics) {
      const b = baseline.value(s.name, statistic);
      const c2 = current.value(s.name, statistic);
      const question = {
        kind: "latency",
        metric: s.name,
        ...s.scope ? { scope: s.scope } : {},
        statistic,
        unit,
        limit: { kind: "max-increase", max: limit },
        ...b !== void 0 ? { baseline: b } : {},
        ...c2 !== void 0 ? { current: c2 } : {}
      };
      if (b === void 0 || c2 === void 0) {
        out.push({ ...question, beyond: false, insufficient: `${statistic} is not available in ${b === void 0 ? "the baseline rounds" : "the candidate rounds"}`, shortfall: "missing" });
        continue;
      }
      if (mix && !s.scope) {
        out.push({ ...question, beyond: false, insufficient: "the two services were given different request mixes: the whole run is judged through its endpoints", shortfall: "mix-changed" });
        continue;
      }
      const estimates = pairs.flatMap((p) => pairEstimate(p, s, statistic));
      const combined = pairedLogRatio(estimates);
      if (isInsufficient(combined)) {
        out.push({ ...question, beyond: false, insufficient: combined.reason, shortfall: shortfallOf(combined, "too-short") });
        continue;
      }
      const change = Math.expm1(combined.logRatio);
      out.push({
        ...question,
        change,
        beyond: change > limit,
        pValue: combined.pGreater,
        df: combined.df,
        interval: { lower: combined.lower, upper: combined.upper },
        intervalExcludesNoChange: combined.lower > 0,
        details: {
          paired: { ratios: estimates.map((e) => Math.exp(e.logRatio)), spread: combined.spread, method: combined.method },
          // What these pairs could catch with 80 % power at α, on their own t; more pairs shrink se as 1/√pairs.
          detectable: { change: Math.expm1((studentTQuantile(1 - policy.alpha, combined.df) + studentTQuantile(POWER2, combined.df)) * combined.se), power: POWER2, alpha: policy.alpha, withinSe: combined.se, noiseSe: 0 }
        }
      });
    }
    return out;
  }
};
function pairEstimate(pair, s, statistic) {
  const bd = pair.baseline.distribution(s.name);
  const cd = pair.current.distribution(s.name);
  if (!bd || !cd) return [];
  const nb = totalCount(bd);
  const nc = totalCount(cd);
  if (nb < PAIR_MIN_REQUESTS || nc < PAIR_MIN_REQUESTS) return [];
  const deffB = roundDesignEffect(pair.baseline, s.name);
  const deffC = roundDesignEffect(pair.current, s.name);
  if (statistic === "med") {
    const t2 = relativeShiftTest(bd, cd, { designEffect: (nb * deffB + nc * deffC) / (nb + nc) });
    return isInsufficient(t2) ? [] : [{ logRatio: t2.test.logRatio, se: t2.test.se }];
  }
  const b = pair.baseline.value(s.name, statistic);
  const c2 = pair.current.value(s.name, statistic);
  if (b === void 0 || c2 === void 0 || !(b > 0) || !(c2 > 0)) return [];
  const logRatio = Math.log(c2 / b);
  const q = percentileKey(statistic);
  if (q === void 0 || !(q > 0 && q < 1)) return [{ logRatio }];
  const t = percentileRiseTest(bd, cd, { q, nEffectiveBaseline: nb / deffB, nEffectiveCurrent: nc / deffC });
  return isInsufficient(t) || !(t.level.se > 0) ? [{ logRatio }] : [{ logRatio, se: t.level.se }];
}
function roundDesignEffect(view, name) {
  return designEffectOfWindows(view.windows(name, "trend"));
}

// src/stats/autocorrelation.ts
function lag1Autocorrelation(xs) {
  let scale = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (!Number.isFinite(x)) throw new RangeError(`lag1Autocorrelation: value ${i} is ${x} (values must be finite)`);
    scale = Math.max(scale, Math.abs(x));
  }
  const n = xs.length;
  if (n < 3) return insufficient(`lag-1 autocorrelation needs at least 3 values but got ${n}`);
  if (xs.every((x) => x === xs[0])) return insufficient(`all ${n} values are equal (no variance)`);
  const ys = xs.map((x) => x / scale);
  let mean4 = 0;
  for (const y of ys) mean4 += y;
  mean4 /= n;
  let denominator = 0;
  for (const y of ys) denominator += (y - mean4) ** 2;
  let numerator = 0;
  for (let t = 0; t + 1 < n; t++) numerator += (ys[t] - mean4) * (ys[t + 1] - mean4);
  if (!(denominator > 0)) return insufficient(`the ${n} values are too close together to estimate a correlation`);
  return Math.min(1, Math.max(-1, numerator / denominator));
}
function effectiveSampleSize(n, rho) {
  if (!(Number.isFinite(n) && n >= 1)) throw new RangeError(`effectiveSampleSize: n must be a finite number \u2265 1 but got ${n}`);
  if (Number.isNaN(rho)) throw new RangeError("effectiveSampleSize: rho must be a number but got NaN");
  const r = Math.min(1, Math.max(0, rho));
  return Math.min(n, Math.max(1, n * (1 - r) / (1 + r)));
}

// src/stats/log-mean-se.ts
function logMeanStandardError(values) {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) throw new RangeError(`logMeanStandardError: value ${i} is ${values[i]} (values must be finite)`);
  if (values.length < 3) return insufficient(`only ${values.length} values (needs \u2265 3)`, "too-few");
  const mean4 = values.reduce((a, x) => a + x, 0) / values.length;
  if (!(mean4 > 0)) return insufficient("the mean is not above 0");
  const variance = values.reduce((a, x) => a + (x - mean4) ** 2, 0) / (values.length - 1);
  const rho = lag1Autocorrelation(values);
  const nEff = effectiveSampleSize(values.length, isInsufficient(rho) ? 0 : rho);
  return Math.sqrt(variance / nEff) / mean4;
}

// src/gate/detectors/throughput.ts
var throughput = {
  id: "throughput",
  each: "run",
  needs: "baseline",
  detect({ policy, roles, baseline, current, mix }) {
    const requests = roles.requests;
    const b = baseline.throughput({}, requests);
    const c2 = current.throughput({}, requests);
    if (c2 === void 0) return [];
    const limit = policy.regression.throughput.maxDecrease;
    const common = { kind: "throughput", metric: requests, statistic: "rate", unit: "req/s", limit: { kind: "max-decrease", max: limit } };
    if (b === void 0 || b <= 0) return [{ ...common, current: c2, beyond: false, insufficient: "the baseline has no requests", shortfall: "missing" }];
    if (c2 <= 0) return [{ ...common, baseline: b, current: 0, change: -1, beyond: true, deterministic: true, details: { noRequests: true } }];
    const change = c2 / b - 1;
    if (mix) return [{ ...common, baseline: b, current: c2, change, beyond: false, insufficient: "the test's request mix changed, so requests per second measure different work", shortfall: "mix-changed" }];
    const base = { ...common, baseline: b, current: c2, change, beyond: change < -limit };
    if (baseline.aggregateOnly || current.aggregateOnly) return [{ ...base, details: { aggregateOnly: true } }];
    const sb = windowRateSe(baseline.windows(requests, "counter"), baseline.doc.windows.widthMs);
    const sc = windowRateSe(current.windows(requests, "counter"), current.doc.windows.widthMs);
    if (isInsufficient(sb)) return [{ ...base, insufficient: `baseline: ${sb.reason}`, shortfall: shortfallOf(sb, "too-short") }];
    if (isInsufficient(sc)) return [{ ...base, insufficient: `current run: ${sc.reason}`, shortfall: shortfallOf(sc, "too-short") }];
    const noise = policy.runToRunNoise;
    const test = logRatioTest(Math.log(c2 / b), [sb, sc, noise, noise]);
    if (isInsufficient(test)) return [{ ...base, insufficient: test.reason, shortfall: shortfallOf(test) }];
    return [{
      ...base,
      pValue: test.pLess,
      // one-sided: lower throughput is harmful
      interval: { lower: test.lower, upper: test.upper },
      intervalExcludesNoChange: test.upper < 0
    }];
  }
};
function windowRateSe(windows, widthMs) {
  const inner = windows.slice(1, -1).map((w) => w.count / (widthMs / 1e3));
  if (inner.length < 3) return insufficient(`only ${windows.length} time windows (needs \u2265 5)`, "too-few");
  const se = logMeanStandardError(inner);
  return isInsufficient(se) ? insufficient("no requests") : se;
}

// src/gate/detectors/paired-throughput.ts
var pairedThroughput = {
  id: "paired-throughput",
  each: "run",
  needs: "baseline",
  detect({ policy, roles, baseline, current, pairs, mix }) {
    if (!pairs) return [];
    const requests = roles.requests;
    const b = baseline.throughput({}, requests);
    const c2 = current.throughput({}, requests);
    if (c2 === void 0) return [];
    const limit = policy.regression.throughput.maxDecrease;
    const common = { kind: "throughput", metric: requests, statistic: "rate", unit: "req/s", limit: { kind: "max-decrease", max: limit }, ...b !== void 0 ? { baseline: b } : {}, current: c2 };
    if (b === void 0 || !(b > 0)) return [{ ...common, beyond: false, insufficient: "the baseline rounds have no requests", shortfall: "missing" }];
    if (mix) return [{ ...common, beyond: false, insufficient: "the two services were given different request mixes, so requests per second measure different work", shortfall: "mix-changed" }];
    const estimates = pairs.flatMap((p) => pairRate(p, requests));
    const combined = pairedLogRatio(estimates);
    if (isInsufficient(combined)) return [{ ...common, beyond: false, insufficient: combined.reason, shortfall: shortfallOf(combined, "too-short") }];
    const change = Math.expm1(combined.logRatio);
    return [{
      ...common,
      change,
      beyond: change < -limit,
      pValue: combined.pLess,
      // one-sided: lower throughput is harmful
      df: combined.df,
      interval: { lower: combined.lower, upper: combined.upper },
      intervalExcludesNoChange: combined.upper < 0,
      details: { paired: { ratios: estimates.map((e) => Math.exp(e.logRatio)), spread: combined.spread, method: combined.method } }
    }];
  }
};
function pairRate(pair, requests) {
  const b = pair.baseline.throughput({}, requests);
  const c2 = pair.current.throughput({}, requests);
  if (b === void 0 || c2 === void 0 || !(b > 0) || !(c2 > 0)) return [];
  const sb = windowRateSe(pair.baseline.windows(requests, "counter"), pair.baseline.doc.windows.widthMs);
  const sc = windowRateSe(pair.current.windows(requests, "counter"), pair.current.doc.windows.widthMs);
  const logRatio = Math.log(c2 / b);
  return isInsufficient(sb) || isInsufficient(sc) || !(Math.hypot(sb, sc) > 0) ? [{ logRatio }] : [{ logRatio, se: Math.hypot(sb, sc) }];
}

// src/gate/detectors/thresholds.ts
var thresholds = {
  id: "thresholds",
  each: "run",
  needs: "current",
  detect({ policy, current, baseline }) {
    const out = [];
    for (const t of policy.thresholds) {
      for (const expr of t.expressions) {
        const key = aggregationKey(expr.aggregation);
        const scope = scopeOfSelector(t.metric);
        const common = { kind: "threshold", metric: t.metric, ...scope ? { scope } : {}, statistic: key, unit: current.unitOfStatistic(t.metric, key), limit: { kind: "threshold", expression: expr.source }, deterministic: true };
        if (!current.scope(t.metric) && ZERO_WHEN_ABSENT.has(t.metric)) {
          const result2 = evaluateThreshold(expr, (k) => k === "count" || k === "rate" ? 0 : void 0);
          if (result2.ok !== "unknown") out.push({ ...common, current: result2.actual, beyond: !result2.ok });
          continue;
        }
        if (!current.scope(t.metric)) {
          const before = baseline?.scope(t.metric) ? baseline.value(t.metric, "count") : void 0;
          if (before !== void 0 && before > 0) {
            out.push({ ...common, beyond: true, lost: { what: "selector", baselineCount: before } });
          } else {
            const origin = t.origin === "preset" ? " (a preset SLO)" : t.origin === "script" ? " (from the script's thresholds)" : "";
            out.push({ ...common, beyond: false, insufficient: `the run has no '${t.metric}'${origin}`, shortfall: "missing" });
          }
          continue;
        }
        const result = evaluateThreshold(expr, (k) => current.value(t.metric, k));
        if (result.ok === "unknown") out.push({ ...common, beyond: false, insufficient: result.reason, shortfall: "missing" });
        else out.push({ ...common, current: result.actual, beyond: !result.ok });
      }
    }
    return out;
  }
};
function scopeOfSelector(selector) {
  const parsed = tryParseMetricSelector(selector);
  if ("error" in parsed) return void 0;
  const first2 = Object.entries(parsed.tags)[0];
  return first2 ? { tag: first2[0], value: first2[1] } : void 0;
}

// src/gate/detectors/index.ts
var DETECTORS = [thresholds, coverage, latency, endOfRun, errorRate, failureSignatures, throughput, memoryLevel, memoryGrowth, degradation];
var AB_DETECTORS = [thresholds, coverage, pairedLatency, errorRate, failureSignatures, pairedThroughput];

// src/gate/resources.ts
var RESOURCE_RULES = {
  cpuPerRequest: { factor: 1.2, absolute: 0.02 },
  // GC per request wobbles by ×2 between A/A runs of the example API at a few hundredths of a millisecond.
  gcPerRequest: { factor: 1.5, absolute: 0.1 },
  eventLoopLag: { factor: 2, absolute: 10 },
  openFds: { factor: 2, absolute: 20 }
};
var BUSIER_FACTOR = 1.2;
var MIN_SAMPLES = 3;
function compareResources(baseline, current) {
  const samples2 = current.memory?.samples ?? [];
  const now = resourceUse(current, samples2);
  if (now === void 0) return void 0;
  const before = baseline ? resourceUse(baseline, baseline.memory?.samples ?? []) : void 0;
  const third = Math.floor(samples2.length / 3);
  const early = third >= MIN_SAMPLES ? resourceUse(current, samples2.slice(0, third)) : void 0;
  const late = third >= MIN_SAMPLES ? resourceUse(current, samples2.slice(samples2.length - third)) : void 0;
  return {
    current: now,
    ...before ? { baseline: before } : {},
    changes: before ? changesBetween(before, now) : [],
    withinRun: early && late ? changesBetween(early, late) : []
  };
}
function resourceUse(doc, samples2) {
  const sorted = [...samples2].filter((s) => Number.isFinite(s.t)).sort((a, b) => a.t - b.t);
  if (sorted.length < MIN_SAMPLES || !sorted.some(hasResource)) return void 0;
  const first2 = sorted[0];
  const last2 = sorted[sorted.length - 1];
  const requests = requestsBetween(doc, first2.t, last2.t);
  const seconds2 = (last2.t - first2.t) / 1e3;
  if (requests === void 0 || requests <= 0 || seconds2 <= 0) return void 0;
  const used = (pick) => {
    const a = pick(first2);
    const b = pick(last2);
    return a !== void 0 && b !== void 0 && b >= a ? b - a : void 0;
  };
  const lags = sorted.flatMap((s) => s.eventLoopLagP99Seconds !== void 0 ? [s.eventLoopLagP99Seconds * 1e3] : []).sort((a, b) => a - b);
  const fds = sorted.flatMap((s) => s.openFds !== void 0 ? [s.openFds] : []);
  const cpu = used((s) => s.cpuSeconds);
  const gc = used((s) => s.gcSeconds);
  return {
    ...cpu !== void 0 ? { cpuPerRequestMs: cpu * 1e3 / requests, cpuCores: cpu / seconds2 } : {},
    ...gc !== void 0 ? { gcPerRequestMs: gc * 1e3 / requests, gcCores: gc / seconds2 } : {},
    ...lags.length > 0 ? { eventLoopLagP99Ms: quantileSorted(lags, 0.5) } : {},
    ...fds.length > 0 ? { openFdsMax: Math.max(...fds) } : {},
    requestsPerSecond: requests / seconds2,
    samples: sorted.length
  };
}
function hasResource(s) {
  return s.cpuSeconds !== void 0 || s.gcSeconds !== void 0 || s.eventLoopLagP99Seconds !== void 0 || s.openFds !== void 0;
}
function requestsBetween(doc, fromMs, toMs) {
  const name = doc.meta.roles?.requests ?? "http_reqs";
  const windows = doc.windows.series[name];
  if (!windows || windows.length === 0 || toMs <= fromMs) return void 0;
  const { originMs, widthMs } = doc.windows;
  let sum3 = 0;
  for (const w of windows) {
    const start = originMs + w.i * widthMs;
    const overlap = Math.min(start + widthMs, toMs) - Math.max(start, fromMs);
    if (overlap > 0) sum3 += w.count * (overlap / widthMs);
  }
  return sum3;
}
var FIELDS = [
  { resource: "cpuPerRequest", of: (u) => u.cpuPerRequestMs, perSecond: (u) => u.cpuCores },
  { resource: "gcPerRequest", of: (u) => u.gcPerRequestMs, perSecond: (u) => u.gcCores },
  { resource: "eventLoopLag", of: (u) => u.eventLoopLagP99Ms },
  { resource: "openFds", of: (u) => u.openFdsMax }
];
function changesBetween(from, to) {
  return FIELDS.flatMap(({ resource, of, perSecond }) => {
    const a = of(from);
    const b = of(to);
    if (a === void 0 || b === void 0 || !(a > 0) || !Number.isFinite(b)) return [];
    const rule = RESOURCE_RULES[resource];
    const busier = perSecond === void 0 || (perSecond(to) ?? 0) >= (perSecond(from) ?? Number.POSITIVE_INFINITY) * BUSIER_FACTOR;
    return [{ resource, from: a, to: b, ratio: b / a, moved: b >= a * rule.factor && b - a >= rule.absolute && busier }];
  });
}

// src/gate/capacity.ts
var SUSTAIN = 3;
var MIN_WINDOW_REQUESTS = 20;
var BREAK_AWAY = 2;
var DEFAULT_ERROR_RATE = 0.01;
var GROWTH = 2;
function compareCapacity(baseline, current, roles, thresholds2) {
  if (capacityOf(current, roles, thresholds2) === void 0) return void 0;
  const before = baseline ? capacityOf(baseline, roles, thresholds2, { onlyWhenGrowing: false }) : void 0;
  const now = capacityOf(current, roles, thresholds2, before ? { rule: before.rule } : {});
  if (now === void 0) return void 0;
  const change = now.sustainedRps !== void 0 && before?.sustainedRps !== void 0 && before.sustainedRps > 0 ? now.sustainedRps / before.sustainedRps - 1 : void 0;
  return { current: now, ...before ? { baseline: before } : {}, ...change !== void 0 ? { change } : {} };
}
function capacityOf(view, roles, thresholds2, options = {}) {
  const windowSeconds2 = view.doc.windows.widthMs / 1e3;
  const figures = windowFigures(view, roles, windowSeconds2);
  const judged = figures.filter((w) => w.latency !== void 0 || w.errorRate !== void 0);
  if (judged.length < SUSTAIN || windowSeconds2 <= 0) return void 0;
  if ((options.onlyWhenGrowing ?? true) && !loadGrew(judged)) return void 0;
  const rule = options.rule ?? ruleOf(judged, roles, thresholds2);
  let best;
  let knee;
  let metSeen = false;
  let streak = [];
  let met = 0;
  for (const w of figures) {
    const verdict = judge(w, rule);
    if (verdict === "unknown") {
      streak = [];
      continue;
    }
    if (verdict === "met") {
      met++;
      metSeen = true;
      streak.push(w);
      if (streak.length > SUSTAIN) streak.shift();
      if (streak.length === SUSTAIN) {
        const rps = [...streak.map((x) => x.rps)].sort((a, b) => a - b)[Math.floor(SUSTAIN / 2)];
        const vusSeen = streak.flatMap((x) => x.vus !== void 0 ? [x.vus] : []);
        if (best === void 0 || rps > best.rps) best = { rps, ...vusSeen.length > 0 ? { vus: Math.max(...vusSeen) } : {} };
      }
      continue;
    }
    streak = [];
    if (metSeen && knee === void 0) knee = { atSeconds: (w.i + 1) * windowSeconds2 - startOffsetSeconds(view), rps: w.rps, ...w.vus !== void 0 ? { vus: w.vus } : {}, broke: verdict };
  }
  return {
    ...best ? { sustainedRps: best.rps, ...best.vus !== void 0 ? { sustainedVus: best.vus } : {} } : {},
    ...knee ? { knee: { ...knee, atSeconds: Math.max(0, knee.atSeconds) } } : {},
    rule,
    windows: judged.length,
    windowsMet: met,
    windowSeconds: windowSeconds2
  };
}
function startOffsetSeconds(view) {
  const start = Date.parse(view.doc.meta.start);
  return Number.isFinite(start) ? (start - view.doc.windows.originMs) / 1e3 : 0;
}
function windowFigures(view, roles, windowSeconds2) {
  const requests = view.windows(roles.requests, "counter");
  const latency2 = new Map(view.windows(roles.latency, "trend").map((w) => [w.i, w]));
  const failures = new Map(view.windows(roles.failures, "rate").map((w) => [w.i, w]));
  const vus = new Map(view.windows("vus", "gauge").map((w) => [w.i, w.max]));
  return requests.filter((w) => w.count > 0).sort((a, b) => a.i - b.i).map((w) => {
    const lat = latency2.get(w.i);
    const fail = failures.get(w.i);
    const v = vus.get(w.i);
    return {
      i: w.i,
      rps: w.count / windowSeconds2,
      ...v !== void 0 ? { vus: v } : {},
      ...lat && lat.count >= MIN_WINDOW_REQUESTS ? { latency: lat.sketch } : {},
      ...fail && fail.count >= MIN_WINDOW_REQUESTS ? { errorRate: fail.passes / fail.count } : {}
    };
  });
}
function loadGrew(windows) {
  const load = windows.map((w) => w.vus ?? w.rps).filter((x) => x > 0).sort((a, b) => a - b);
  if (load.length < SUSTAIN * 2) return false;
  return quantileSorted(load, 0.9) >= GROWTH * quantileSorted(load, 0.1);
}
function ruleOf(windows, roles, thresholds2) {
  const latencySlo = firstUpperBound(thresholds2, roles.latency, (e) => e.aggregation.kind === "percentile" || e.aggregation.kind === "avg" || e.aggregation.kind === "med");
  const errorSlo = firstUpperBound(thresholds2, roles.failures, (e) => e.aggregation.kind === "rate");
  const errors = errorSlo ? { errorRate: errorSlo.value, errorRateFrom: "slo" } : { errorRate: DEFAULT_ERROR_RATE, errorRateFrom: "default" };
  if (latencySlo) {
    const a = latencySlo.aggregation;
    const statistic = a.kind === "percentile" ? a.p / 100 : a.kind === "avg" ? "avg" : "med";
    return { latency: { statistic, belowMs: latencySlo.value, from: "slo" }, ...errors };
  }
  const withLatency = windows.filter((w) => w.latency !== void 0).sort((a, b) => a.rps - b.rps);
  const low = withLatency.slice(0, Math.max(1, Math.floor(withLatency.length / 4)));
  const levels = low.map((w) => statisticOf(w, 0.95)).filter((x) => x !== void 0).sort((a, b) => a - b);
  const level2 = levels.length > 0 ? quantileSorted(levels, 0.5) : void 0;
  return { ...level2 !== void 0 && level2 > 0 ? { latency: { statistic: 0.95, belowMs: level2 * BREAK_AWAY, from: "break-away" } } : {}, ...errors };
}
function firstUpperBound(thresholds2, metric, accept) {
  for (const set of thresholds2) {
    if (set.metric !== metric) continue;
    const e = set.expressions.find((x) => (x.operator === "<" || x.operator === "<=") && accept(x));
    if (e) return e;
  }
  return void 0;
}
function statisticOf(w, statistic) {
  if (w.latency === void 0) return void 0;
  const sketch = WindowSketch.decode(w.latency);
  const v = statistic === "avg" ? mean(sketch.distribution()) : sketch.percentile(statistic === "med" ? 0.5 : statistic);
  return isInsufficient(v) ? void 0 : v;
}
function judge(w, rule) {
  const latency2 = rule.latency ? statisticOf(w, rule.latency.statistic) : void 0;
  if (latency2 === void 0 && w.errorRate === void 0) return "unknown";
  if (w.errorRate !== void 0 && w.errorRate >= rule.errorRate) return "errors";
  if (rule.latency && latency2 !== void 0 && latency2 >= rule.latency.belowMs) return "latency";
  return "met";
}

// src/stats/mixture.ts
function mixture(parts, total2) {
  if (!Number.isSafeInteger(total2) || total2 < 0) throw new RangeError(`mixture: total must be a whole number \u2265 0 but got ${total2}`);
  parts.forEach((p, i) => {
    if (!(p.share >= 0 && Number.isFinite(p.share))) throw new RangeError(`mixture: part ${i} has share ${p.share} (must be finite and \u2265 0)`);
    assertDistribution(p.distribution, `mixture part ${i}`);
  });
  const used = parts.filter((p) => p.share > 0 && p.distribution.length > 0);
  const shareSum = used.reduce((s, p) => s + p.share, 0);
  if (used.length === 0 || !(shareSum > 0) || total2 === 0) return insufficient("no observations to mix", "too-few");
  const exact = used.map((p) => p.share / shareSum * total2);
  const sizes = exact.map(Math.floor);
  let left = total2 - sizes.reduce((s, n) => s + n, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    sizes[i]++;
    left--;
  }
  const counts2 = /* @__PURE__ */ new Map();
  used.forEach((p, k) => {
    const n = totalCount(p.distribution);
    const factor = sizes[k] / n;
    let cumulative = 0;
    let placed = 0;
    for (const b of p.distribution) {
      cumulative += b.count;
      const upTo = Math.round(cumulative * factor);
      const c2 = upTo - placed;
      placed = upTo;
      if (c2 > 0) counts2.set(b.value, (counts2.get(b.value) ?? 0) + c2);
    }
  });
  return [...counts2].sort((a, b) => a[0] - b[0]).map(([value2, count2]) => ({ value: value2, count: count2 }));
}

// src/document/mixed-run-view.ts
var MixedRunView = class extends RunView {
  constructor(doc, whole, parts) {
    super(doc);
    this.whole = whole;
    this.parts = parts;
  }
  whole;
  parts;
  mixed = null;
  mixedWindows;
  distribution(name) {
    if (name !== this.whole) return super.distribution(name);
    if (this.mixed !== null) return this.mixed;
    const own = this.parts.map((p) => ({ distribution: super.distribution(p.name) ?? [], share: p.share }));
    const total2 = this.parts.reduce((n, p) => n + (super.value(p.name, "count") ?? 0), 0);
    const m = mixture(own, total2);
    this.mixed = isInsufficient(m) ? void 0 : m;
    return this.mixed;
  }
  value(name, key) {
    if (name !== this.whole) return super.value(name, key);
    const d = this.distribution(name);
    if (d === void 0) return key === "count" ? 0 : void 0;
    switch (key) {
      case "count":
        return d.reduce((n, b) => n + b.count, 0);
      case "min":
        return d[0]?.value;
      case "max":
        return d[d.length - 1]?.value;
      case "avg": {
        let shares = 0;
        let mean4 = 0;
        for (const p of this.parts) {
          const m = super.value(p.name, "avg");
          if (m === void 0 || !(p.share > 0)) continue;
          mean4 += p.share * m;
          shares += p.share;
        }
        return shares > 0 ? mean4 / shares : void 0;
      }
      default: {
        const q = key === "med" ? 0.5 : percentileKey(key);
        if (q === void 0) return void 0;
        const v = percentile(d, q);
        return isInsufficient(v) ? void 0 : v;
      }
    }
  }
  windows(name, type) {
    if (name !== this.whole || type !== "trend") return super.windows(name, type);
    this.mixedWindows ??= this.sumWindows();
    return this.mixedWindows;
  }
  sumWindows() {
    const byIndex = /* @__PURE__ */ new Map();
    for (const p of this.parts) {
      if (!(p.share > 0)) continue;
      for (const w of super.windows(p.name, "trend")) {
        const seen = byIndex.get(w.i);
        if (!seen) {
          byIndex.set(w.i, { w: { ...w }, sketch: WindowSketch.decode(w.sketch) });
          continue;
        }
        const a = seen.w;
        seen.w = { ...a, count: a.count + w.count, sum: a.sum + w.sum, min: Math.min(a.min, w.min), max: Math.max(a.max, w.max), sumLog: a.sumLog + w.sumLog, sumLogSq: a.sumLogSq + w.sumLogSq };
        seen.sketch.add(WindowSketch.decode(w.sketch));
      }
    }
    return [...byIndex.values()].sort((x, y) => x.w.i - y.w.i).map(({ w, sketch }) => ({ ...w, sketch: sketch.encode() }));
  }
};

// src/document/request-mix.ts
var SHARE_SHIFT_RATIO = 1.5;
var SHARE_SHIFT_POINTS = 0.02;
function requestMix(tag, baseline, current) {
  const nb = sum2(baseline);
  const nc = sum2(current);
  const values = [.../* @__PURE__ */ new Set([...baseline.keys(), ...current.keys()])].sort();
  const entries = [];
  const added = [];
  const removed = [];
  const shifted = [];
  for (const value2 of values) {
    const b = baseline.get(value2) ?? 0;
    const c2 = current.get(value2) ?? 0;
    if (b === 0 && c2 === 0) continue;
    const bs = nb > 0 ? b / nb : 0;
    const cs = nc > 0 ? c2 / nc : 0;
    entries.push({ value: value2, baselineCount: b, currentCount: c2, baselineShare: bs, currentShare: cs });
    if (b === 0) added.push(value2);
    else if (c2 === 0) removed.push(value2);
    else if (Math.max(bs, cs) >= SHARE_SHIFT_RATIO * Math.min(bs, cs) && Math.abs(cs - bs) >= SHARE_SHIFT_POINTS) shifted.push(value2);
  }
  return { tag, entries, added, removed, shifted, changed: added.length + removed.length + shifted.length > 0 };
}
function sum2(m) {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
}

// src/gate/mix.ts
function changedMix(baseline, current, latencyMetric, tag) {
  if (tag === void 0) return void 0;
  const counts2 = (view) => {
    const out = /* @__PURE__ */ new Map();
    let sum3 = 0;
    for (const [value2, name] of view.scopesByTag(latencyMetric, tag)) {
      const n = view.value(name, "count") ?? 0;
      out.set(value2, n);
      sum3 += n;
    }
    return out.size > 0 && sum3 === (view.value(latencyMetric, "count") ?? 0) ? out : void 0;
  };
  const b = counts2(baseline);
  const c2 = counts2(current);
  if (!b || !c2) return void 0;
  const mix = requestMix(tag, b, c2);
  const shared = mix.entries.filter((e) => e.baselineCount > 0 && e.currentCount > 0);
  return mix.changed && shared.length > 0 ? mix : void 0;
}
function sharedMixViews(baseline, current, latencyMetric, mix) {
  const shared = mix.entries.filter((e) => e.baselineCount > 0 && e.currentCount > 0);
  const total2 = shared.reduce((n, e) => n + e.baselineCount, 0);
  const parts = shared.map((e) => ({ name: scopeName(latencyMetric, { [mix.tag]: e.value }), share: e.baselineCount / total2 }));
  return {
    baseline: mix.removed.length > 0 ? new MixedRunView(baseline.doc, latencyMetric, parts) : baseline,
    current: new MixedRunView(current.doc, latencyMetric, parts)
  };
}

// src/stats/sample-size-factor.ts
function sampleSizeFactor(within, floor, targetLogRatio, options) {
  const { alpha } = options;
  const power = options.power ?? 0.8;
  for (const [name, v] of [["within", within], ["floor", floor]]) {
    if (Number.isNaN(v) || v < 0) throw new RangeError(`sampleSizeFactor: ${name} must be \u2265 0 but got ${v}`);
  }
  if (!(targetLogRatio > 0)) throw new RangeError(`sampleSizeFactor: the target must be > 0 but got ${targetLogRatio}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`sampleSizeFactor: alpha must be in (0, 1) but got ${alpha}`);
  if (!(power > 0 && power < 1)) throw new RangeError(`sampleSizeFactor: power must be in (0, 1) but got ${power}`);
  if (!Number.isFinite(within) || !Number.isFinite(floor)) return insufficient("the spread of the data is not finite");
  if (within === 0) return insufficient("no sampling error to shrink: a longer run changes nothing", "no-spread");
  const needed = targetLogRatio / (normalQuantile(1 - alpha) + normalQuantile(power));
  const room = needed * needed - floor * floor;
  if (!(room > 0)) return insufficient("the run-to-run noise alone is larger than the change to detect: no run length reaches it", "no-spread");
  return within * within / room;
}

// src/gate/power.ts
function stagePower(findings, policy, durationSeconds) {
  let weakest;
  for (const f of findings) {
    if (f.kind !== "latency" || f.statistic !== "med" || f.scope === void 0 || f.details?.detectable === void 0) continue;
    if (weakest === void 0 || f.details.detectable.change > weakest.details.detectable.change) weakest = f;
  }
  const d = weakest?.details?.detectable;
  if (weakest?.scope === void 0 || d === void 0) return void 0;
  const limit = policy.regression.latency.maxIncrease;
  const common = { scope: weakest.scope, detectable: d.change, limit, durationSeconds };
  const factor = sampleSizeFactor(d.withinSe, d.noiseSe, Math.log1p(limit), { alpha: d.alpha, power: d.power });
  if (isInsufficient(factor)) return factor.cause === "no-spread" && d.withinSe > 0 ? { ...common, unreachable: true } : common;
  return { ...common, neededSeconds: durationSeconds * factor };
}

// src/gate/phases.ts
var PHASE_METRICS = {
  sending: "http_req_sending",
  waiting: "http_req_waiting",
  receiving: "http_req_receiving",
  blocked: "http_req_blocked",
  connecting: "http_req_connecting",
  tls: "http_req_tls_handshaking"
};
var DURATION_PHASES = ["sending", "waiting", "receiving"];
function phaseBreakdown(baseline, current, latencyMetric, tags) {
  if (latencyMetric !== "http_req_duration") return void 0;
  const mean4 = (view, metric) => view.value(scopeName(metric, tags), "avg");
  const phases = [];
  for (const [phase, metric] of Object.entries(PHASE_METRICS)) {
    const b2 = mean4(baseline, metric);
    const c3 = mean4(current, metric);
    if (b2 === void 0 || c3 === void 0) {
      if (DURATION_PHASES.includes(phase)) return void 0;
      continue;
    }
    phases.push({ phase, baseline: b2, current: c3 });
  }
  const b = mean4(baseline, latencyMetric);
  const c2 = mean4(current, latencyMetric);
  if (b === void 0 || c2 === void 0) return void 0;
  const connectedB = connectedShare(baseline, scopeName(PHASE_METRICS.connecting, tags));
  const connectedC = connectedShare(current, scopeName(PHASE_METRICS.connecting, tags));
  const connected = connectedB !== void 0 && connectedC !== void 0 ? { connected: { baseline: connectedB, current: connectedC } } : {};
  return { meanBaseline: b, meanCurrent: c2, phases, ...connected };
}
function connectedShare(view, name) {
  const d = view.distribution(name);
  if (!d) return void 0;
  const n = totalCount(d);
  if (n === 0) return void 0;
  let opened = 0;
  for (let i = 0; i < d.length; i++) if (d[i].value > 0) opened += d[i].count;
  return opened / n;
}

// src/gate/outcome.ts
function outcomeRank(outcome) {
  switch (outcome) {
    case "fail":
      return 0;
    case "warn":
      return 1;
    case "inconclusive":
      return 2;
    case "pass":
      return 3;
  }
}
function severityRank(severity) {
  switch (severity) {
    case "fail":
      return 0;
    case "warn":
      return 1;
    case "info":
      return 2;
  }
}
function sortFindings(findings) {
  return [...findings].sort((a, b) => outcomeRank(a.outcome) - outcomeRank(b.outcome));
}
function worstOutcome(outcomes) {
  let worst = "pass";
  for (const o of outcomes) if (outcomeRank(o) < outcomeRank(worst)) worst = o;
  return worst;
}

// src/gate/compare.ts
function compareRuns(input) {
  return judgeStage(input).report;
}
function judgeStage(given) {
  if (given.baseline) checkSameTool(given.baseline, given.current);
  const current = new RunView(given.current);
  const baseline = given.baseline ? new RunView(given.baseline) : void 0;
  const named = withRunNames(given.policy, current.roles, given.baseline ? [given.current, given.baseline] : [given.current]);
  const policy = named.policy;
  const input = { ...given, policy };
  const roles = { ...current.roles, latency: policy.latencyMetric ?? current.roles.latency };
  checkPolicyAgainstRuns(policy, input, roles.latency);
  const notes = [];
  const renamed = renameNote(named.renamed, input.current.meta.tool);
  if (renamed !== void 0) notes.push(renamed);
  const scopes = judgedScopes(baseline, current, policy, notes, roles.latency);
  if (!baseline) notes.push("No baseline: regressions cannot be judged on a first run; absolute thresholds still apply.");
  const unsigned = signatureNote(baseline, current, roles.failures);
  if (unsigned !== void 0) notes.push(unsigned);
  const warmup = policy.endurance?.warmupSeconds ?? 0;
  const currentMemory = input.current.memory ? memoryTrend(input.current.memory.samples, warmup) : void 0;
  const baselineMemory = input.baseline?.memory ? memoryTrend(input.baseline.memory.samples, warmup) : void 0;
  if (isInsufficient(currentMemory)) notes.push(`Memory of the current run: ${currentMemory.reason}.`);
  if (isInsufficient(baselineMemory)) notes.push(`Memory of the baseline: ${baselineMemory.reason}.`);
  for (const [which, m] of [["current run", currentMemory], ["baseline", baselineMemory]]) {
    if (m && !isInsufficient(m) && m.discarded > 0) notes.push(`Memory of the ${which}: ${m.discarded} ${m.discarded === 1 ? "sample" : "samples"} of 0 bytes set aside (the sampler read nothing).`);
  }
  if (policy.endurance && !input.current.memory) {
    notes.push("No memory samples for this endurance stage: leak and growth checks were skipped (pass --memory or memory-source).");
  }
  const memory = {
    ...currentMemory && !isInsufficient(currentMemory) ? { current: currentMemory } : {},
    ...baselineMemory && !isInsufficient(baselineMemory) ? { baseline: baselineMemory } : {}
  };
  const mix = baseline ? changedMix(baseline, current, roles.latency, policy.groupBy[0]) : void 0;
  const judged = baseline && mix ? sharedMixViews(baseline, current, roles.latency, mix) : { baseline, current };
  const history = ofLatency(input.history ?? [], roles.latency, current.roles.latency, notes);
  const noise = baseline && !input.ab ? learnNoise(history, policy) : defaultNoise(policy);
  const pooled = input.baseline && !input.ab ? poolBaseline(history, input.baseline.meta, policy) : NO_POOLING;
  const pairs = input.ab?.pairs.map((p) => ({ pair: p.pair, baseline: new RunView(p.baseline), current: new RunView(p.current) }));
  const detectors = input.detectors ?? (input.ab ? AB_DETECTORS : DETECTORS);
  const assessments = detect(detectors, { policy, roles, current, baseline, scopes, memory, noise, pooled, ...mix ? { mix } : {}, ...pairs ? { pairs } : {} }, judged);
  const findings = adjustAndClassify(assessments, policy);
  const pooledNote = pooledBaselineNote(pooled, findings, history.length);
  if (pooledNote) notes.push(pooledNote);
  if (input.current.meta.partial) notes.push("The current run is partial (the load test was cut short): its numbers cover only what was measured.");
  if (input.baseline?.meta.partial) notes.push("The baseline run is partial (its load test was cut short): it covers only what was measured.");
  if (input.current.meta.aggregateOnly || input.baseline?.meta.aggregateOnly) {
    const formats = [...new Set([input.current, input.baseline].flatMap((d) => d?.meta.aggregateOnly ? d.meta.sources.map((src) => src.format) : []))];
    notes.push(`Aggregate-only input (${formats.join(", ") || "a summary"}): percentile changes are reported, distribution tests are not applicable.`);
  }
  for (const w of input.current.meta.warnings) notes.push(`Current run: ${w}`);
  for (const w of input.baseline?.meta.warnings ?? []) notes.push(`Baseline: ${w}`);
  const scopeRows2 = scopes.map((s) => {
    const row = scopeRow(s, judged.baseline, judged.current, findings);
    const phases = baseline ? phaseBreakdown(baseline, current, roles.latency, s.tags) : void 0;
    return phases ? { ...row, phases } : row;
  });
  const resources = compareResources(input.baseline, input.current);
  const capacity = compareCapacity(baseline, current, roles, policy.thresholds);
  const outcome = overallOutcome(findings, baseline !== void 0, scopeRows2);
  const power = stagePower(findings, policy, input.current.meta.durationSeconds);
  const report = {
    stage: policy.stage,
    outcome,
    ...input.baseline ? { baselineRun: runInfo(input.baseline) } : {},
    currentRun: runInfo(input.current),
    findings: sortFindings(withoutRepeats(findings.filter(worthReporting))),
    scopes: scopeRows2,
    ...currentMemory && !isInsufficient(currentMemory) ? { memory: { current: memorySummary(currentMemory), ...baselineMemory && !isInsufficient(baselineMemory) ? { baseline: memorySummary(baselineMemory) } : {} } } : {},
    limits: { latency: policy.regression.latency.maxIncrease, throughput: policy.regression.throughput.maxDecrease, errorRate: { ...policy.regression.errorRate } },
    ...capacity ? { capacity } : {},
    ...resources ? { resources } : {},
    ...mix ? { mix } : {},
    ...power ? { power } : {},
    ...baseline && !input.ab ? { noise: stageNoise(noise, scopes, policy) } : {},
    ...input.ab ? { ab: abSummary(input.ab, findings) } : {},
    notes
  };
  return { report, findings };
}
function abSummary(ab, findings) {
  const whole = findings.find((f) => f.kind === "latency" && f.statistic === "med" && f.scope === void 0);
  const paired = whole?.details?.paired;
  return {
    pairs: ab.pairs.length,
    plannedRounds: ab.plannedRounds,
    failedRounds: ab.failedRounds,
    ratios: paired?.ratios ?? [],
    ...paired ? { spread: paired.spread } : {},
    ...ab.roundSeconds !== void 0 ? { roundSeconds: ab.roundSeconds } : {}
  };
}
function stageNoise(noise, scopes, policy) {
  const figures = scopes.map((s) => noise.of(s.scope).noise);
  return {
    source: noise.pooled.source,
    default: policy.runToRunNoise,
    runs: noise.runs,
    setAside: noise.setAside,
    pooled: noise.pooled.noise,
    lowest: Math.min(...figures),
    highest: Math.max(...figures)
  };
}
function judgedScopes(baseline, current, policy, notes = [], latencyMetric = policy.latencyMetric ?? current.roles.latency) {
  const out = [{ name: latencyMetric, tags: {} }];
  for (const tag of policy.groupBy) {
    const values = /* @__PURE__ */ new Set([...current.scopesByTag(latencyMetric, tag).keys(), ...baseline ? baseline.scopesByTag(latencyMetric, tag).keys() : []]);
    let kept = [...values].sort();
    if (kept.length > policy.maxScopes) {
      const requests = (v) => (current.value(scopeName(latencyMetric, { [tag]: v }), "count") ?? 0) + (baseline?.value(scopeName(latencyMetric, { [tag]: v }), "count") ?? 0);
      const busiest = [...kept].sort((a, b) => requests(b) - requests(a) || (a < b ? -1 : a > b ? 1 : 0)).slice(0, policy.maxScopes);
      notes.push(`${kept.length} values of '${tag}' are more than maxScopes (${policy.maxScopes}): the ${policy.maxScopes} with the most requests are judged on their own, the other ${kept.length - policy.maxScopes} only as part of the whole run.`);
      kept = busiest.sort();
    }
    for (const value2 of kept) {
      out.push({ name: scopeName(latencyMetric, { [tag]: value2 }), scope: { tag, value: value2 }, tags: { [tag]: value2 } });
    }
  }
  return out;
}
function detect(detectors, ctx, judged) {
  const out = [];
  const comparison = ctx.baseline ? { ...ctx, baseline: ctx.baseline } : void 0;
  const scopeComparison = judged.baseline ? { ...ctx, current: judged.current, baseline: judged.baseline } : void 0;
  for (let i = 0; i < detectors.length; ) {
    const d = detectors[i];
    if (d.each === "run") {
      if (d.needs === "current") out.push(...d.detect(ctx));
      else if (comparison) out.push(...d.detect(comparison));
      i++;
      continue;
    }
    let j = i;
    while (j < detectors.length && detectors[j].each === "scope") j++;
    const group = detectors.slice(i, j);
    for (const scope of ctx.scopes) {
      for (const g of group) {
        if (g.each !== "scope") continue;
        if (g.needs === "current") out.push(...g.detect(ctx, scope));
        else if (scopeComparison) out.push(...g.detect(scopeComparison, scope));
      }
    }
    i = j;
  }
  return out;
}
function adjustAndClassify(assessments, policy) {
  const byIndex = /* @__PURE__ */ new Map();
  for (const warnOnly of [false, true]) {
    const tested2 = assessments.map((a, i) => ({ a, i })).filter(({ a }) => a.atMost === "warn" === warnOnly && a.pValue !== void 0 && !a.deterministic && a.insufficient === void 0 && !(a.minAttainableP !== void 0 && a.minAttainableP >= policy.alpha));
    const raw = tested2.map(({ a }) => a.pValue);
    const adjusted = policy.multipleComparisons === "holm" ? holm(raw) : policy.multipleComparisons === "bh" ? benjaminiHochberg(raw) : raw;
    tested2.forEach(({ i }, k) => byIndex.set(i, adjusted[k]));
  }
  return assessments.map((a, i) => classify(a, byIndex.get(i) ?? (a.minAttainableP !== void 0 && a.insufficient === void 0 ? a.pValue : void 0), policy));
}
function withoutRepeats(findings) {
  const whole = /* @__PURE__ */ new Map();
  for (const f of findings) if (f.kind === "latency" && f.statistic === "med" && f.details?.compared === void 0) whole.set(scopeKey(f), f);
  return findings.filter((f) => {
    if (f.details?.compared !== "end-of-run") return true;
    const w = whole.get(scopeKey(f));
    return !w || outcomeRank(w.outcome) > outcomeRank(f.outcome);
  });
}
function scopeKey(f) {
  return f.scope ? `${f.scope.tag}\0${f.scope.value}` : "";
}
function worthReporting(f) {
  if (f.outcome !== "pass") return true;
  if (f.kind === "threshold" || f.kind === "leak" || f.kind === "memory" || f.kind === "degradation") return true;
  return f.confidence.level === "confirmed" || f.beyondLimit === true;
}
function overallOutcome(findings, hasBaseline, rows) {
  if (findings.some((f) => f.outcome === "fail")) return "fail";
  if (findings.some((f) => f.outcome === "warn")) return "warn";
  if (!hasBaseline) return "inconclusive";
  return rows[0]?.outcome === "inconclusive" ? "inconclusive" : "pass";
}
function scopeRow(s, baseline, current, findings) {
  const mine = findings.filter((f) => f.kind !== "threshold" && sameScope(f, s) && (f.kind === "latency" || f.kind === "error-rate" || f.kind === "failure-signature"));
  const shift2 = mine.find((f) => f.kind === "latency" && f.statistic === "med") ?? mine.find((f) => f.kind === "latency");
  const b = baseline ? withPooledPercentiles(summary(baseline, s), mine) : void 0;
  const c2 = summary(current, s);
  const outcome = mine.length > 0 ? worstOutcome(mine.map((f) => f.outcome)) : "inconclusive";
  const decider = mine.find((f) => f.outcome === outcome);
  return {
    metric: s.name,
    ...s.scope ? { scope: s.scope } : {},
    ...b ? { baseline: b } : {},
    ...c2 ? { current: c2 } : {},
    ...shift2?.change !== void 0 ? { latencyChange: shift2.change } : {},
    ...shift2?.details?.detectable !== void 0 ? { detectable: shift2.details.detectable.change } : {},
    confidence: shift2?.confidence ?? { level: "not-applicable" },
    outcome,
    // Named when it is not the typical-latency finding, or when nothing could be judged (the row says why).
    ...decider && (decider !== shift2 || decider.outcome === "inconclusive") ? { decidedBy: decision(decider) } : {}
  };
}
function ofLatency(history, judged, toolOwn, notes) {
  const kept = entriesOfLatency(history, judged, toolOwn);
  const other = history.length - kept.length;
  if (other > 0) {
    const metrics = [...new Set(history.filter((e) => !kept.includes(e)).map((e) => e.latencyMetric ?? toolOwn))].join(", ");
    notes.push(`${other} of ${history.length} stored runs measured another latency metric (${metrics}, not ${judged}): their figures are not used for the run-to-run noise or the percentiles' baseline.`);
  }
  return kept;
}
function pooledBaselineNote(pooled, findings, historyRuns) {
  if (pooled.maxRuns < 2 || historyRuns === 0) return void 0;
  if (!pooled.found) return "The stored history does not hold the baseline run: percentiles are compared with the baseline run alone.";
  const runs = findings.flatMap((f) => f.details?.pooledBaseline ? [f.details.pooledBaseline.runs] : []);
  if (runs.length === 0) return void 0;
  const lo = Math.min(...runs);
  const hi = Math.max(...runs);
  return `Percentile baselines are the geometric mean of ${lo === hi ? lo : `${lo}\u2013${hi}`} stored runs of the baseline branch (the baseline run and those before it, back to the last code change; baselineRuns ${pooled.maxRuns}).`;
}
function withPooledPercentiles(b, findings) {
  if (!b) return b;
  let out = b;
  for (const f of findings) {
    if (f.kind !== "latency" || !f.details?.pooledBaseline || f.baseline === void 0) continue;
    if (f.statistic === "p(95)") out = { ...out, p95: f.baseline };
    if (f.statistic === "p(99)") out = { ...out, p99: f.baseline };
  }
  return out;
}
function decision(f) {
  const difference = f.kind === "error-rate" && f.baseline !== void 0 && f.current !== void 0 ? f.current - f.baseline : void 0;
  return {
    kind: f.kind,
    statistic: f.statistic,
    ...f.change !== void 0 ? { change: f.change } : {},
    ...difference !== void 0 ? { difference } : {},
    confidence: f.confidence,
    ...f.shortfall !== void 0 ? { shortfall: f.shortfall } : {},
    ...f.details?.compared !== void 0 ? { compared: f.details.compared } : {}
  };
}
function sameScope(f, s) {
  return f.scope ? s.scope !== void 0 && f.scope.tag === s.scope.tag && f.scope.value === s.scope.value : s.scope === void 0;
}
function summary(view, s) {
  const count2 = view.value(s.name, "count");
  if (count2 === void 0 && !view.scope(s.name)) return void 0;
  const errors = view.errors(s.tags);
  const pick = (k) => view.value(s.name, k);
  const out = { count: count2 ?? 0 };
  const fields = [
    ["p50", pick("med")],
    ["p95", pick("p(95)")],
    ["p99", pick("p(99)")],
    ["avg", pick("avg")],
    ["throughput", view.throughput(s.tags)],
    ["errorRate", errors && errors.total > 0 ? errors.failed / errors.total : void 0]
  ];
  for (const [k, v] of fields) if (v !== void 0 && Number.isFinite(v)) out[k] = v;
  return out;
}
function runInfo(doc) {
  return {
    start: doc.meta.start,
    durationSeconds: doc.meta.durationSeconds,
    partial: doc.meta.partial,
    tool: doc.meta.tool,
    ...doc.meta.toolVersion ? { toolVersion: doc.meta.toolVersion } : {},
    ...doc.meta.gitSha ? { gitSha: doc.meta.gitSha } : {}
  };
}
function memorySummary(m) {
  return {
    startBytes: m.startBytes,
    endBytes: m.endBytes,
    peakBytes: m.peakBytes,
    ...m.steadySlopeMBPerHour !== void 0 ? { slopeMBPerHour: m.steadySlopeMBPerHour } : {},
    ...m.steadySlopeInterval !== void 0 ? { slopeInterval: m.steadySlopeInterval } : {},
    ...m.rSquared !== void 0 ? { rSquared: m.rSquared } : {},
    ...m.growth !== void 0 ? { growth: m.growth } : {}
  };
}

// src/gate/report.ts
function buildReport(stages, generatedAt) {
  const verdict = worstOutcome(stages.map((s) => s.outcome));
  const findings = sortFindings(stages.flatMap((s) => s.findings));
  return { schema: "perf-gate/report@1", verdict, stages: [...stages], findings, generatedAt: generatedAt.toISOString() };
}

// src/report/markdown.ts
import { markdownTable } from "markdown-table";

// src/report/escape.ts
var CONTROL = /\r\n|[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
var BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
var MARKDOWN_PUNCTUATION = /[\\`*_[\]|~#!]/g;
function escapeMarkdown(s) {
  return s.replace(CONTROL, " ").replace(BIDI, "\uFFFD").replace(MARKDOWN_PUNCTUATION, (c2) => `\\${c2}`).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/@/g, "@\u200B");
}
function sanitizeTerminal(s) {
  return s.replace(/\r\n|[\r\n\t\u2028\u2029]/g, " ").replace(/[\u0000-\u001f\u007f-\u009f]/g, (c2) => `\\x${c2.charCodeAt(0).toString(16).padStart(2, "0")}`).replace(BIDI, "\uFFFD");
}

// src/report/format.ts
var MISSING = "\u2013";
var MINUS = "\u2212";
var BYTES_PER_MB = 1048576;
function formatNumber(x, significant = 3) {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "\u221E" : `${MINUS}\u221E`;
  if (x === 0) return "0";
  const sign = x < 0 ? MINUS : "";
  const abs = Math.abs(x);
  if (abs < 1e-9) return `${sign}\u22480`;
  const rounded = Number(abs.toPrecision(significant));
  if (rounded >= 1e3) return sign + groupThousands(Math.round(abs));
  const magnitude = Math.floor(Math.log10(rounded));
  const decimals = Math.max(0, significant - 1 - magnitude);
  return sign + rounded.toFixed(decimals);
}
function groupThousands(n) {
  const digits2 = Math.abs(Math.round(n)).toFixed(0);
  const grouped = digits2.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return n < 0 && grouped !== "0" ? `${MINUS}${grouped}` : grouped;
}
function formatMs(ms) {
  return `${formatNumber(ms)} ms`;
}
function formatRate(perSecond) {
  return `${formatNumber(perSecond)} req/s`;
}
function signedPercentNumber(fraction2, significant = 3) {
  if (Number.isNaN(fraction2)) return "NaN";
  if (!Number.isFinite(fraction2)) return fraction2 > 0 ? "+\u221E" : `${MINUS}\u221E`;
  const pct2 = fraction2 * 100;
  const magnitude = pct2 === 0 ? 0 : Math.floor(Math.log10(Math.abs(Number(pct2.toPrecision(significant)))));
  const decimals = Math.min(1, Math.max(0, significant - 1 - magnitude));
  const rounded = Number(pct2.toFixed(decimals));
  if (rounded === 0) return 0 .toFixed(decimals);
  const body = Math.abs(rounded) >= 1e3 ? groupThousands(Math.abs(rounded)) : Math.abs(rounded).toFixed(decimals);
  return `${rounded > 0 ? "+" : MINUS}${body}`;
}
function formatChange(fraction2) {
  return `${signedPercentNumber(fraction2)} %`;
}
function formatPercent(fraction2) {
  return `${formatNumber(fraction2 * 100)} %`;
}
function formatMegabytes(bytes2) {
  return `${formatNumber(bytes2 / BYTES_PER_MB)} MB`;
}
function formatSlope(mbPerHour) {
  const body = formatNumber(mbPerHour);
  return `${mbPerHour > 0 ? "+" : ""}${body} MB/h`;
}
function formatPValue(p) {
  if (Number.isNaN(p)) return "p = NaN";
  if (p < 1e-3) return "p < 0.001";
  if (p < 0.01) return `p = ${p.toFixed(3)}`;
  return `p = ${p.toFixed(2)}`;
}
function formatLevel(confidence) {
  return `${Number((confidence * 100).toPrecision(4))} %`;
}
function formatInterval(interval) {
  return `${formatLevel(interval.confidence)} CI ${signedPercentNumber(interval.lower, 2)} \u2026 ${signedPercentNumber(interval.upper, 2)} %`;
}
function formatConfidence(confidence) {
  const interval = confidence.interval === void 0 ? "" : ` (${formatInterval(confidence.interval)})`;
  switch (confidence.level) {
    case "confirmed":
      return `confirmed${interval}`;
    case "suggestive":
      return `suggestive${interval}`;
    case "none":
      return `within noise${interval}`;
    case "not-applicable":
      return "n/a";
  }
}
function formatPair(baseline, current, format) {
  if (baseline === void 0 && current === void 0) return MISSING;
  const b = baseline === void 0 ? MISSING : format(baseline);
  const c2 = current === void 0 ? MISSING : format(current);
  return `${b} \u2192 ${c2}`;
}
function formatDuration(seconds2) {
  if (!Number.isFinite(seconds2)) return formatNumber(seconds2);
  if (seconds2 < 10) return `${Number(seconds2.toFixed(1))} s`;
  const whole = Math.round(seconds2);
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) {
    const s = whole % 60;
    return s === 0 ? `${Math.floor(whole / 60)} min` : `${Math.floor(whole / 60)} min ${s} s`;
  }
  const minutes = Math.round(whole / 60);
  const m = minutes % 60;
  return m === 0 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 60)} h ${m} min`;
}
function formatTimestamp(iso2) {
  const t = Date.parse(iso2);
  if (Number.isNaN(t)) return iso2;
  const d = new Date(t);
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

// src/report/capacity-words.ts
function ruleText(rule) {
  const errors = `under ${formatPercent(rule.errorRate)} failed requests`;
  if (!rule.latency) return errors;
  const s = rule.latency.statistic;
  const name = s === "avg" ? "mean latency" : s === "med" ? "median latency" : `p${Number((s * 100).toFixed(3))}`;
  const limit = `${name} < ${formatNumber(rule.latency.belowMs, 3)} ms`;
  return rule.latency.from === "break-away" ? `${limit} (twice its level at the lowest load: the stage has no latency SLO) and ${errors}` : `${limit} and ${errors}`;
}
function users(n) {
  return String(Math.round(n));
}
function rate2(c2) {
  return c2?.sustainedRps !== void 0 ? formatNumber(c2.sustainedRps, 3) : "none";
}
function kneeText(c2) {
  const k = c2.knee;
  if (!k) return c2.sustainedRps !== void 0 ? "; it did not break away within the run" : "";
  const what = k.broke === "latency" ? "latency" : "errors";
  const where2 = k.vus !== void 0 ? `${users(k.vus)} VUs (${formatNumber(k.rps, 3)} req/s)` : `${formatNumber(k.rps, 3)} req/s`;
  return `; ${what} broke away at ${where2}, ${formatDuration(k.atSeconds)} in`;
}
function capacityText(c2) {
  const now = c2.current;
  const held = `the highest rate held for ${SUSTAIN} windows of ${formatDuration(now.windowSeconds)} in a row with ${ruleText(now.rule)}`;
  const figures = c2.baseline ? `${rate2(c2.baseline)} \u2192 ${rate2(now)} req/s${c2.change !== void 0 ? ` (${formatChange(c2.change)})` : ""}` : `${rate2(now)} req/s`;
  const vus = c2.baseline?.sustainedVus !== void 0 && now.sustainedVus !== void 0 ? `, at ${users(c2.baseline.sustainedVus)} \u2192 ${users(now.sustainedVus)} VUs` : now.sustainedVus !== void 0 ? `, at ${users(now.sustainedVus)} VUs` : "";
  const none = now.sustainedRps === void 0 ? ` \u2014 no ${SUSTAIN} windows in a row met the rule (${now.windowsMet} of ${now.windows} did)` : "";
  return `Capacity ${figures}${vus} \u2014 ${held}${none}${kneeText(now)}.`;
}

// src/report/resource-words.ts
var WORDS = {
  cpuPerRequest: "CPU per request",
  gcPerRequest: "GC time per request",
  eventLoopLag: "event-loop p99 lag",
  openFds: "open files and sockets"
};
function value(resource, x) {
  return resource === "openFds" ? String(Math.round(x)) : `${formatNumber(x, 3)} ms`;
}
function changeText(c2) {
  const relative = c2.resource === "cpuPerRequest" || c2.resource === "gcPerRequest" ? ` (${c2.ratio >= 1 ? "+" : "\u2212"}${formatPercent(Math.abs(c2.ratio - 1))})` : "";
  const [from, to] = c2.resource === "openFds" ? [String(Math.round(c2.from)), String(Math.round(c2.to))] : [formatNumber(c2.from, 3), `${formatNumber(c2.to, 3)} ms`];
  return `${WORDS[c2.resource]} ${from} \u2192 ${to}${relative}`;
}
function useText(u) {
  const parts = [];
  if (u.cpuPerRequestMs !== void 0) parts.push(`${WORDS.cpuPerRequest} ${value("cpuPerRequest", u.cpuPerRequestMs)}`);
  if (u.gcPerRequestMs !== void 0) parts.push(`${WORDS.gcPerRequest} ${value("gcPerRequest", u.gcPerRequestMs)}`);
  if (u.eventLoopLagP99Ms !== void 0) parts.push(`${WORDS.eventLoopLag} ${value("eventLoopLag", u.eventLoopLagP99Ms)}`);
  if (u.openFdsMax !== void 0) parts.push(`${WORDS.openFds} ${value("openFds", u.openFdsMax)}`);
  return parts.join(", ");
}
function resourcesText(r) {
  const figures = r.changes.length > 0 ? r.changes.map(changeText).join(", ") : useText(r.current);
  const grew = r.withinRun.filter((c2) => c2.moved);
  const within = grew.length > 0 ? `; within the current run, first third \u2192 last third: ${grew.map(changeText).join(", ")}` : "";
  return `Service resources (from ${r.current.samples} scrapes of its metrics): ${figures}${within}.`;
}
var LATENCY_KINDS = ["latency", "throughput", "degradation", "threshold"];
function latencyRegressed(stage) {
  return stage.findings.some((f) => (f.severity === "fail" || f.severity === "warn") && LATENCY_KINDS.includes(f.kind));
}
function resourceHints(stage) {
  const r = stage.resources;
  if (!r || !latencyRegressed(stage)) return [];
  const between = r.changes.filter((c2) => c2.moved).map(changeText);
  const within = r.withinRun.filter((c2) => c2.moved).map((c2) => `${changeText(c2)} within the run (first \u2192 last third)`);
  const moved = [...between, ...within];
  return moved.length > 0 ? [`Which resource moved with the latency \u2014 ${moved.join("; ")}.`] : [];
}

// src/report/words.ts
function formatInUnit(unit, value2) {
  switch (unit) {
    case "ms":
      return formatMs(value2);
    case "req/s":
      return formatRate(value2);
    case "per-second":
      return `${formatNumber(value2)} /s`;
    case "fraction":
      return formatPercent(value2);
    case "bytes":
      return formatMegabytes(value2);
    case "MB/h":
      return formatSlope(value2);
    case "count":
      return formatCount(value2);
    case "value":
      return formatNumber(value2);
  }
}
function formatCount(n) {
  return Number.isInteger(n) ? groupThousands(n) : formatNumber(n);
}
function limitText(limit) {
  switch (limit.kind) {
    case "max-increase":
      return `+${percent(limit.max)} %`;
    case "max-decrease":
      return `\u2212${percent(limit.max)} %`;
    case "error-rate":
      return `+${Math.round(limit.maxIncrease * 100)} % and +${Math.round(limit.absoluteFloor * 1e4) / 100} % points`;
    case "failure-signature":
      return `new failure signatures warn at ${formatCount(limit.warnCount)} and fail at ${formatCount(limit.failCount)} ${limit.failCount === 1 ? "request" : "requests"} and ${formatPercent(limit.failRate)}`;
    case "threshold":
      return limit.expression;
    case "no-sustained-growth":
      return "no sustained growth";
    case "measured-in-both":
      return "measured in both runs";
  }
}
function shortfallText(shortfall) {
  switch (shortfall) {
    case "too-few-requests":
      return "too few requests";
    case "too-short":
      return "run too short";
    case "missing":
      return "missing from a run";
    case "no-spread":
      return "no spread to measure against";
    case "mix-changed":
      return "the request mix changed";
    case "other":
      return "see the findings";
  }
}
function where(f) {
  if (f.scope) return f.scope.value;
  return f.kind === "memory" || f.kind === "leak" ? "service memory" : "all requests";
}
function subject(f) {
  switch (f.kind) {
    case "latency": {
      const what = f.statistic === "med" ? "typical response time" : `${f.statistic} response time`;
      return f.details?.compared === "end-of-run" ? `${what} at the end of the run` : what;
    }
    case "throughput":
      return "throughput";
    case "error-rate":
      return "error rate";
    case "failure-signature":
      return "new failure signature";
    case "memory":
      return f.statistic === "growth" ? "memory growth" : "memory";
    case "leak":
      return "memory leak check";
    case "degradation":
      return "latency degradation over the run";
    case "threshold":
      return `threshold ${limitText(f.limit)}`;
    case "data":
      return "data";
  }
}
function detailClause(f) {
  const d = f.details;
  if (!d) return "";
  const parts = [];
  if (d.aggregateOnly) parts.push("aggregate-only input: the change cannot be tested, only reported");
  if (d.superiority) {
    const delta = d.superiority.delta;
    parts.push(`a current request is slower than a baseline one ${Math.round(d.superiority.probability * 100)} % of the time (Cliff's \u03B4 ${delta >= 0 ? "+" : "\u2212"}${Math.abs(delta).toFixed(2)})`);
  }
  if (d.tail) parts.push(`the tail moved away from the median: ${f.statistic}/median ${formatChange(d.tail.fromMedian)}`);
  if (d.pooledBaseline) parts.push(`baseline ${f.statistic} is the geometric mean of ${d.pooledBaseline.runs} stored runs (the baseline run alone: ${formatInUnit(f.unit, d.pooledBaseline.baselineRun)})`);
  if (d.noRequests) parts.push("the current run served no requests");
  if (d.paired) parts.push(`from ${formatCount(d.paired.ratios.length)} round pairs, candidate/baseline ${ratiosText(d.paired.ratios)}`);
  if (d.compared === "last-third-vs-first-third") parts.push("last third of the run against its first third, after warm-up");
  if (d.compared === "end-of-run") parts.push("last third of the run against the baseline's last third");
  if (d.changePoint) {
    const c2 = d.changePoint;
    parts.push(`slower from ${formatDuration(c2.atSeconds)} on (${formatInUnit(f.unit, c2.before)} \u2192 ${formatInUnit(f.unit, c2.after)}, geometric means)`);
  }
  if (d.memory) {
    const m = d.memory;
    parts.push(
      f.kind === "leak" ? `slope ${formatSlope(m.slopeMBPerHour)} (95 % CI ${formatSlope(m.slopeInterval.lower)} \u2026 ${formatSlope(m.slopeInterval.upper)}), growth ${formatPercent(m.growth)} over the run, limit ${percent(m.growthLimit)} %` : `resident memory ${formatMegabytes(m.startBytes)} \u2192 ${formatMegabytes(m.endBytes)} after warm-up, steady-state slope ${formatSlope(m.slopeMBPerHour)}`
    );
  }
  return parts.length === 0 ? "" : ` \u2014 ${parts.join("; ")}`;
}
function findingMessage(f, acceptedBy) {
  const text = sentence(f);
  return f.accepted ? `${text} Accepted by ${acceptedBy === void 0 ? "a pull-request label" : `the '${acceptedBy}' label`}.` : text;
}
function sentence(f) {
  const at = where(f);
  const what = subject(f);
  const value2 = (v) => formatInUnit(f.unit, v);
  const numbers3 = f.statistic === "growth" ? "" : f.baseline !== void 0 && f.current !== void 0 ? ` (${value2(f.baseline)} \u2192 ${value2(f.current)})` : f.current !== void 0 ? ` (${value2(f.current)})` : "";
  const delta = f.change !== void 0 ? ` ${formatChange(f.change)}` : "";
  const ci = f.confidence.interval ? `, ${formatInterval(f.confidence.interval)}` : "";
  const note = detailClause(f);
  const limit = limitText(f.limit);
  const r = f.reason;
  switch (r.code) {
    case "not-judged":
      return `${at}: ${what} cannot be judged: ${r.detail}.`;
    case "leak":
      return `${at}: leaking \u2014 the GC floor keeps growing in the steady state${note}.`;
    case "no-leak":
      return `${at}: no leak \u2014 the GC floor does not keep growing credibly in the steady state${note}.`;
    case "threshold-crossed":
      return `${f.metric}: ${limit} is crossed${numbers3}.`;
    case "threshold-holds":
      return `${f.metric}: ${limit} holds${numbers3}.`;
    case "threshold-lost":
      return `${f.metric}: ${limit} fails: no point of the current run matches ${f.metric}, while the baseline had ${formatCount(r.baselineCount)}.`;
    case "lost-metric":
      return `${at}: the current run has no '${f.metric}' at all, while the baseline had ${formatCount(r.baselineCount)} requests.`;
    case "lost-tag":
      return `${at}: no request of the current run carries the tag '${r.tag}', while ${formatCount(r.baselineValues)} ${r.tag === "name" ? "endpoints" : `'${r.tag}' values`} of the baseline did \u2014 the script stopped setting it, so nothing can be judged per ${r.tag}.`;
    case "lost-scope":
      return `${at}: no request of the current run, while the baseline had ${formatCount(r.baselineCount)} \u2014 nothing about it could be judged (coverage.missing).`;
    case "confirmed-few":
      return `${at}: ${what}${delta}${numbers3} is beyond the ${limit} limit and an exact rank test on ${formatCount(r.baselineCount)} and ${formatCount(r.currentCount)} requests supports it${ci}; below minSamples (${formatCount(r.minSamples)}) it is a warning, not a fail${note}.`;
    case "confirmed":
      return `${at}: ${what}${delta}${numbers3} is beyond the ${limit} limit and confirmed${ci}${note}.`;
    case "confirmed-short":
      return `${at}: ${what}${delta}${numbers3} is beyond the ${limit} limit and confirmed${ci}${note}; but the runs have only ${formatCount(Math.min(r.baselineWindows, r.currentWindows))} time windows with requests (a fail needs ${formatCount(r.needs)} to measure how requests cluster), so it is a warning.`;
    case "confirmed-end":
      return `${at}: ${what}${delta}${numbers3} is beyond the ${limit} limit and confirmed${ci}${note}; evidence from a third of the run warns, the whole run's fails.`;
    case "unconfirmed":
      return f.confidence.level === "not-applicable" ? `${at}: ${what}${delta}${numbers3} is beyond the ${limit} limit but cannot be confirmed${note}.` : `${at}: ${what}${delta}${numbers3} is beyond the ${limit} limit, but the data cannot confirm it${ci}${note}.`;
    case "near-limit":
      return `${at}: ${what}${delta}${numbers3} is a confirmed change beyond the ${limit} limit, but too close to it to fail on: within the data's uncertainty it may be inside the limit${ci}${note}.`;
    case "multiplicity":
      return `${at}: ${what}${delta}${numbers3} looks beyond the ${limit} limit on its own${ci}, but not once the many comparisons made are accounted for${note}.`;
    case "noise":
      return `${at}: ${what}${delta}${numbers3} looks beyond the ${limit} limit but is within run-to-run noise${ci}${note}.`;
    case "within-limit":
      return `${at}: ${what}${delta}${numbers3} is within the ${limit} limit${ci}${note}.`;
    case "new-signature":
      return `${at}: ${signatureSentence(f)}`;
  }
}
function signatureSentence(f) {
  const s = f.details?.signature;
  if (!s || f.limit.kind !== "failure-signature") return `${subject(f)} (${limitText(f.limit)}).`;
  const how = [s.status !== void 0 ? `status ${s.status}` : void 0, s.errorCode !== void 0 ? `error_code ${s.errorCode}` : void 0].filter((p) => p !== void 0);
  const signature = how.length === 0 ? "no status recorded" : how.length === 2 ? `${how[0]} (${how[1]})` : how[0];
  const requests = `${formatCount(s.failed)} ${s.failed === 1 ? "request" : "requests"} failed with ${signature}, ${formatPercent(s.share)} of them; the baseline had none`;
  const limit = f.limit;
  const failLimit = `${formatCount(limit.failCount)} ${limit.failCount === 1 ? "request" : "requests"} and ${formatPercent(limit.failRate)}`;
  if (f.outcome === "fail") return `${requests} \u2014 beyond the fail limit of ${failLimit}.`;
  const chance = s.failed >= limit.failCount && s.share >= limit.failRate ? `, but the baseline had too few requests (or the failures came in too few bursts) to be sure it would have shown one (p ${s.pChance.toFixed(2)})` : "";
  return `${requests} \u2014 a new way of failing, to look at; it fails at ${failLimit}${chance}.`;
}
function place(f) {
  if (f.scope) return f.scope.value;
  switch (f.kind) {
    case "memory":
    case "leak":
      return "memory";
    case "threshold":
      return f.metric;
    case "latency":
    case "throughput":
    case "error-rate":
    case "failure-signature":
    case "degradation":
    case "data":
      return "all requests";
  }
}
function headlineOf(report) {
  const { verdict, stages } = report;
  const names = stages.map((s) => s.stage).join(", ");
  const failing = stages.flatMap((s) => s.findings.filter((f) => f.outcome === "fail"));
  const warning = stages.flatMap((s) => s.findings.filter((f) => f.outcome === "warn"));
  const unjudged = unjudgedText(stages);
  const tail = unjudged === "" ? "" : `; ${unjudged}`;
  switch (verdict) {
    case "fail": {
      const places = [...new Set(failing.map(place))];
      return `${failing.length} ${failing.length === 1 ? "breach" : "breaches"} in ${names}: ${places.slice(0, 4).join(", ")}${places.length > 4 ? ", \u2026" : ""}${tail}`;
    }
    case "warn": {
      const lost = warning.filter((f) => f.reason.code === "lost-scope");
      const few = warning.filter((f) => f.reason.code === "confirmed-few");
      const ends = warning.filter((f) => f.reason.code === "confirmed-end");
      const short = warning.filter((f) => f.reason.code === "confirmed-short");
      const unconfirmed = warning.length - lost.length - few.length - ends.length - short.length;
      const listed = (fs) => {
        const places = [...new Set(fs.map(place))];
        return `${places.slice(0, 4).join(", ")}${places.length > 4 ? ", \u2026" : ""}`;
      };
      const parts = [];
      if (unconfirmed > 0 || lost.length === 0 && few.length === 0 && ends.length === 0 && short.length === 0) {
        parts.push(`${unconfirmed} ${unconfirmed === 1 ? "change" : "changes"} beyond a limit in ${names} that the data cannot confirm`);
      }
      const inNames = parts.length > 0 ? "" : ` in ${names}`;
      if (short.length > 0) parts.push(`${short.length} ${short.length === 1 ? "change" : "changes"} beyond a limit${inNames} on a run too short to fail on: ${listed(short)}`);
      if (ends.length > 0) parts.push(`${ends.length} ${ends.length === 1 ? "slowdown" : "slowdowns"} in the last third of the run${inNames}: ${listed(ends)}`);
      if (few.length > 0) parts.push(`${few.length} ${few.length === 1 ? "change" : "changes"} beyond a limit${inNames} on fewer requests than minSamples: ${listed(few)}`);
      if (lost.length > 0) parts.push(`${lost.length} ${lost.length === 1 ? "endpoint" : "endpoints"} of the baseline missing from the current run${parts.length > 0 ? "" : ` in ${names}`}: ${listed(lost)}`);
      return `${parts.join("; ")}${tail}`;
    }
    case "inconclusive": {
      const note = stages.flatMap((s) => s.notes)[0];
      return `${names}: the data cannot decide${note !== void 0 ? ` (${note})` : unjudged === "" ? " (too little data)" : ""}${tail}`;
    }
    case "pass":
      return `${names}: no regression beyond the limits, thresholds hold${tail}`;
  }
}
function unjudgedText(stages) {
  const endpoints = stages.flatMap((s) => s.scopes.filter((row) => row.scope !== void 0));
  const none = { count: 0, why: /* @__PURE__ */ new Set() };
  const part2 = { count: 0, why: /* @__PURE__ */ new Set() };
  for (const stage of stages) {
    for (const row of stage.scopes) {
      if (row.scope === void 0 || row.outcome !== "inconclusive") continue;
      const tag = row.scope.tag;
      const value2 = row.scope.value;
      const own = stage.findings.filter((f) => f.kind !== "threshold" && f.kind !== "data" && f.scope?.tag === tag && f.scope.value === value2);
      const open3 = own.filter((f) => f.outcome === "inconclusive");
      const judgedSome = row.confidence.level !== "not-applicable" || open3.length < own.length;
      const target = judgedSome ? part2 : none;
      target.count++;
      for (const f of open3) target.why.add(f.shortfall ?? "other");
      if (open3.length === 0) target.why.add(row.decidedBy?.shortfall ?? "other");
    }
  }
  const parts = [];
  const of = `of ${endpoints.length} ${endpoints.length === 1 ? "endpoint" : "endpoints"}`;
  if (none.count > 0) parts.push(`${none.count} ${of} could not be judged (${reasons(none.why)})`);
  if (part2.count > 0) parts.push(`${part2.count} ${none.count > 0 ? "more" : of} could be judged only in part (${reasons(part2.why)})`);
  const others = /* @__PURE__ */ new Map();
  for (const f of stages.flatMap((s) => s.findings)) {
    if (f.outcome !== "inconclusive" || f.scope !== void 0 && f.kind !== "threshold") continue;
    const what = f.kind === "threshold" ? "threshold" : runSubject(f.kind, f.statistic);
    const entry = others.get(what) ?? { count: 0, why: /* @__PURE__ */ new Set() };
    entry.count++;
    entry.why.add(f.shortfall ?? "other");
    others.set(what, entry);
  }
  for (const [what, { count: count2, why }] of others) {
    parts.push(what === "threshold" ? `${count2} ${count2 === 1 ? "threshold" : "thresholds"} could not be checked (${reasons(why)})` : `${what} could not be judged (${reasons(why)})`);
  }
  return parts.join("; ");
}
function reasons(set) {
  return [...set].sort().map(shortfallText).join(", ");
}
function runSubject(kind, statistic) {
  switch (kind) {
    case "latency":
      return `${statistic === "med" ? "typical" : statistic} latency of all requests`;
    case "throughput":
      return "throughput";
    case "error-rate":
      return "the error rate";
    case "failure-signature":
      return "failure signatures";
    case "memory":
    case "leak":
      return "memory";
    case "degradation":
      return "degradation over the run";
    case "threshold":
      return "threshold";
    case "data":
      return "coverage";
  }
}
function percent(fraction2) {
  return String(Math.round(fraction2 * 1e3) / 10);
}
function detectableText(change) {
  return `can detect \u2265 ${formatChange(change)}`;
}
function shareText(share) {
  if (share >= 0.5) return `${formatPercent(share)} of requests`;
  const n = Math.round(1 / share);
  return share > 1e-3 && Math.abs(1 / n - share) / share < 0.05 ? `1 in ${groupThousands(n)} requests` : `${formatPercent(share)} of requests`;
}
function mixText(mix) {
  const by = new Map(mix.entries.map((e) => [e.value, e]));
  const parts = [];
  for (const v of mix.added) parts.push(`${v} is new: ${shareText(by.get(v).currentShare)}`);
  for (const v of mix.removed) parts.push(`${v} is gone (it was ${shareText(by.get(v).baselineShare)})`);
  for (const v of mix.shifted) {
    const e = by.get(v);
    parts.push(`${v} went from ${formatPercent(e.baselineShare)} to ${formatPercent(e.currentShare)} of requests`);
  }
  const shared = mix.entries.filter((e) => e.baselineCount > 0 && e.currentCount > 0).length;
  return `The test's request mix changed: ${parts.join("; ")}. All requests are compared over the ${shared} ${shared === 1 ? "endpoint" : "endpoints"} both runs share, weighted as in the baseline; throughput is not judged across different mixes.`;
}
function powerText(p) {
  const head = `The least-powered endpoint, ${p.scope.value}, ${detectableText(p.detectable)} here`;
  const limit = `+${percent(p.limit)} %`;
  if (p.unreachable === true) return `${head}; no run length reaches the ${limit} limit, because the run-to-run noise alone is larger (runToRunNoise).`;
  if (p.neededSeconds === void 0) return `${head}.`;
  if (p.neededSeconds <= p.durationSeconds) return `${head}; this run is long enough to detect the ${limit} limit with 80 % power.`;
  return `${head}; detecting the ${limit} limit with 80 % power would take about ${formatDuration(p.neededSeconds)} of this load instead of ${formatDuration(p.durationSeconds)} (same request rate, spread and clustering assumed).`;
}
function noiseText(n) {
  if (n.source !== "history") return void 0;
  const range = n.lowest === n.highest ? `${percentText(n.lowest)} for every scope` : `${percentText(n.pooled)} for the stage, ${percentText(n.lowest)}\u2013${percentText(n.highest)} per scope`;
  const aside = n.setAside > 0 ? `; ${n.setAside} ${n.setAside === 1 ? "step" : "steps"} between stored runs too large for noise set aside as code changes` : "";
  return `Run-to-run noise learned from ${n.runs} stored runs of the baseline branch: ${range} (default ${percentText(n.default)})${aside}.`;
}
function abText(ab) {
  const planned = ab.plannedRounds / 2;
  const rounds = ab.roundSeconds !== void 0 ? ` of ${formatDuration(ab.roundSeconds)} rounds` : "";
  const judged = ab.pairs === planned ? `${formatCount(ab.pairs)} pairs${rounds}` : `${formatCount(ab.pairs)} of ${formatCount(planned)} pairs${rounds}`;
  const ratios = ab.ratios.length > 0 ? `; typical latency of the whole run, candidate/baseline per pair: ${ratiosText(ab.ratios)}` : "";
  const spread = ab.spread !== void 0 ? `; the pairs differ by \xB1 ${percentText(Math.expm1(ab.spread))} (the noise these rounds measured)` : "";
  const failed = ab.failedRounds.length === 0 ? "" : ` ${formatCount(ab.failedRounds.length)} ${ab.failedRounds.length === 1 ? "round" : "rounds"} failed and ${ab.failedRounds.length === 1 ? "its pair was" : "their pairs were"} left out: ${ab.failedRounds.map((r) => `round ${r.round + 1} (${r.arm}): ${r.reason}`).join("; ")}.`;
  return `A/B rounds against the baseline service, in ABBA order: ${judged} judged${ratios}${spread}.${failed}`;
}
function abPowerText(p, ab) {
  const head = `The least-powered endpoint, ${p.scope.value}, ${detectableText(p.detectable)} from ${formatCount(ab.pairs)} round pairs`;
  const limit = `+${percent(p.limit)} %`;
  if (p.neededSeconds === void 0 || !(p.durationSeconds > 0)) return `${head}.`;
  const needed = Math.ceil(ab.pairs * (p.neededSeconds / p.durationSeconds));
  if (needed <= ab.pairs) return `${head}; enough to detect the ${limit} limit with 80 % power.`;
  return `${head}; detecting the ${limit} limit with 80 % power would take about ${formatCount(needed)} pairs of these rounds (--rounds ${needed}).`;
}
function ratiosText(ratios) {
  const shown = ratios.slice(0, 12).map((r) => `\xD7${r.toFixed(2)}`).join(" ");
  return ratios.length > 12 ? `${shown} \u2026 (${formatCount(ratios.length)} in all)` : shown;
}
function percentText(x) {
  return `${percent(x)} %`;
}
function sequentialText(q) {
  const planned = formatDuration(q.plannedSeconds);
  const ran = formatDuration(q.ranSeconds);
  const saved = q.plannedSeconds - q.ranSeconds;
  const savedText = saved > 0.5 ? `; ${formatDuration(saved)} (${Math.round(100 * saved / q.plannedSeconds)} %) of the planned time saved` : "";
  const finalAlpha = `judged at the end at \u03B1 ${formatAlpha(q.finalAlpha)}`;
  const open3 = [...q.looks].reverse().find((l) => l.decision === "open" && l.open && l.open.length > 0)?.open;
  const openText = open3 ? ` (still open at the last look: ${open3.slice(0, 3).join(", ")}${open3.length > 3 ? ` and ${open3.length - 3} more` : ""})` : "";
  const lookTimes = q.looks.length > 0 ? `looks at ${q.looks.map((l) => formatDuration(l.atSeconds)).join(", ")}` : "no look was taken";
  switch (q.end) {
    case "regression":
      return `Sequential: stopped at ${ran} of the ${planned} planned \u2014 a regression was confirmed at the look at ${formatDuration(q.stoppedAtLook ?? q.ranSeconds)}${savedText}; ${finalAlpha}.`;
    case "within-limits":
      return `Sequential: stopped at ${ran} of the ${planned} planned \u2014 every question was within its limits at the look at ${formatDuration(q.stoppedAtLook ?? q.ranSeconds)}, and the rest of the run could not plausibly have failed it${savedText}; ${finalAlpha}.`;
    case "full-length": {
      const extended = q.ranSeconds > q.plannedSeconds + 0.5 ? `, ${formatDuration(q.ranSeconds - q.plannedSeconds)} past the ${planned} planned (budget ${formatDuration(q.maxSeconds)}), as the answer was still open` : q.ranSeconds < q.plannedSeconds - 0.5 ? ` \u2014 the script's own length, shorter than the ${planned} planned` : ` (the ${planned} planned)`;
      return `Sequential: the load ran its full ${ran}${extended}; ${lookTimes} did not settle it${openText}; ${finalAlpha}.`;
    }
    case "budget":
      return `Sequential: the load was stopped at its budget of ${formatDuration(q.maxSeconds)} (it ran ${ran}; the script does not seem to read PERF_GATE_STAGE_DURATION)${openText}; ${finalAlpha}.`;
    case "no-baseline":
      return `Sequential: no baseline to compare with, so no look could settle anything early; the load ran the ${planned} planned.`;
    case "unwatched":
      return `Sequential: not applied \u2014 ${q.why ?? "the run could not be seen while the load ran"}; the load ran ${ran}, ${finalAlpha}.`;
    case "cancelled":
      return `Sequential: the run was cancelled at ${ran} of the ${planned} planned; ${lookTimes}.`;
  }
}
function formatAlpha(alpha) {
  return Number(alpha.toPrecision(3)).toString();
}
var SHARDS_LISTED = 8;
function shardsText(f) {
  const share = (x) => `${formatCount(x.requests)} requests${x.p95 !== void 0 || x.errorRate !== void 0 ? ` (${[...x.p95 !== void 0 ? [`p95 ${formatMs(x.p95)}`] : [], ...x.errorRate !== void 0 ? [`${formatPercent(x.errorRate)} errors`] : []].join(", ")})` : ""}`;
  const member = (m) => `${m.index}/${f.count}${m.region !== void 0 ? ` ${m.region}` : ""} ${share(m)}`;
  let listed;
  if (f.members.length <= SHARDS_LISTED) listed = f.members.map(member).join(", ");
  else {
    const sorted = [...f.members].sort((a, b) => a.requests - b.requests);
    listed = `the fewest requests ${member(sorted[0])}, the most ${member(sorted[sorted.length - 1])}`;
  }
  const missing = f.missing.length > 0 ? `; missing: ${f.missing.map((m) => `${m.index}/${f.count} (segment ${m.segment})`).join(", ")}, so the counts and throughput fall short of the whole test's` : "";
  const regions = f.regions.length > 0 ? `; by region: ${f.regions.map((r) => `${r.region} (${r.shards} shard${r.shards === 1 ? "" : "s"}) ${share(r)}`).join("; ")}` : "";
  return `Shards: ${f.members.length} of ${f.count} merged, their loads started ${formatNumber(f.startSpreadSeconds, 2)} s apart \u2014 ${listed}${regions}${missing}.`;
}
var PHASE_WORDS = {
  sending: "sending the request",
  waiting: "waiting (server time)",
  receiving: "receiving the response",
  blocked: "blocked (waiting for a free connection or DNS)",
  connecting: "connecting",
  tls: "TLS handshaking"
};
var PHASE_NOISE_MS = 0.05;
function phasesText(label2, p) {
  const parts = [];
  const rise = p.meanCurrent - p.meanBaseline;
  const delta = (x) => x.current - x.baseline;
  if (rise > PHASE_NOISE_MS && rise / p.meanBaseline > 0.02) {
    const inside = p.phases.filter((x) => DURATION_PHASES.includes(x.phase) && delta(x) > PHASE_NOISE_MS && delta(x) >= rise * 0.1).sort((a, b) => delta(b) - delta(a)).slice(0, 2);
    const of = inside.length > 0 ? `, of which ${inside.map((x) => `+${formatMs(delta(x))} ${PHASE_WORDS[x.phase]}`).join(" and ")}` : "";
    parts.push(`+${formatMs(rise)} mean per request${of}`);
  }
  const setup = (which) => p.phases.filter((x) => x.phase === "connecting" || x.phase === "tls").reduce((sum3, x) => sum3 + x[which], 0);
  const [before, after] = [setup("baseline"), setup("current")];
  if (after - before > PHASE_NOISE_MS && after >= 3 * before) {
    const c2 = p.connected;
    const lost = c2 ? c2.current >= 0.5 && c2.current >= 10 * c2.baseline : before < after / 10;
    const reuse = lost ? ": connections are no longer reused (keep-alive lost?)" : ": fewer connections are reused";
    const share = c2 ? `, ${formatPercent(c2.baseline)} \u2192 ${formatPercent(c2.current)} of requests opened a connection` : "";
    parts.push(`connection setup ${formatMs(before)} \u2192 ${formatMs(after)} per request${before > 0 ? ` (\xD7${formatNumber(after / before, 2)})` : ""}${reuse}${share}`);
  }
  const blocked = p.phases.find((x) => x.phase === "blocked");
  if (blocked && delta(blocked) > 1 && blocked.current >= 2 * blocked.baseline && !(after - before > PHASE_NOISE_MS && after >= 3 * before)) parts.push(`+${formatMs(delta(blocked))} ${PHASE_WORDS.blocked} per request`);
  return parts.length > 0 ? `${label2}: ${parts.join("; ")}.` : void 0;
}
function timeHints(scopes) {
  return scopes.flatMap((row) => {
    if (!row.phases) return [];
    const wholeRun = row.scope === void 0;
    if (!wholeRun && row.outcome !== "fail" && row.outcome !== "warn") return [];
    const text = phasesText(wholeRun ? "All requests" : row.scope.value, row.phases);
    return text !== void 0 && (!wholeRun || row.outcome === "fail" || row.outcome === "warn" || text.includes("connection") || text.includes("blocked")) ? [`Where the time went \u2014 ${text}`] : [];
  });
}
function stageNotes(stage) {
  const noise = stage.noise ? noiseText(stage.noise) : void 0;
  const power = stage.power ? stage.ab ? abPowerText(stage.power, stage.ab) : powerText(stage.power) : void 0;
  const resources = stage.resources ? [...resourceHints({ findings: stage.findings ?? [], resources: stage.resources }), resourcesText(stage.resources)] : [];
  return [...stage.shards ? [shardsText(stage.shards)] : [], ...stage.capacity ? [capacityText(stage.capacity)] : [], ...timeHints(stage.scopes ?? []), ...resources, ...stage.sequential ? [sequentialText(stage.sequential)] : [], ...stage.ab ? [abText(stage.ab)] : [], ...stage.mix ? [mixText(stage.mix)] : [], ...power ? [power] : [], ...noise ? [noise] : [], ...stage.notes];
}

// src/report/view.ts
function baseMetric(metric) {
  const brace = metric.indexOf("{");
  return brace === -1 ? metric : metric.slice(0, brace);
}
var ALL_REQUESTS = "all requests";
function scopeLabel(scope, latencyMetric = "http_req_duration") {
  const base = baseMetric(scope.metric);
  const prefix = base === baseMetric(latencyMetric) || base === "" ? "" : base;
  if (scope.scope === void 0) return prefix === "" ? ALL_REQUESTS : prefix;
  const value2 = scope.scope.tag === "name" ? scope.scope.value : `${scope.scope.tag}=${scope.scope.value}`;
  return prefix === "" ? value2 : `${prefix} \xB7 ${value2}`;
}
var SCOPE_COLUMNS = {
  label: "Endpoint",
  p50: "p50 ms",
  p95: "p95 ms",
  p99: "p99 ms",
  change: "Change",
  throughput: "req/s",
  errorRate: "Error rate",
  sure: "How sure"
};
function scopeRow2(s, latencyMetric) {
  const b = s.baseline;
  const c2 = s.current;
  return {
    outcome: s.outcome,
    wholeRun: s.scope === void 0,
    label: scopeLabel(s, latencyMetric),
    p50: formatPair(b?.p50, c2?.p50, (x) => formatNumber(x)),
    p95: formatPair(b?.p95, c2?.p95, (x) => formatNumber(x)),
    p99: formatPair(b?.p99, c2?.p99, (x) => formatNumber(x)),
    change: changeCell(s),
    throughput: formatPair(b?.throughput, c2?.throughput, (x) => formatNumber(x)),
    errorRate: formatPair(b?.errorRate, c2?.errorRate, formatPercent),
    sure: sureCell(s)
  };
}
function sureCell(s) {
  const sure = s.decidedBy === void 0 ? formatConfidence(s.confidence) : s.decidedBy.shortfall !== void 0 ? `not judged: ${shortfallText(s.decidedBy.shortfall)}` : formatConfidence(s.decidedBy.confidence);
  return s.detectable === void 0 ? sure : `${sure}; ${detectableText(s.detectable)}`;
}
function changeCell(s) {
  const d = s.decidedBy;
  if (d === void 0) return s.latencyChange === void 0 ? MISSING : formatChange(s.latencyChange);
  if (d.kind === "failure-signature") return "new failure signature";
  const what = d.kind === "error-rate" ? "errors" : `${statisticLabel(d.statistic)}${d.compared === "end-of-run" ? " at the end" : ""}`;
  if (d.kind === "error-rate" && d.difference !== void 0) return `${signedPercentNumber(d.difference)} pts ${what}`;
  return d.change === void 0 ? `${MISSING} ${what}` : `${formatChange(d.change)} ${what}`;
}
function statisticLabel(statistic) {
  if (statistic === "med") return "median";
  if (statistic === "avg") return "mean";
  const p = /^p\((\d+(?:\.\d+)?)\)$/.exec(statistic);
  return p ? `p${p[1]}` : statistic;
}
function latencyChangeKey(s) {
  return s.latencyChange === void 0 || Number.isNaN(s.latencyChange) ? -Infinity : s.latencyChange;
}
function scopeRows(scopes) {
  const latencyMetric = latencyMetricOf(scopes);
  const sorted = [...scopes].sort((x, y) => {
    const byOutcome = outcomeRank(x.outcome) - outcomeRank(y.outcome);
    if (byOutcome !== 0) return byOutcome;
    const byWhole = Number(y.scope === void 0) - Number(x.scope === void 0);
    if (byWhole !== 0) return byWhole;
    const byChange = latencyChangeKey(y) - latencyChangeKey(x);
    if (byChange !== 0 && !Number.isNaN(byChange)) return byChange;
    const lx = scopeLabel(x, latencyMetric);
    const ly = scopeLabel(y, latencyMetric);
    return lx < ly ? -1 : lx > ly ? 1 : 0;
  });
  return sorted.map((s) => scopeRow2(s, latencyMetric));
}
function latencyMetricOf(scopes) {
  return scopes.find((s) => s.scope === void 0)?.metric ?? "http_req_duration";
}
function findingView(f, acceptedBy) {
  const fmt = (x) => formatInUnit(f.unit, x);
  const values = f.baseline === void 0 && f.current === void 0 ? "" : formatPair(f.baseline, f.current, fmt);
  const evidence = [];
  if (f.change !== void 0) evidence.push(formatChange(f.change));
  if (f.pValue !== void 0) evidence.push(formatPValue(f.pValue));
  if (f.confidence.level !== "not-applicable") evidence.push(formatConfidence(f.confidence));
  const threshold = `threshold ${limitText(f.limit)}`;
  return {
    severity: f.severity,
    message: findingMessage(f, acceptedBy),
    metric: f.metric,
    // The end-of-run question asks `med` of the last thirds: the technical line says so next to the whole run's `med`.
    statistic: f.details?.compared === "end-of-run" ? `${f.statistic} (last third)` : f.statistic,
    values,
    evidence,
    threshold,
    accepted: f.accepted === true
  };
}
function runDescription(run) {
  const parts = [formatTimestamp(run.start), formatDuration(run.durationSeconds)];
  parts.push(run.toolVersion === void 0 ? run.tool : `${run.tool} ${run.toolVersion}`);
  if (run.gitSha !== void 0) parts.push(run.gitSha.slice(0, 7));
  return parts.join(", ");
}
var MEMORY_COLUMNS = ["Memory", "start", "end", "peak", "slope", "growth"];
function memoryRows(memory) {
  const rows = [];
  for (const run of ["baseline", "current"]) {
    const m = memory[run];
    if (m === void 0) continue;
    rows.push({
      run,
      start: formatMegabytes(m.startBytes),
      end: formatMegabytes(m.endBytes),
      peak: formatMegabytes(m.peakBytes),
      slope: m.slopeMBPerHour === void 0 ? MISSING : `${formatSlope(m.slopeMBPerHour)}${m.slopeInterval ? ` (95 % CI ${formatSlope(m.slopeInterval.lower)} \u2026 ${formatSlope(m.slopeInterval.upper)})` : ""}${m.rSquared !== void 0 ? `, r\xB2 ${m.rSquared.toFixed(2)}` : ""}`,
      growth: m.growth === void 0 ? MISSING : formatChange(m.growth)
    });
  }
  return rows;
}
function verdictText(report) {
  const text = headlineOf(report).trim().replace(/^(✅|⚠️|⚠|❌|❔)\s*/u, "");
  if (text === "") return report.verdict;
  const named = text.toLowerCase().startsWith(report.verdict) && !/^[a-z]/i.test(text.slice(report.verdict.length));
  return named ? text : `${report.verdict} \u2014 ${text}`;
}
function findingKey(f) {
  return JSON.stringify([f.outcome, f.severity, f.kind, f.metric, f.scope?.tag, f.scope?.value, f.statistic, f.baseline, f.current, f.change, f.reason]);
}
function runWideFindings(report) {
  const inStages = new Set(report.stages.flatMap((s) => s.findings.map(findingKey)));
  return report.findings.filter((f) => !inStages.has(findingKey(f)));
}

// src/report/markdown.ts
var GITHUB_COMMENT_LIMIT = 65536;
var DEFAULT_MAX_LENGTH = GITHUB_COMMENT_LIMIT - 536;
function outcomeMark(outcome) {
  switch (outcome) {
    case "pass":
      return "\u2705";
    case "warn":
      return "\u26A0\uFE0F";
    case "fail":
      return "\u274C";
    case "inconclusive":
      return "\u2754";
  }
}
function severityMark(severity) {
  switch (severity) {
    case "fail":
      return "\u274C";
    case "warn":
      return "\u26A0\uFE0F";
    case "info":
      return "\u2139\uFE0F";
  }
}
function renderMarkdown(report, options = {}) {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (options.marker !== void 0) checkMarker(options.marker);
  const model = buildModel(report, options);
  const render = (cut2) => compose(model, cut2, maxLength);
  const fits = (cut2) => render(cut2).length <= maxLength;
  let cut = { ...NO_CUT };
  if (fits(cut)) return render(cut);
  if (model.trend !== "") {
    cut = { ...cut, trend: true };
    if (fits(cut)) return render(cut);
  }
  if (model.sections.some((s) => s.details !== "")) {
    cut = { ...cut, details: true };
    if (fits(cut)) return render(cut);
  }
  const rowCount = model.rowDropOrder.length;
  if (rowCount > 0) {
    const k = smallestFitting(rowCount, (n) => fits({ ...cut, rows: n }));
    if (k !== void 0) return render({ ...cut, rows: k });
    cut = { ...cut, rows: rowCount };
  }
  if (model.sections.some((s) => s.memory !== "")) {
    cut = { ...cut, memory: true };
    if (fits(cut)) return render(cut);
  }
  const findingCount = model.findingDropOrder.length;
  if (findingCount > 0) {
    const k = smallestFitting(findingCount, (n) => fits({ ...cut, findings: n }));
    if (k !== void 0) return render({ ...cut, findings: k });
    cut = { ...cut, findings: findingCount };
  }
  cut = { ...cut, sections: true };
  if (fits(cut)) return render(cut);
  return renderShortened(model, cut, maxLength);
}
function checkMarker(marker) {
  const inner = marker.slice(4, -3);
  if (!marker.startsWith("<!--") || !marker.endsWith("-->") || marker.length < 7 || /-->|--!>|[\r\n]/.test(inner) || inner.startsWith(">") || inner.startsWith("->")) {
    throw new Error(`'marker' must be one line holding one HTML comment like '<!-- perf-gate:id=smoke -->' but got ${JSON.stringify(marker)}`);
  }
}
function smallestFitting(max, ok) {
  if (!ok(max)) return void 0;
  let lo = 1;
  let hi = max;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
var TABLE_HEADER = ["", SCOPE_COLUMNS.label, SCOPE_COLUMNS.p50, SCOPE_COLUMNS.p95, SCOPE_COLUMNS.p99, SCOPE_COLUMNS.change, SCOPE_COLUMNS.throughput, SCOPE_COLUMNS.errorRate, SCOPE_COLUMNS.sure];
var TABLE_ALIGN = ["c", "l", "r", "r", "r", "r", "r", "r", "l"];
function rowCells(row) {
  const label2 = row.wholeRun ? `**${escapeMarkdown(row.label)}**` : escapeMarkdown(row.label);
  return [outcomeMark(row.outcome), label2, row.p50, row.p95, row.p99, row.change, row.throughput, row.errorRate, row.sure];
}
function findingLine(f) {
  const v = findingView(f);
  const subject2 = [escapeMarkdown(v.metric), escapeMarkdown(v.statistic)].filter((x) => x !== "").join(" ");
  const numbers3 = [v.values, ...v.evidence].filter((x) => x !== "").join(", ");
  const detail = numbers3 === "" ? subject2 : `${subject2}: ${numbers3}`;
  const extras = [v.threshold === "" ? "" : escapeMarkdown(v.threshold), v.accepted ? "accepted by label" : ""].filter((x) => x !== "");
  return `- ${severityMark(v.severity)} ${escapeMarkdown(v.message)} \u2014 ${[detail, ...extras].join("; ")}`;
}
function runLine(stage) {
  const partial = (p) => p ? " \u26A0\uFE0F **partial**" : "";
  const current = `current ${escapeMarkdown(runDescription(stage.currentRun))}${partial(stage.currentRun.partial)}`;
  if (stage.baselineRun === void 0) return `No baseline run \xB7 ${current}`;
  return `Baseline ${escapeMarkdown(runDescription(stage.baselineRun))}${partial(stage.baselineRun.partial)} \u2192 ${current}`;
}
function plural(n, one, many) {
  return `${groupThousands(n)} ${n === 1 ? one : many}`;
}
function detailsBlock(info, notes) {
  if (info.length === 0 && notes.length === 0) return "";
  const summary2 = [info.length > 0 ? plural(info.length, "info finding", "info findings") : "", notes.length > 0 ? plural(notes.length, "note", "notes") : ""].filter((x) => x !== "").join(", ");
  const items = [...info.map(findingLine), ...notes.map((n) => `- \u{1F4DD} ${escapeMarkdown(n)}`)];
  return `<details><summary>Details: ${summary2}</summary>

${items.join("\n")}

</details>`;
}
function memoryBlock(stage) {
  if (stage.memory === void 0) return "";
  const rows = memoryRows(stage.memory);
  if (rows.length === 0) return "";
  return markdownTable(
    [[...MEMORY_COLUMNS], ...rows.map((r) => [r.run, r.start, r.end, r.peak, r.slope, r.growth])],
    { alignDelimiters: false, align: ["l", "r", "r", "r", "r", "r"] }
  );
}
function section(head, scopes, findings, memory, notes, hints = "") {
  const sorted = sortFindings(findings);
  return {
    head,
    hints,
    rows: scopes.map(rowCells),
    findings: sorted.filter((f) => f.severity !== "info").map(findingLine),
    memory,
    details: detailsBlock(sorted.filter((f) => f.severity === "info"), notes)
  };
}
function buildModel(report, options) {
  const sections = [];
  const rowRanks = [];
  const findingRanks = [];
  const add = (s, scopes, findings) => {
    const i = sections.length;
    sections.push(s);
    scopes.forEach((row, j) => rowRanks.push({ at: [i, j], rank: outcomeRank(row.outcome) }));
    sortFindings(findings).filter((f) => f.severity !== "info").forEach((f, j) => findingRanks.push({ at: [i, j], rank: severityRank(f.severity) }));
  };
  for (const stage of report.stages) {
    const rows = scopeRows(stage.scopes);
    const empty = rows.length === 0 ? "\n\n_No per-endpoint data._" : "";
    const { shards, scopes, resources, capacity, ...rest } = stage;
    const shardLine = shards ? `

${escapeMarkdown(shardsText(shards))}` : "";
    const capacityLine = capacity ? `

${escapeMarkdown(capacityText(capacity))}` : "";
    const head = `#### ${outcomeMark(stage.outcome)} Stage ${escapeMarkdown(stage.stage)}: ${stage.outcome}

${runLine(stage)}${shardLine}${capacityLine}${empty}`;
    const hints = [...timeHints(scopes), ...resourceHints(stage)].map((h) => `- \u{1F50E} ${escapeMarkdown(h)}`).join("\n");
    const notes = [...stageNotes(rest), ...resources ? [resourcesText(resources)] : []];
    add(section(head, rows, stage.findings, memoryBlock(stage), notes, hints), rows, stage.findings);
  }
  const runWide = runWideFindings(report);
  if (runWide.length > 0) add(section("#### Run-wide findings", [], runWide, "", []), [], runWide);
  const dropOrder = (xs) => xs.sort((x, y) => y.rank - x.rank || y.at[0] - x.at[0] || y.at[1] - x.at[1]).map((x) => x.at);
  return {
    marker: options.marker ?? "",
    title: options.title === void 0 ? "" : escapeMarkdown(options.title),
    verdictMark: outcomeMark(report.verdict),
    headline: escapeMarkdown(verdictText(report)),
    sections,
    trend: options.trend?.trim() ?? "",
    rowDropOrder: dropOrder(rowRanks),
    findingDropOrder: dropOrder(findingRanks)
  };
}
var NO_CUT = { trend: false, details: false, rows: 0, memory: false, findings: 0, sections: false };
function droppedSets(order, n) {
  const bySection = /* @__PURE__ */ new Map();
  for (const [s, i] of order.slice(0, n)) {
    const set = bySection.get(s) ?? /* @__PURE__ */ new Set();
    set.add(i);
    bySection.set(s, set);
  }
  return bySection;
}
function tableBlock(rows, dropped) {
  const kept = dropped === void 0 ? rows : rows.filter((_, i) => !dropped.has(i));
  const omitted = rows.length - kept.length;
  if (kept.length === 0) return `_\u2026 all ${plural(rows.length, "row", "rows")} of this table omitted._`;
  const table = markdownTable([TABLE_HEADER, ...kept], { alignDelimiters: false, align: TABLE_ALIGN });
  return omitted === 0 ? table : `${table}

_\u2026 ${plural(omitted, "more row", "more rows")} omitted._`;
}
function truncationNote(model, cut, maxLength) {
  const parts = [];
  if (cut.sections) parts.push(plural(model.sections.length, "stage section", "stage sections"));
  if (cut.rows > 0 && !cut.sections) parts.push(plural(cut.rows, "row", "rows"));
  if (cut.findings > 0 && !cut.sections) parts.push(plural(cut.findings, "finding", "findings"));
  if (cut.memory && !cut.sections) parts.push("the memory tables");
  if (cut.details && !cut.sections) parts.push("the details");
  if (cut.trend && model.trend !== "") parts.push("the trend chart");
  if (parts.length === 0) return "";
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
  const limit = maxLength >= DEFAULT_MAX_LENGTH ? `GitHub's ${groupThousands(GITHUB_COMMENT_LIMIT)}-character limit` : `${groupThousands(maxLength)} characters`;
  return `${TRUNCATION_LEAD}${list} omitted (report truncated to fit ${limit}); see the JSON report.`;
}
var TRUNCATION_LEAD = "\u2026 ";
function compose(model, cut, maxLength, headline = model.headline, title = model.title) {
  const blocks = [];
  const top = [model.marker, title === "" ? "" : `## ${title}`].filter((x) => x !== "");
  blocks.push([...top, `### ${model.verdictMark} ${headline}`].join("\n"));
  if (!cut.sections) {
    const rowsDropped = droppedSets(model.rowDropOrder, cut.rows);
    const findingsDropped = droppedSets(model.findingDropOrder, cut.findings);
    model.sections.forEach((s, i) => {
      blocks.push(s.head);
      if (s.rows.length > 0) blocks.push(tableBlock(s.rows, rowsDropped.get(i)));
      const droppedFindings = findingsDropped.get(i);
      const findings = droppedFindings === void 0 ? s.findings : s.findings.filter((_, j) => !droppedFindings.has(j));
      if (findings.length > 0) blocks.push(findings.join("\n"));
      if (!cut.details && s.hints !== "") blocks.push(s.hints);
      if (!cut.memory && s.memory !== "") blocks.push(s.memory);
      if (!cut.details && s.details !== "") blocks.push(s.details);
    });
  }
  if (!cut.trend && model.trend !== "") blocks.push(model.trend);
  const note = truncationNote(model, cut, maxLength);
  if (note !== "") blocks.push(note);
  return `${blocks.join("\n\n")}
`;
}
function renderShortened(model, cut, maxLength) {
  const title = units(model.title);
  const headline = units(model.headline);
  const attempt = (t2, h2) => compose(model, cut, maxLength, shorten(headline, h2, "\u2026"), shorten(title, t2, ""));
  const t = largestFitting(title.length, (n) => attempt(n, headline.length).length <= maxLength);
  if (t !== void 0) return attempt(t, headline.length);
  const h = largestFitting(headline.length, (n) => attempt(0, n).length <= maxLength);
  if (h !== void 0) return attempt(0, h);
  throw new RangeError(
    `maxLength ${maxLength} is too small for a report: the marker, the verdict mark and the truncation note alone take ${attempt(0, 0).length} characters`
  );
}
function largestFitting(max, ok) {
  if (!ok(0)) return void 0;
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
var segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
function units(escaped) {
  const out = [];
  const atomic = /\\.|&(?:amp|lt|gt|quot);|@\u200b/gsu;
  let last2 = 0;
  for (const m of escaped.matchAll(atomic)) {
    for (const g of segmenter.segment(escaped.slice(last2, m.index))) out.push(g.segment);
    out.push(m[0]);
    last2 = m.index + m[0].length;
  }
  for (const g of segmenter.segment(escaped.slice(last2))) out.push(g.segment);
  return out;
}
function shorten(parts, n, ellipsis) {
  return n >= parts.length ? parts.join("") : `${parts.slice(0, n).join("")}${ellipsis}`;
}

// src/report/width.ts
var segmenter2 = new Intl.Segmenter("en", { granularity: "grapheme" });
var WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;
var EMOJI = new RegExp("\\p{Emoji_Presentation}|\\p{Extended_Pictographic}\\ufe0f", "u");
var ZERO2 = /^[\p{Mn}\p{Me}\p{Cf}\u200b]+$/u;
function graphemeWidth(g) {
  if (ZERO2.test(g)) return 0;
  if (EMOJI.test(g) || WIDE.test(g)) return 2;
  return 1;
}
function displayWidth(s) {
  let w = 0;
  for (const { segment } of segmenter2.segment(s)) w += graphemeWidth(segment);
  return w;
}
function truncateToWidth(s, width) {
  if (displayWidth(s) <= width) return s;
  let out = "";
  let w = 0;
  for (const { segment } of segmenter2.segment(s)) {
    const gw = graphemeWidth(segment);
    if (w + gw > width - 1) break;
    out += segment;
    w += gw;
  }
  return `${out}\u2026`;
}
function padToWidth(s, width, align) {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  switch (align) {
    case "left":
      return s + fill;
    case "right":
      return fill + s;
  }
}

// src/report/text.ts
var MIN_LABEL_WIDTH = 16;
var INDENT = "  ";
var GAP = "  ";
var ANSI = {
  fail: "\x1B[31m",
  warn: "\x1B[33m",
  pass: "\x1B[32m",
  inconclusive: "\x1B[35m",
  info: "\x1B[36m",
  bold: "\x1B[1m",
  dim: "\x1B[2m"
};
var RESET = "\x1B[0m";
function painter(color) {
  return color ? (s, style) => s === "" ? s : `${ANSI[style]}${s}${RESET}` : (s) => s;
}
function renderText(report, options = {}) {
  const width = options.width === void 0 ? Infinity : Math.max(40, options.width);
  const paint = painter(options.color === true);
  const out = [];
  out.push(paint(paint(`perf-gate: ${sanitizeTerminal(verdictText(report))}`, report.verdict), "bold"));
  for (const stage of report.stages) {
    out.push("", ...stageLines(stage, width, paint));
  }
  const runWide = runWideFindings(report);
  if (runWide.length > 0) out.push("", paint("Run-wide findings:", "bold"), ...findingLines(runWide, width, paint));
  return `${out.join("\n")}
`;
}
function stageLines(stage, width, paint) {
  const lines = [];
  lines.push(`${paint(`Stage ${sanitizeTerminal(stage.stage)}:`, "bold")} ${paint(stage.outcome, stage.outcome)}`);
  const partial = (p) => p ? ` ${paint("(partial)", "warn")}` : "";
  const current = `current ${sanitizeTerminal(runDescription(stage.currentRun))}${partial(stage.currentRun.partial)}`;
  const runs = stage.baselineRun === void 0 ? `no baseline run; ${current}` : `baseline ${sanitizeTerminal(runDescription(stage.baselineRun))}${partial(stage.baselineRun.partial)} \u2192 ${current}`;
  lines.push(...wrap(runs, width - INDENT.length).map((l) => INDENT + l));
  if (stage.scopes.length > 0) lines.push("", ...scopeTable(stage, width, paint));
  else lines.push(`${INDENT}no per-endpoint data`);
  if (stage.findings.length > 0) lines.push("", ...findingLines(stage.findings, width, paint));
  if (stage.memory !== void 0) {
    const rows = memoryRows(stage.memory).map((r) => [r.run, r.start, r.end, r.peak, r.slope, r.growth]);
    if (rows.length > 0) {
      const aligns = ["left", "right", "right", "right", "right", "right"];
      lines.push("", ...alignColumns([[...MEMORY_COLUMNS].map((c2) => c2.toLowerCase()), ...rows], aligns).map((l) => INDENT + l));
    }
  }
  const notes = stageNotes(stage);
  if (notes.length > 0) {
    lines.push("");
    for (const note of notes) {
      const [first2 = "", ...rest] = wrap(sanitizeTerminal(note), width - INDENT.length - "note: ".length);
      lines.push(`${INDENT}${paint("note:", "dim")} ${first2}`, ...rest.map((l) => `${INDENT}      ${l}`));
    }
  }
  return lines;
}
function alignColumns(rows, aligns) {
  const widths = [];
  for (const row of rows) row.forEach((cell, i) => widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell)));
  return rows.map((row) => row.map((cell, i) => padToWidth(cell, widths[i] ?? 0, aligns[i] ?? "left")).join(GAP).trimEnd());
}
function scopeTable(stage, width, paint) {
  const rows = scopeRows(stage.scopes);
  const header = ["verdict", SCOPE_COLUMNS.label, SCOPE_COLUMNS.p50, SCOPE_COLUMNS.p95, SCOPE_COLUMNS.p99, SCOPE_COLUMNS.change, SCOPE_COLUMNS.throughput, SCOPE_COLUMNS.errorRate, SCOPE_COLUMNS.sure].map((h) => h.toLowerCase());
  const cells = rows.map((r) => [r.outcome, sanitizeTerminal(r.label), r.p50, r.p95, r.p99, r.change, r.throughput, r.errorRate, r.sure]);
  const aligns = ["left", "left", "right", "right", "right", "right", "right", "right", "left"];
  const natural = Math.max(...alignColumns([header, ...cells], aligns).map(displayWidth)) + INDENT.length;
  if (natural > width) {
    const labelWidth = Math.max(...[header, ...cells].map((c2) => displayWidth(c2[1] ?? "")));
    const target = Math.max(MIN_LABEL_WIDTH, labelWidth - (natural - width));
    for (const c2 of cells) c2[1] = truncateToWidth(c2[1] ?? "", target);
  }
  const lines = alignColumns([header, ...cells], aligns);
  return lines.map((line, i) => {
    if (i === 0) return INDENT + paint(line, "bold");
    const row = rows[i - 1];
    if (row === void 0) return INDENT + line;
    return INDENT + paint(row.outcome, row.outcome) + line.slice(row.outcome.length);
  });
}
function findingLines(findings, width, paint) {
  const lines = [];
  const tagWidth = "fail".length + 2;
  const body = width - INDENT.length - tagWidth;
  const pad = " ".repeat(INDENT.length + tagWidth);
  for (const f of sortFindings(findings)) {
    const v = findingView(f);
    const subject2 = [v.metric, v.statistic].filter((x) => x !== "").map(sanitizeTerminal).join(" ");
    const numbers3 = [v.values, ...v.evidence].filter((x) => x !== "").join(", ");
    const extras = [sanitizeTerminal(v.threshold), v.accepted ? "accepted by label" : ""].filter((x) => x !== "");
    const detail = [numbers3 === "" ? subject2 : `${subject2}: ${numbers3}`, ...extras].join("; ");
    const [first2 = "", ...rest] = wrap(sanitizeTerminal(v.message), body);
    lines.push(`${INDENT}${paint(padToWidth(v.severity, tagWidth - 2, "left"), v.severity)}  ${first2}`);
    for (const l of [...rest, ...wrap(detail, body).map((d) => paint(d, "dim"))]) lines.push(pad + l);
  }
  return lines;
}
var UNIT = /^(%|ms|s|min|h|MB|MB\/h|req\/s|CI)[,;)]?$/;
function wrap(text, width) {
  const words = [];
  for (const w of text.split(" ")) {
    const last2 = words.length - 1;
    if (UNIT.test(w) && last2 >= 0) words[last2] = `${words[last2]} ${w}`;
    else words.push(w);
  }
  const lines = [];
  let line = "";
  for (const word2 of words) {
    if (line === "") line = word2;
    else if (displayWidth(line) + 1 + displayWidth(word2) <= width) line += ` ${word2}`;
    else {
      lines.push(line);
      line = word2;
    }
  }
  lines.push(line);
  return lines;
}

// src/report/json.ts
function keyOrder() {
  return (keys) => keys;
}
var INTERVAL = { keys: keyOrder()(["lower", "upper", "confidence"]), children: {} };
var CONFIDENCE = { keys: keyOrder()(["level", "interval"]), children: { interval: INTERVAL } };
var SCOPE = { keys: keyOrder()(["tag", "value"]), children: {} };
var FINDING = {
  keys: keyOrder()([
    "outcome",
    "severity",
    "kind",
    "metric",
    "scope",
    "statistic",
    "unit",
    "baseline",
    "current",
    "change",
    "limit",
    "threshold",
    "pValue",
    "beyondLimit",
    "confidence",
    "reason",
    "details",
    "message",
    "shortfall",
    "accepted"
  ]),
  children: { scope: SCOPE, confidence: CONFIDENCE }
};
var SUMMARY = { keys: keyOrder()(["count", "p50", "p95", "p99", "avg", "throughput", "errorRate"]), children: {} };
var DECISION = {
  keys: keyOrder()(["kind", "statistic", "compared", "change", "difference", "confidence", "shortfall"]),
  children: { confidence: CONFIDENCE }
};
var SCOPE_COMPARISON = {
  keys: keyOrder()(["metric", "scope", "outcome", "latencyChange", "confidence", "decidedBy", "detectable", "baseline", "current", "phases"]),
  children: { scope: SCOPE, confidence: CONFIDENCE, decidedBy: DECISION, baseline: SUMMARY, current: SUMMARY }
};
var SLOPE_INTERVAL = { keys: ["lower", "upper"], children: {} };
var MEMORY_RUN = { keys: keyOrder()(["startBytes", "endBytes", "peakBytes", "slopeMBPerHour", "slopeInterval", "rSquared", "growth"]), children: { slopeInterval: SLOPE_INTERVAL } };
var MEMORY = { keys: keyOrder()(["baseline", "current"]), children: { baseline: MEMORY_RUN, current: MEMORY_RUN } };
var RUN = { keys: keyOrder()(["start", "durationSeconds", "partial", "tool", "toolVersion", "gitSha"]), children: {} };
var STAGE = {
  keys: keyOrder()(["stage", "outcome", "baselineRun", "currentRun", "scopes", "findings", "memory", "limits", "capacity", "resources", "mix", "power", "noise", "ab", "sequential", "shards", "notes"]),
  children: { baselineRun: RUN, currentRun: RUN, scopes: { items: SCOPE_COMPARISON }, findings: { items: FINDING }, memory: MEMORY }
};
var REPORT = {
  keys: keyOrder()(["schema", "verdict", "headline", "acceptedBy", "generatedAt", "stages", "findings"]),
  children: { stages: { items: STAGE }, findings: { items: FINDING } }
};
function renderJson(report) {
  return `${JSON.stringify(ordered(worded(report), REPORT, ""), null, 2)}
`;
}
function worded(report) {
  const word2 = (f) => ({ ...f, threshold: limitText(f.limit), message: findingMessage(f, report.acceptedBy) });
  return {
    ...report,
    headline: headlineOf(report),
    stages: report.stages.map((s) => ({ ...s, findings: s.findings.map(word2) })),
    findings: report.findings.map(word2)
  };
}
function ordered(value2, shape, path) {
  if (typeof value2 === "number") {
    if (!Number.isFinite(value2)) throw new TypeError(`${path || "report"} is ${value2}: the JSON report cannot hold a non-finite number`);
    return value2;
  }
  if (Array.isArray(value2)) return value2.map((item, i) => ordered(item, shape, `${path}[${i}]`));
  if (typeof value2 !== "object" || value2 === null) return value2;
  const record = value2;
  const known2 = shape?.keys ?? [];
  const extra = Object.keys(record).filter((k) => !known2.includes(k)).sort();
  const out = {};
  for (const key of [...known2, ...extra]) {
    if (!Object.hasOwn(record, key) || record[key] === void 0) continue;
    const child = shape?.children[key];
    const childShape = child === void 0 ? void 0 : "items" in child ? child.items : child;
    out[key] = ordered(record[key], childShape, path === "" ? key : `${path}.${key}`);
  }
  return out;
}

// src/report/trend.ts
function renderTrend(points, title = "p95 of all requests per run (ms)") {
  const usable = points.filter((p) => Number.isFinite(p.p95) && p.p95 >= 0);
  if (usable.length < 2) return "";
  const max = Math.max(...usable.map((p) => p.p95));
  const top = niceCeiling(max * 1.1);
  const labels = usable.map((p) => `"${clean(p.label)}"`).join(", ");
  const values = usable.map((p) => round(p.p95)).join(", ");
  return ["```mermaid", "xychart-beta", `  title "${clean(title)}"`, `  x-axis [${labels}]`, `  y-axis "ms" 0 --> ${top}`, `  line [${values}]`, "```"].join("\n");
}
function clean(s) {
  return s.replace(/[^\w .:/()+-]/g, "").slice(0, 40);
}
function round(x) {
  return x >= 100 ? Math.round(x) : Math.round(x * 10) / 10;
}
function niceCeiling(x) {
  if (x <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(x));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= x) return step * magnitude;
  return 10 * magnitude;
}

// src/document/series.ts
var MAX_POINTS = 400;
var BYTES_PER_MB2 = 1048576;
function startMs(doc) {
  const t = Date.parse(doc.meta.start);
  return Number.isFinite(t) ? t : doc.windows.originMs;
}
function latencySeries(doc, metric) {
  const windows = windowsOf(doc, metric, "trend").filter((w) => w.count > 0).sort((a, b) => a.i - b.i);
  const p50 = [];
  const p95 = [];
  if (windows.length === 0) return { p50, p95 };
  const { originMs, widthMs } = doc.windows;
  const start = startMs(doc);
  const first2 = windows[0].i;
  const last2 = windows[windows.length - 1].i;
  const group = Math.max(1, Math.ceil((last2 - first2 + 1) / MAX_POINTS));
  for (let k = 0; k < windows.length; ) {
    const key = Math.floor((windows[k].i - first2) / group);
    const sketch = WindowSketch.open();
    let iSum = 0;
    let n = 0;
    for (; k < windows.length && Math.floor((windows[k].i - first2) / group) === key; k++) {
      sketch.addEncoded(windows[k].sketch);
      iSum += windows[k].i;
      n++;
    }
    const x = Math.max(0, (originMs + iSum / n * widthMs - start) / 1e3);
    const m = sketch.percentile(0.5);
    const h = sketch.percentile(0.95);
    sketch.discard();
    if (!isInsufficient(m) && Number.isFinite(m) && Number.isFinite(x)) p50.push([x, m]);
    if (!isInsufficient(h) && Number.isFinite(h) && Number.isFinite(x)) p95.push([x, h]);
  }
  return { p50, p95 };
}
function hasLatencyWindows(doc, metric) {
  return windowsOf(doc, metric, "trend").some((w) => w.count > 0);
}
function memorySeries(doc) {
  const start = startMs(doc);
  return (doc.memory?.samples ?? []).map((s) => [(s.t - start) / 1e3, s.rssBytes / BYTES_PER_MB2]).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)).sort((a, b) => a[0] - b[0]);
}
function trafficSeries(doc, requestsScope, failuresScope) {
  const { originMs, widthMs } = doc.windows;
  const start = startMs(doc);
  const requests = [...windowsOf(doc, requestsScope, "counter")].sort((a, b) => a.i - b.i);
  const failures = windowsOf(doc, failuresScope, "rate").filter((w) => w.count > 0).sort((a, b) => a.i - b.i);
  const grouped = (ws, value2) => {
    if (ws.length === 0) return [];
    const size = Math.max(1, Math.ceil((ws[ws.length - 1].i - ws[0].i + 1) / MAX_POINTS));
    const out = [];
    for (let k = 0; k < ws.length; ) {
      const key = Math.floor((ws[k].i - ws[0].i) / size);
      const group = [];
      while (k < ws.length && Math.floor((ws[k].i - ws[0].i) / size) === key) group.push(ws[k++]);
      const x = (originMs + (group.reduce((s, w) => s + w.i, 0) / group.length + 0.5) * widthMs - start) / 1e3;
      const y = value2(group);
      if (y !== void 0 && Number.isFinite(x) && Number.isFinite(y)) out.push([Math.max(0, x), y]);
    }
    return out;
  };
  return {
    throughput: grouped(requests, (g) => g.reduce((s, w) => s + w.count, 0) / (g.length * widthMs / 1e3)),
    errorRate: grouped(failures, (g) => {
      const n = g.reduce((s, w) => s + w.count, 0);
      return n > 0 ? 100 * g.reduce((s, w) => s + w.passes, 0) / n : void 0;
    })
  };
}

// src/report/html-escape.ts
var CONTROL2 = /\r\n|[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
var BIDI2 = /[\u202a-\u202e\u2066-\u2069]/g;
function escapeHtml(s) {
  return s.replace(CONTROL2, " ").replace(BIDI2, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

// src/report/html-chart.ts
var WIDTH = 640;
var HEIGHT = 260;
var MARGIN = { left: 56, right: 16, top: 12, bottom: 64 };
function niceStep(range, target = 4) {
  if (!(range > 0) || !Number.isFinite(range)) return 1;
  const raw = range / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const fraction2 = raw / magnitude;
  const nice = fraction2 < 1.5 ? 1 : fraction2 < 3 ? 2 : fraction2 < 7 ? 5 : 10;
  return nice * magnitude;
}
function downsample(points, max = MAX_POINTS) {
  if (points.length <= max) return points.map(([x, y]) => [x, y]);
  const size = Math.ceil(points.length / max);
  const out = [];
  for (let i = 0; i < points.length; i += size) {
    const group = points.slice(i, i + size);
    let sx = 0;
    let sy = 0;
    for (const [x, y] of group) {
      sx += x;
      sy += y;
    }
    out.push([sx / group.length, sy / group.length]);
  }
  return out;
}
function tickLabel(x) {
  if (Math.abs(x) >= 1e3) return groupThousands(x);
  const v = Number(x.toPrecision(4));
  return v < 0 ? `${MINUS}${-v}` : String(v === 0 ? 0 : v);
}
function c(x) {
  return Number.isFinite(x) ? String(Math.round(x * 10) / 10) : "0";
}
function renderLineChart(chart) {
  const series = chart.series.map((s) => ({ ...s, points: downsample(s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y))) })).filter((s) => s.points.length > 0);
  const title = escapeHtml(chart.title);
  if (series.length === 0) return `<figure class="chart"><figcaption>${title}</figcaption><p class="empty">No time series recorded.</p></figure>`;
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) => s.points.map((p) => p[1]));
  let xMin = Math.min(...xs);
  let xMax = Math.max(...xs);
  if (xMax - xMin <= 0) {
    xMin = xMin >= 0 ? Math.max(0, xMin - 1) : xMin - 1;
    xMax = xMin + 2;
  }
  const limits = (chart.limits ?? []).filter((l) => Number.isFinite(l.y) && l.y >= 0);
  const yTop = Math.max(...ys, ...limits.map((l) => l.y * 1.05), 0);
  const yStep = niceStep(yTop > 0 ? yTop : 1);
  const yMax = Math.max(yStep, Math.ceil(yTop / yStep) * yStep);
  const xStep = niceStep(xMax - xMin, 5);
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const px = (x) => MARGIN.left + (x - xMin) / (xMax - xMin) * plotW;
  const py = (y) => MARGIN.top + plotH - y / yMax * plotH;
  const bottom = MARGIN.top + plotH;
  const parts = [];
  for (let k = 0; k * yStep <= yMax * (1 + 1e-9); k++) {
    const y = k * yStep;
    parts.push(`<line class="grid" x1="${c(MARGIN.left)}" x2="${c(WIDTH - MARGIN.right)}" y1="${c(py(y))}" y2="${c(py(y))}"/>`);
    parts.push(`<text class="tick" x="${c(MARGIN.left - 6)}" y="${c(py(y) + 4)}" text-anchor="end">${tickLabel(y)}</text>`);
  }
  if (chart.xTickLabels) {
    for (const [x, label2] of chart.xTickLabels) {
      if (x < xMin || x > xMax) continue;
      parts.push(`<line class="axis" x1="${c(px(x))}" x2="${c(px(x))}" y1="${c(bottom)}" y2="${c(bottom + 4)}"/>`);
      parts.push(`<text class="tick" x="${c(px(x))}" y="${c(bottom + 16)}" text-anchor="end" transform="rotate(-35 ${c(px(x))} ${c(bottom + 16)})">${escapeHtml(label2)}</text>`);
    }
  } else {
    for (let x = Math.ceil(xMin / xStep) * xStep; x <= xMax + xStep * 1e-9; x += xStep) {
      parts.push(`<line class="axis" x1="${c(px(x))}" x2="${c(px(x))}" y1="${c(bottom)}" y2="${c(bottom + 4)}"/>`);
      parts.push(`<text class="tick" x="${c(px(x))}" y="${c(bottom + 16)}" text-anchor="middle">${tickLabel(x)}</text>`);
    }
  }
  for (const l of limits) {
    parts.push(`<line class="limit" x1="${c(MARGIN.left)}" x2="${c(WIDTH - MARGIN.right)}" y1="${c(py(l.y))}" y2="${c(py(l.y))}"><title>${escapeHtml(l.label)}</title></line>`);
    parts.push(`<text class="limit-label" x="${c(WIDTH - MARGIN.right - 4)}" y="${c(py(l.y) - 4)}" text-anchor="end">${escapeHtml(l.label)}</text>`);
  }
  for (const m of chart.markers ?? []) {
    if (!Number.isFinite(m.x) || m.x < xMin || m.x > xMax) continue;
    parts.push(`<line class="marker" x1="${c(px(m.x))}" x2="${c(px(m.x))}" y1="${c(MARGIN.top)}" y2="${c(bottom)}"><title>${escapeHtml(m.label)}</title></line>`);
    parts.push(`<text class="marker-label" x="${c(px(m.x) + 4)}" y="${c(MARGIN.top + 12)}">${escapeHtml(m.label)}</text>`);
  }
  parts.push(`<line class="axis" x1="${c(MARGIN.left)}" x2="${c(WIDTH - MARGIN.right)}" y1="${c(bottom)}" y2="${c(bottom)}"/>`);
  parts.push(`<line class="axis" x1="${c(MARGIN.left)}" x2="${c(MARGIN.left)}" y1="${c(MARGIN.top)}" y2="${c(bottom)}"/>`);
  parts.push(`<text class="label" x="${c(MARGIN.left + plotW / 2)}" y="${c(bottom + 32)}" text-anchor="middle">${escapeHtml(chart.xLabel)}</text>`);
  parts.push(
    `<text class="label" x="12" y="${c(MARGIN.top + plotH / 2)}" text-anchor="middle" transform="rotate(-90 12 ${c(MARGIN.top + plotH / 2)})">${escapeHtml(chart.yLabel)}</text>`
  );
  for (const s of series) {
    const dash = s.dashed === true ? ' stroke-dasharray="6 4"' : "";
    if (s.points.length === 1) {
      const [x, y] = s.points[0];
      parts.push(`<circle cx="${c(px(x))}" cy="${c(py(y))}" r="3" fill="${s.colour}"><title>${escapeHtml(s.name)}</title></circle>`);
      continue;
    }
    const pts = s.points.map(([x, y]) => `${c(px(x))},${c(py(y))}`).join(" ");
    parts.push(`<polyline fill="none" stroke="${s.colour}" stroke-width="1.6"${dash} points="${pts}"><title>${escapeHtml(s.name)}</title></polyline>`);
  }
  let lx = MARGIN.left;
  const ly = HEIGHT - 10;
  for (const s of series) {
    const dash = s.dashed === true ? ' stroke-dasharray="6 4"' : "";
    parts.push(`<line x1="${c(lx)}" x2="${c(lx + 22)}" y1="${c(ly - 4)}" y2="${c(ly - 4)}" stroke="${s.colour}" stroke-width="2"${dash}/>`);
    parts.push(`<text class="legend" x="${c(lx + 27)}" y="${c(ly)}">${escapeHtml(s.name)}</text>`);
    lx += 32 + s.name.length * 6.5;
  }
  return `<figure class="chart"><figcaption>${title}</figcaption><svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${title}"><title>${title}</title>${parts.join("")}</svg></figure>`;
}

// src/stats/random.ts
function seededRng(seed) {
  if (!Number.isFinite(seed)) throw new RangeError(`seededRng: seed must be a finite number but got ${seed}`);
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = state + 1831565813 >>> 0;
    let t = state;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}

// src/stats/history-shift.ts
function historyShifts(values, options = {}) {
  const o = {
    alpha: options.alpha ?? 0.01,
    minChange: options.minChange ?? 0.05,
    minSegment: Math.max(2, options.minSegment ?? 4),
    maxRampRuns: Math.max(0, options.maxRampRuns ?? 8),
    permutations: Math.max(19, options.permutations ?? 499)
  };
  if (!values.every(Number.isFinite)) return insufficient("the series has a value that is not a finite number");
  if (values.length < 2 * o.minSegment) return insufficient(`${values.length} runs in the history (needs \u2265 ${2 * o.minSegment})`, "too-few");
  const mean4 = values.reduce((s, v) => s + v, 0) / values.length;
  if (values.every((v) => Math.abs(v - mean4) <= 1e-12 * Math.max(1, Math.abs(mean4)))) return insufficient("every run has the same value: no spread to tell a shift from", "no-spread");
  const rng = seededRng(options.seed ?? 1);
  const found = [];
  const segments = [[0, values.length]];
  while (segments.length > 0) {
    const [from, to] = segments.pop();
    if (to - from < 2 * o.minSegment) continue;
    const part2 = values.slice(from, to);
    const fit = bestFit(part2, o.minSegment, o.maxRampRuns);
    if (!fit || fit.explained <= 0) continue;
    const pValue = permutationP(part2, fit.explained, o, rng);
    if (pValue > o.alpha) continue;
    const shift2 = { began: from + fit.began, settled: from + fit.settled, before: fit.before, after: fit.after, change: fit.after - fit.before, explained: fit.explained, pValue };
    if (Math.abs(shift2.change) >= o.minChange) found.push(shift2);
    segments.push([from, from + fit.began], [from + fit.settled, to]);
  }
  return found.sort((a, b) => a.began - b.began);
}
function permutationP(part2, observed, o, rng) {
  const shuffled = [...part2];
  let atLeast = 0;
  for (let k = 0; k < o.permutations; k++) {
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    const fit = bestFit(shuffled, o.minSegment, o.maxRampRuns);
    if (fit && fit.explained >= observed - 1e-12) atLeast++;
  }
  return (1 + atLeast) / (1 + o.permutations);
}
function bestFit(y, minSegment, maxRamp) {
  const n = y.length;
  const prefix = new Float64Array(n + 1);
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    prefix[i + 1] = prefix[i] + y[i];
    sumSq += y[i] * y[i];
  }
  const mean4 = prefix[n] / n;
  let total2 = 0;
  for (const v of y) total2 += (v - mean4) ** 2;
  if (total2 <= 0) return void 0;
  let best;
  for (let began = minSegment; began <= n - minSegment; began++) {
    for (let settled = began; settled <= Math.min(began + maxRamp, n - minSegment); settled++) {
      const ramp = settled - began;
      let saa = began;
      let sac = 0;
      let scc = n - settled;
      let say = prefix[began];
      let scy = prefix[n] - prefix[settled];
      for (let j = began; j < settled; j++) {
        const w = (j - began + 1) / (ramp + 1);
        saa += (1 - w) * (1 - w);
        sac += (1 - w) * w;
        scc += w * w;
        say += (1 - w) * y[j];
        scy += w * y[j];
      }
      const det = saa * scc - sac * sac;
      if (det <= 1e-12) continue;
      const l0 = (say * scc - scy * sac) / det;
      const l1 = (scy * saa - say * sac) / det;
      const explained = 1 - Math.max(0, sumSq - (l0 * say + l1 * scy)) / total2;
      if (!best || explained > best.explained + 1e-12) best = { began, settled, before: l0, after: l1, explained };
    }
  }
  return best;
}

// src/gate/history-shifts.ts
function historySeries(entries) {
  const whole = entries.flatMap((e) => e.p95 !== null && e.p95 > 0 ? [{ sha: e.sha, value: e.p95 }] : []);
  const byScope2 = /* @__PURE__ */ new Map();
  for (const e of entries) {
    for (const level2 of e.levels ?? []) {
      if (!level2.scope || level2.count === 0 || !Number.isFinite(level2.logMean)) continue;
      const key = `${level2.scope.tag}\0${level2.scope.value}`;
      const s = byScope2.get(key) ?? { scope: level2.scope, points: [] };
      s.points.push({ sha: e.sha, value: Math.exp(level2.logMean) });
      byScope2.set(key, s);
    }
  }
  return [{ statistic: "p95", points: whole }, ...[...byScope2.values()].map((s) => ({ statistic: "typical", scope: s.scope, points: s.points }))];
}
function historyShiftFindings(entries, options = {}) {
  const alpha = options.alpha ?? 0.05;
  const minChange = options.minChange ?? 0.05;
  const series = historySeries(entries);
  const raw = [];
  const unjudged = [];
  for (const s of series) {
    const found = historyShifts(
      s.points.map((p) => Math.log(p.value)),
      { alpha, minChange: Math.log(1 + minChange), ...options.minSegment !== void 0 ? { minSegment: options.minSegment } : {}, seed: options.seed ?? 1, permutations: 999 }
    );
    if (isInsufficient(found)) {
      unjudged.push({ series: label(s), reason: found.reason });
      continue;
    }
    for (const f of found) raw.push({ series: s, began: f.began, settled: f.settled, before: Math.exp(f.before), after: Math.exp(f.after), pValue: f.pValue });
  }
  const quiet = series.length - unjudged.length - new Set(raw.map((r) => r.series)).size;
  const q = benjaminiHochberg([...raw.map((r) => r.pValue), ...Array.from({ length: Math.max(0, quiet) }, () => 1)]);
  const shifts = raw.flatMap((r, k) => {
    if (q[k] > alpha) return [];
    const p = r.series.points;
    return [{ series: label(r.series), beganAt: p[r.began].sha, settledAt: p[r.settled].sha, lastBefore: p[r.began - 1].sha, before: r.before, after: r.after, change: r.after / r.before - 1, pValue: r.pValue, qValue: q[k] }];
  });
  return { series, shifts, unjudged };
}
function label(s) {
  return s.scope ? { statistic: s.statistic, scope: s.scope } : { statistic: s.statistic };
}

// src/report/html.ts
var MAX_LATENCY_CHARTS = 30;
var COLOURS = { baseline: "#8a8f98", current: "#1f6feb" };
function renderHtml(report, runs, options = {}) {
  const title = options.title ?? "perf-gate report";
  const body = [];
  body.push(`<header><h1>${escapeHtml(title)}</h1>`);
  body.push(`<p class="verdict ${outcomeClass(report.verdict)}">${markSpan(report.verdict)} ${escapeHtml(verdictText(report))}</p>`);
  body.push(`<p class="meta">Generated ${escapeHtml(formatTimestamp(report.generatedAt))}</p></header>`);
  for (const stage of report.stages) {
    body.push(renderStage(stage, runs.find((r) => r.stage === stage.stage)));
  }
  const extra = runWideFindings(report);
  if (extra.length > 0) body.push(`<section><h2>Run-wide findings</h2>${findingList(extra)}</section>`);
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    body.join("\n"),
    "</body>",
    "</html>",
    ""
  ].join("\n");
}
function outcomeClass(outcome) {
  return `o-${outcome}`;
}
var ICON_PATHS = {
  pass: '<circle cx="8" cy="8" r="7"/><path d="M4.5 8.3l2.3 2.3 4.7-4.9" fill="none" stroke="#fff" stroke-width="1.8"/>',
  warn: '<path d="M8 1.2l7 13H1z"/><path d="M8 5.5v4.2M8 11.4v1.2" stroke="#fff" stroke-width="1.6"/>',
  fail: '<circle cx="8" cy="8" r="7"/><path d="M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6" stroke="#fff" stroke-width="1.8"/>',
  inconclusive: '<circle cx="8" cy="8" r="7"/><path d="M6 6.2a2 2 0 1 1 2.6 1.9c-.5.2-.6.6-.6 1.2v.6M8 11.4v1.2" fill="none" stroke="#fff" stroke-width="1.5"/>',
  info: '<circle cx="8" cy="8" r="7"/><path d="M8 7v5M8 4.2v1.3" stroke="#fff" stroke-width="1.7"/>'
};
function icon(kind) {
  return `<svg class="icon i-${kind}" viewBox="0 0 16 16" width="16" height="16" role="img" aria-label="${kind}"><title>${kind}</title>${ICON_PATHS[kind]}</svg>`;
}
function markSpan(outcome) {
  return `<span class="mark ${outcomeClass(outcome)}" title="${outcome}">${icon(outcome)}</span>`;
}
function renderStage(stage, runs) {
  const out = [];
  out.push(`<section class="stage"><h2>${markSpan(stage.outcome)} ${escapeHtml(stage.stage)} \u2014 ${stage.outcome}</h2>`);
  const runsLine = [
    stage.baselineRun === void 0 ? "no baseline" : `baseline ${escapeHtml(runDescription(stage.baselineRun))}${stage.baselineRun.partial ? " (partial)" : ""}`,
    `current ${escapeHtml(runDescription(stage.currentRun))}${stage.currentRun.partial ? " (partial)" : ""}`
  ];
  out.push(`<p class="meta">${runsLine.join("; ")}</p>`);
  if (stage.scopes.length > 0) out.push(scopeTable2(stage.stage, stage.scopes, runs !== void 0));
  const findings = sortFindings(stage.findings);
  if (findings.length > 0) out.push(`<h3>Findings</h3>${findingList(findings)}`);
  if (stage.memory !== void 0) {
    const rows = memoryRows(stage.memory);
    if (rows.length > 0) {
      const head = MEMORY_COLUMNS.map((h) => `<th>${h}</th>`).join("");
      const cells = rows.map((r) => `<tr><td>${r.run}</td><td>${escapeHtml(r.start)}</td><td>${escapeHtml(r.end)}</td><td>${escapeHtml(r.peak)}</td><td>${escapeHtml(r.slope)}</td><td>${escapeHtml(r.growth)}</td></tr>`);
      out.push(`<h3>Memory</h3><table><thead><tr>${head}</tr></thead><tbody>${cells.join("")}</tbody></table>`);
    }
  }
  if (runs !== void 0) out.push(stageCharts(stage, runs));
  const notes = stageNotes(stage);
  if (notes.length > 0) out.push(`<h3>Notes</h3><ul class="notes">${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>`);
  out.push("</section>");
  return out.join("\n");
}
function pct(fraction2) {
  return String(Number((fraction2 * 100).toPrecision(3)));
}
function chartId(stage, s, latencyMetric) {
  return labelId(stage.stage, scopeLabel(s, latencyMetric));
}
function labelId(stage, label2) {
  return `c-${stage}-${label2}`.replace(/[^A-Za-z0-9_-]+/g, "-");
}
function latencyLimits(stage, s) {
  const out = [];
  const own = stage.findings.find((f) => f.metric === s.metric && f.kind === "latency" && f.limit.kind === "max-increase");
  const max = own?.limit.kind === "max-increase" ? own.limit.max : stage.limits?.latency ?? stage.power?.limit;
  const base = s.baseline?.p95;
  if (max !== void 0 && base !== void 0 && base > 0) out.push({ y: base * (1 + max), label: `limit: baseline p95 +${pct(max)} % = ${formatNumber(base * (1 + max))} ms` });
  for (const f of stage.findings) {
    if (f.kind !== "threshold" || f.metric !== s.metric || f.limit.kind !== "threshold") continue;
    const m = /^\s*(?:p\(\d+(?:\.\d+)?\)|med|avg)\s*<=?\s*(\d+(?:\.\d+)?)\s*$/.exec(f.limit.expression);
    if (m) out.push({ y: Number(m[1]), label: `SLO ${f.limit.expression}` });
  }
  return out;
}
function errorLimits(stage, s, failures) {
  const metric = s.scope ? scopeName(failures, { [s.scope.tag]: s.scope.value }) : failures;
  const out = [];
  const base = s.baseline?.errorRate;
  const rule = stage.limits?.errorRate;
  if (rule && base !== void 0) {
    const y = 100 * Math.max(base * (1 + rule.maxIncrease), base + rule.absoluteFloor);
    out.push({ y, label: `limit: baseline +${pct(rule.maxIncrease)} % and +${pct(rule.absoluteFloor)} pts = ${formatNumber(y, 3)} %` });
  }
  for (const f of stage.findings) {
    if (f.metric !== metric || f.kind !== "threshold" || f.limit.kind !== "threshold") continue;
    const m = /^\s*rate\s*<=?\s*(\d+(?:\.\d+)?)\s*$/.exec(f.limit.expression);
    if (m) out.push({ y: Number(m[1]) * 100, label: `SLO ${f.limit.expression}` });
  }
  return out;
}
function throughputLimits(stage, s) {
  const max = stage.limits?.throughput;
  const base = s.baseline?.throughput;
  if (s.scope !== void 0 || max === void 0 || base === void 0 || stage.mix !== void 0) return [];
  const y = base * (1 - max);
  return [{ y, label: `limit: baseline \u2212${pct(max)} % = ${formatNumber(y, 3)} req/s` }];
}
function trendChart(stage, stored) {
  const history = newestLatencySeries(stored);
  const points = history.flatMap((h, i) => h.p95 !== null && h.p95 > 0 ? [[i, h.p95]] : []);
  if (points.length < 2) return "";
  const shifts = historyShiftFindings(history).shifts.filter((f) => f.series.scope === void 0);
  const markers = shifts.map((f) => ({ x: history.findIndex((h) => h.sha === f.beganAt), label: `shift ${formatChange(f.change)}` }));
  const labels = new Map(history.map((h, i) => [i, h.sha.slice(0, 7)]));
  return renderLineChart({ title: `${stage} \u2014 p95 of all requests per run`, xLabel: "commit", yLabel: "ms", series: [{ name: "p95", colour: COLOURS.current, points }], markers, xTickLabels: labels });
}
function scopeTable2(stage, scopes, charted) {
  const cols = ["Verdict", SCOPE_COLUMNS.label, SCOPE_COLUMNS.p50, SCOPE_COLUMNS.p95, SCOPE_COLUMNS.p99, SCOPE_COLUMNS.change, SCOPE_COLUMNS.throughput, SCOPE_COLUMNS.errorRate, SCOPE_COLUMNS.sure];
  const head = cols.map((h) => `<th>${escapeHtml(h)}</th>`).join("");
  const rows = scopeRows(scopes).map((r) => {
    const label2 = charted ? `<a href="#${labelId(stage, r.label)}">${escapeHtml(r.label)}</a>` : escapeHtml(r.label);
    const cells = [label2, ...[r.p50, r.p95, r.p99, r.change, r.throughput, r.errorRate, r.sure].map(escapeHtml)].map((x, i) => `<td${i === 0 ? ' class="label"' : ""}>${x}</td>`);
    return `<tr class="${outcomeClass(r.outcome)}"><td>${markSpan(r.outcome)} ${r.outcome}</td>${cells.join("")}</tr>`;
  });
  return `<table class="scopes"><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}
function findingList(findings) {
  const items = sortFindings(findings).map((f) => {
    const v = findingView(f);
    const details = [v.values, ...v.evidence, v.threshold, v.accepted ? "accepted by label" : ""].filter((x) => x !== "");
    const detail = details.length === 0 ? "" : ` <span class="detail">(${escapeHtml(details.join(", "))})</span>`;
    return `<li class="s-${f.severity}"><span class="mark">${icon(f.severity === "info" ? "info" : f.severity)}</span> ${escapeHtml(v.message)}${detail}</li>`;
  });
  return `<ul class="findings">${items.join("")}</ul>`;
}
function chartOrder(scopes) {
  const change = (s) => s.latencyChange === void 0 || Number.isNaN(s.latencyChange) ? -Infinity : s.latencyChange;
  return [...scopes].sort((x, y) => {
    const byOutcome = outcomeRank(x.outcome) - outcomeRank(y.outcome);
    if (byOutcome !== 0) return byOutcome;
    const byWhole = Number(y.scope === void 0) - Number(x.scope === void 0);
    if (byWhole !== 0) return byWhole;
    const byChange = change(y) - change(x);
    if (byChange !== 0 && !Number.isNaN(byChange)) return byChange;
    const lx = scopeLabel(x);
    const ly = scopeLabel(y);
    return lx < ly ? -1 : lx > ly ? 1 : 0;
  });
}
function stageCharts(stage, runs) {
  const out = [];
  const scopes = [...stage.scopes];
  const latencyMetric = latencyMetricOf(stage.scopes);
  if (!scopes.some((s) => s.scope === void 0)) {
    scopes.push({ metric: latencyMetric, confidence: { level: "not-applicable" }, outcome: "pass" });
  }
  const charted = chartOrder(scopes).filter((s) => hasLatencyWindows(runs.current, s.metric) || runs.baseline !== void 0 && hasLatencyWindows(runs.baseline, s.metric));
  const shown = charted.slice(0, MAX_LATENCY_CHARTS);
  if (shown.length > 0) {
    out.push("<h3>Over time, per endpoint (failing first)</h3>");
    const roles = runs.current.meta.roles;
    for (const s of shown) {
      const series = [];
      const traffic = [];
      const errors = [];
      for (const run of ["baseline", "current"]) {
        const doc = runs[run];
        if (doc === void 0) continue;
        const { p50, p95 } = latencySeries(doc, s.metric);
        series.push({ name: `${run} p50`, colour: COLOURS[run], points: p50 });
        series.push({ name: `${run} p95`, colour: COLOURS[run], dashed: true, points: p95 });
        const tags = s.scope ? { [s.scope.tag]: s.scope.value } : {};
        const t = trafficSeries(doc, scopeName(roles?.requests ?? "http_reqs", tags), scopeName(roles?.failures ?? "http_req_failed", tags));
        traffic.push({ name: `${run} req/s`, colour: COLOURS[run], points: t.throughput });
        errors.push({ name: `${run} failed %`, colour: COLOURS[run], points: t.errorRate });
      }
      const label2 = scopeLabel(s, latencyMetric);
      const charts = [
        renderLineChart({ title: `${label2} \u2014 latency`, xLabel: "seconds since start", yLabel: "ms", series, limits: latencyLimits(stage, s) }),
        renderLineChart({ title: `${label2} \u2014 throughput`, xLabel: "seconds since start", yLabel: "req/s", series: traffic, limits: throughputLimits(stage, s) }),
        renderLineChart({ title: `${label2} \u2014 failed requests`, xLabel: "seconds since start", yLabel: "%", series: errors, limits: errorLimits(stage, s, roles?.failures ?? "http_req_failed") })
      ];
      out.push(`<div class="scope-card ${outcomeClass(s.outcome)}" id="${chartId(stage, s, latencyMetric)}"><h4>${markSpan(s.outcome)} ${escapeHtml(label2)} \u2014 ${s.outcome}</h4><div class="charts">${charts.join("")}</div></div>`);
    }
    if (charted.length > shown.length) out.push(`<p class="meta">${charted.length - shown.length} more endpoints with the smallest changes are not charted.</p>`);
  }
  const trend = trendChart(stage.stage, runs.history ?? []);
  if (trend !== "") out.push(`<h3>Trend on the default branch</h3><div class="charts">${trend}</div>`);
  const memory = [];
  for (const run of ["baseline", "current"]) {
    const doc = runs[run];
    if (doc?.memory === void 0 || doc.memory.samples.length === 0) continue;
    memory.push({ name: `${run} RSS`, colour: COLOURS[run], points: memorySeries(doc) });
  }
  if (memory.length > 0) {
    out.push('<h3>Memory over time</h3><div class="charts">');
    out.push(renderLineChart({ title: "Resident memory", xLabel: "seconds since start", yLabel: "MB", series: memory }));
    out.push("</div>");
  }
  return out.join("\n");
}
var STYLE = `
:root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#656d76;--line:#d0d7de;--pass:#1a7f37;--warn:#9a6700;--fail:#cf222e;--inconclusive:#6e7781}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#8d96a0;--line:#30363d}}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:1400px;padding:16px 24px}
h1{font-size:22px;margin:0 0 8px}h2{font-size:18px;margin:28px 0 6px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:15px;margin:18px 0 6px}
.meta{color:var(--muted);margin:4px 0}
.verdict{font-size:18px;font-weight:600;padding:8px 12px;border-left:6px solid;border-radius:4px;margin:8px 0}
.verdict.o-pass{border-color:var(--pass)}.verdict.o-warn{border-color:var(--warn)}.verdict.o-fail{border-color:var(--fail)}.verdict.o-inconclusive{border-color:var(--inconclusive)}
.mark{display:inline-block;min-width:1.3em;text-align:center}
table{border-collapse:collapse;margin:6px 0;font-variant-numeric:tabular-nums}
th,td{border:1px solid var(--line);padding:3px 8px;text-align:right;white-space:nowrap}
th{background:color-mix(in srgb,var(--line) 35%,transparent)}
td:first-child,td.label,th:nth-child(2){text-align:left}td.label{white-space:normal;word-break:break-all;max-width:28em}
tr.o-fail td:first-child{color:var(--fail)}tr.o-warn td:first-child{color:var(--warn)}tr.o-pass td:first-child{color:var(--pass)}
ul.findings li.s-fail{color:var(--fail)}ul.findings li.s-warn{color:var(--warn)}.detail{color:var(--muted)}
.charts{display:flex;flex-wrap:wrap;gap:12px}
figure.chart{margin:0;border:1px solid var(--line);border-radius:6px;padding:6px}
figure.chart figcaption{font-weight:600;word-break:break-all;max-width:640px}
figure.chart svg{max-width:100%;height:auto;display:block}
svg .grid{stroke:var(--line);stroke-width:1}svg .axis{stroke:var(--muted);stroke-width:1}
svg text{fill:var(--fg);font-size:11px}svg .tick{fill:var(--muted)}svg .label{font-size:12px}
.empty{color:var(--muted)}
.icon{vertical-align:-3px}.i-pass{fill:var(--pass)}.i-warn{fill:var(--warn)}.i-fail{fill:var(--fail)}.i-inconclusive,.i-info{fill:var(--inconclusive)}
.scope-card{border:1px solid var(--line);border-left:6px solid var(--line);border-radius:6px;padding:4px 10px 10px;margin:10px 0}
.scope-card h4{margin:6px 0;font-size:14px;word-break:break-all}
.scope-card.o-fail{border-left-color:var(--fail);background:color-mix(in srgb,var(--fail) 7%,transparent)}
.scope-card.o-warn{border-left-color:var(--warn);background:color-mix(in srgb,var(--warn) 6%,transparent)}
.scope-card.o-pass{border-left-color:var(--pass)}.scope-card.o-inconclusive{border-left-color:var(--inconclusive)}
svg .limit{stroke:var(--fail);stroke-width:1.2;stroke-dasharray:3 3}svg .limit-label{fill:var(--fail);font-size:10px}
svg .marker{stroke:var(--warn);stroke-width:1.5}svg .marker-label{fill:var(--warn);font-size:10px}
`.trim();
export {
  ConfigError,
  DEFAULT_START_TOLERANCE_S,
  IncomparableRunsError,
  IngestError,
  MergeError,
  RUN_DOCUMENT_SCHEMA,
  RunDocumentSchema,
  SegmentSyntaxError,
  buildReport,
  checkShards,
  compareRuns,
  defaultConfig,
  equalSequence,
  formatSegment,
  formatSequence,
  ingestFiles,
  isReported,
  k6Summary,
  loadConfig,
  mergeRuns,
  parseConfig,
  parseConfigText,
  parseSegment,
  parseSequence,
  renderHtml,
  renderJson,
  renderMarkdown,
  renderText,
  renderTrend,
  reportedScopeOf,
  resolvePolicy,
  scopeOf,
  seriesOf,
  windowsOf
};
