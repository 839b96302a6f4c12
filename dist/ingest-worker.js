import { createRequire as __perfGateCreateRequire } from 'node:module';
const require = __perfGateCreateRequire(import.meta.url);

// src/ingest/ingest-worker.ts
import { parentPort } from "node:worker_threads";

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
  const digits = data.readUInt32BE(12);
  const lowest = data.readUInt32BE(16) * TWO_32 + data.readUInt32BE(20);
  const highest = data.readUInt32BE(24) * TWO_32 + data.readUInt32BE(28);
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
    let value = 0;
    let scale = 1;
    for (let k = 0; ; k++) {
      if (at >= data.length) return `its payload ends inside a count (at byte ${at - HEADER_BYTES} of ${payload})`;
      const b = data[at++];
      value += (b & 127) * scale;
      if ((b & 128) === 0 || k === 8) break;
      scale *= 128;
    }
    const count2 = value % 2 === 0 ? value / 2 : -(value + 1) / 2;
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
  return { n, indexes, counts, layout: digits === 3 && lowest === 1 ? PERF_GATE_LAYOUT : { digits, lowest } };
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
function shapeOf({ digits, lowest }) {
  const countMagnitude = Math.ceil(Math.log2(2 * Math.floor(10 ** digits)));
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
  const c = new Float64Array(2 * counts.length);
  c.set(counts);
  counts = c;
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
  record(value) {
    this.count++;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    let scaled = Math.round(value * this.scale);
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
    const sum = this.counts[at] + n;
    if (sum > 4294967295 && this.counts instanceof Uint32Array) this.counts = Float64Array.from(this.counts);
    this.counts[at] = sum;
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
    const first = indexes2[0];
    const last = indexes2[n - 1];
    const from = first - first % SUB_BUCKET_HALF_COUNT;
    const size = last - last % SUB_BUCKET_HALF_COUNT + SUB_BUCKET_HALF_COUNT - from;
    let wide = false;
    for (let k = 0; k < n; k++) if (counts2[k] > 4294967295) wide = true;
    const c = wide ? new Float64Array(size) : new Uint32Array(size);
    for (let k = 0; k < n; k++) c[indexes2[k] - from] = counts2[k];
    this.counts = c;
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
      const c = other.counts;
      let first = 0;
      while (first < c.length && c[first] === 0) first++;
      let last = c.length - 1;
      while (last > first && c[last] === 0) last--;
      if (first < c.length) {
        this.addAt(first + other.offset, c[first]);
        if (last > first) this.addAt(last + other.offset, c[last]);
        if (this.pending === void 0) {
          let counts2 = this.counts;
          const shift = other.offset - this.offset;
          for (let i = first + 1; i < last; i++) {
            const n = c[i];
            if (n === 0) continue;
            const sum = counts2[i + shift] + n;
            if (sum > 4294967295 && counts2 instanceof Uint32Array) this.counts = counts2 = Float64Array.from(counts2);
            counts2[i + shift] = sum;
          }
        } else {
          for (let i = first + 1; i < last; i++) if (c[i] !== 0) this.addAt(i + other.offset, c[i]);
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
      const c = this.counts;
      ensureScratch(c.length);
      for (let i = 0; i < c.length; i++) {
        if (c[i] === 0) continue;
        scratchIndexes[n] = i + this.offset;
        scratchCounts[n++] = c[i];
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

// src/stats/insufficient.ts
function insufficient(reason, cause, side) {
  return { kind: "insufficient-data", reason, ...cause !== void 0 ? { cause } : {}, ...side !== void 0 ? { side } : {} };
}

// src/stats/interpolate.ts
function interpolate(a, b, f) {
  if (f === 0 || a === b) return a;
  const gap = b - a;
  const r = Number.isFinite(gap) ? a + gap * f : a * (1 - f) + b * f;
  return Math.min(Math.max(r, a), b);
}

// src/stats/percentile.ts
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
  record(value, count2 = 1) {
    this.recordKey(value > 0 ? Math.ceil(Math.log(value) / LOG_GAMMA) : ZERO_KEY, count2);
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
        const c = dense[slot - base];
        if (c === 0) continue;
        keys[j] = slot - DENSE_OFFSET;
        counts2[j++] = c;
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
        const c = dense[slot - this.base];
        if (c === 0) continue;
        const key = slot - DENSE_OFFSET;
        merged.set(key, (merged.get(key) ?? 0) + c);
        dense[slot - this.base] = 0;
      }
      this.release(dense);
    }
    if (this.extra) for (const [k, c] of this.extra) merged.set(k, (merged.get(k) ?? 0) + c);
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
function recordTotal(t, timeMs, value) {
  switch (t.type) {
    case "trend":
      t.histogram.record(value);
      return;
    case "counter":
      t.count += value;
      t.samples++;
      return;
    case "rate":
      if (value !== 0) t.passes++;
      else t.fails++;
      return;
    case "gauge":
      if (timeMs >= t.valueTime) {
        t.value = value;
        t.valueTime = timeMs;
      }
      if (value < t.min) t.min = value;
      if (value > t.max) t.max = value;
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
  recordTrend(value) {
    this.count++;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    if (value > 0) {
      const l = Math.log(value);
      this.sumLog += l;
      this.sumLogSq += l * l;
      this.sketch.recordLog(l);
    } else {
      this.sketch.record(value);
    }
  }
  record(timeMs, value) {
    switch (this.type) {
      case "trend":
        this.recordTrend(value);
        return;
      case "counter":
        this.count += value;
        return;
      case "rate":
        this.count++;
        if (value !== 0) this.passes++;
        return;
      case "gauge":
        this.count++;
        if (value < this.min) this.min = value;
        if (value > this.max) this.max = value;
        if (timeMs >= this.lastTime) {
          this.last = value;
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
    let last = 0;
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
        last = g.last;
        break;
      }
    }
    if (atMs >= this.lastTime) {
      this.last = last;
      this.lastTime = atMs;
    }
  }
};

// src/document/failure-signatures.ts
var MAX_SIGNATURES_PER_SCOPE = 20;
var MAX_SIGNATURE_KEYS = 200;
var OTHER_SIGNATURE = "other";
var SEPARATOR = "\0";
function signatureKey(tags) {
  return `${tags["status"] ?? ""}${SEPARATOR}${tags["error_code"] ?? ""}`;
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

// src/document/roles.ts
var K6_ROLES = { latency: "http_req_duration", requests: "http_reqs", failures: "http_req_failed" };

// src/document/schema-version.ts
var RUN_DOCUMENT_SCHEMA = "perf-gate/run@1";

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
  const plural = s.points === 1 ? "point" : "points";
  return `set aside ${s.points} ${plural} (${listed}) ${when}, ${formatSpan(s.gapMs)} ${s.side} the rest of the run: so few points this far from its bulk are not part of the load (a clock jump, or lines of another run?). The run's start, end, duration (${formatSpan(span.lastMs - span.firstMs)} without them) and windows leave them out; their values still count in the totals`;
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
function templateName(value) {
  let method = "";
  let rest = value;
  const m = METHOD_PREFIX.exec(value);
  if (m) {
    method = `${m[1]} `;
    rest = m[2];
  }
  let origin = "";
  const scheme = SCHEME.exec(rest);
  if (scheme) {
    const afterScheme = scheme[0].length;
    let end = rest.length;
    for (const c of ["/", "?", "#"]) {
      const at = rest.indexOf(c, afterScheme);
      if (at >= 0 && at < end) end = at;
    }
    origin = rest.slice(0, end);
    rest = rest.slice(end);
  } else if (!rest.startsWith("/")) {
    return value;
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
  return out === value ? value : out;
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
    let value = templateName(raw);
    if (value !== raw && state.collapsed.size < MAX_REMEMBERED && !state.collapsed.has(raw)) {
      state.collapsed.add(raw);
      state.templates.set(value, (state.templates.get(value) ?? 0) + 1);
    }
    if (!state.values.has(value) && value !== OTHER_VALUE) {
      if (state.values.size < this.tracked) {
        state.values.add(value);
      } else {
        if (state.overflowed.size < MAX_REMEMBERED) state.overflowed.add(value);
        value = OTHER_VALUE;
      }
    }
    if (state.cache.size >= CACHE_LIMIT) state.cache.clear();
    state.cache.set(raw, value);
    return value;
  }
  /** `{ [tag]: value }`, one object per value however many leaves use it. */
  tagsOf(tag, value) {
    const state = this.tags.get(tag);
    if (state === void 0) return { [tag]: value };
    let t = state.tagObjects.get(value);
    if (t === void 0) {
      t = Object.freeze({ [tag]: value });
      if (state.tagObjects.size < CACHE_LIMIT) state.tagObjects.set(value, t);
    }
    return t;
  }
  /** Keeps `value` of `tag` out of `(other)`: a submetric names it, so its scopes must stay whole. */
  pin(tag, value) {
    if (value !== OTHER_VALUE) this.tags.get(tag)?.pinned.add(value);
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
    const known = this.metricIds.get(def.name);
    if (known !== void 0) {
      const state = this.metrics[known];
      state.def = {
        ...state.def,
        thresholds: [.../* @__PURE__ */ new Set([...state.def.thresholds, ...def.thresholds])],
        submetrics: [...state.def.submetrics, ...def.submetrics]
      };
      state.submetrics = [...state.submetrics, ...def.submetrics];
      return known;
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
      const value = values[k + 1];
      if (typeof value === "string") {
        const t = this.cardinality.tagsOf(tag, value);
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
  point(targets, timeMs, value) {
    this.next[0] = timeMs;
    this.next[1] = value;
    this.recordNext(targets);
  }
  recordNext(targets) {
    const timeMs = this.next[0];
    const value = this.next[1];
    this.points++;
    const leaf = targets.leaf;
    if (leaf.histogram !== void 0) leaf.histogram.record(value);
    else recordTotal(leaf.totals, timeMs, value);
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
    if (leaf.histogram !== void 0) win.recordTrend(value);
    else win.record(timeMs, value);
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
        const value = s.tags[s.group];
        let w = byValue.get(value);
        if (!w) byValue.set(value, w = { requests: 0, points: 0 });
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

// src/ingest/point-batch.ts
var OP_KEY = -1;
function readBatch(batch, handler) {
  const r = batch.records;
  const end = 3 * batch.length;
  for (let at = 0; at < end; at += 3) {
    const key = r[at];
    if (key !== OP_KEY) {
      handler.point(key, r[at + 1], r[at + 2]);
      continue;
    }
    const op = batch.ops[r[at + 1]];
    if (op === void 0) throw new RangeError(`point batch: record ${at / 3} names op ${r[at + 1]}, but the batch has ${batch.ops.length}`);
    handler.op(op);
  }
}

// src/ingest/builder-service.ts
function serveBuilder(port) {
  let builder;
  const keys = [];
  const handler = {
    point(key, timeMs, value) {
      builder.point(keys[key], timeMs, value);
    },
    op(op) {
      switch (op.kind) {
        case "metric":
          builder.defineMetric(op.def);
          return;
        case "targets":
          keys[op.key] = builder.targets(op.metric, op.tags);
          return;
      }
    }
  };
  const send = (message, transfer) => port.postMessage(message, transfer);
  let failed = false;
  port.on("message", (raw) => {
    if (failed) return;
    const message = raw;
    try {
      switch (message.type) {
        case "start":
          builder = new RunBuilder(message.options);
          return;
        case "batch": {
          if (builder === void 0) throw new Error("a batch came before start");
          readBatch(message.batch, handler);
          const records = message.batch.records;
          send({ type: "recycle", records }, [records.buffer]);
          return;
        }
        case "finish":
          if (builder === void 0) throw new Error("finish came before start");
          send({ type: "document", doc: builder.finish(message.info) });
          return;
      }
    } catch (err) {
      failed = true;
      send({ type: "error", message: err instanceof Error ? err.stack ?? err.message : String(err) });
    }
  });
}

// src/ingest/ingest-worker.ts
if (parentPort) serveBuilder(parentPort);
