// AssemblyScript, not TypeScript (tsconfig and eslint leave this folder alone): compiled to WebAssembly by
// `npx --yes --package=assemblyscript@0.28.20 -- asc kernel.ts -O3 --runtime stub --noAssert --enable simd -o kernel.wasm`
// (bench-ingest.mjs --wasm-kernel does it). A measurement, not product code: it asks how fast k6 NDJSON could
// be read into per-endpoint histograms on this machine if the reader were compiled code (issue 10 §4).
//
// Per Point line it does the work the product's reader and run builder do for a trend point: match the line's
// fixed parts, find the metric by name, parse the RFC 3339 time and the value, intern the tag set by its
// bytes (the last line's set first, else a hash; then a full compare, 16 bytes at a time), find the (tag set,
// metric) leaf, and record the value in the leaf's HDR counts (HdrHistogram's index, 3 digits, nanoseconds),
// in its count, sum, min and max, and in its current one-second window's logarithmic counter (±1 %),
// compacted into an arena when the window is done. What it
// leaves out makes it faster than a full reader, so its time is a lower bound: every point is treated as a
// trend (counters cost less in the product, not more), windows stay one second wide, there is no time
// profile, no document is built at the end, and a line off the fast path (Metric lines, a value with more
// than 15 digits or an exponent) is only counted.
const CHUNK: i32 = 1 << 20;
/** Room before each input region for the previous chunk's cut-off line. */
const CARRY: i32 = 1 << 16;
const INPUT_A: usize = heap.alloc(CARRY + CHUNK) + CARRY;
const INPUT_B: usize = heap.alloc(CARRY + CHUNK) + CARRY;
export function inputA(): usize { return INPUT_A; }
export function inputB(): usize { return INPUT_B; }
export function chunkSize(): i32 { return CHUNK; }
export function carryRoom(): i32 { return CARRY; }

const MAX_METRICS: i32 = 64;
const METRIC_NAMES: usize = heap.alloc(MAX_METRICS * 64);
const metricLen = new StaticArray<i32>(MAX_METRICS);
let metricCount: i32 = 0;

const TAG_SLOTS: i32 = 1 << 14;
const tagSlot = new StaticArray<i32>(TAG_SLOTS); // tag set + 1; 0 is an empty slot
const MAX_TAGS: i32 = 8192;
const tagOff = new StaticArray<i32>(MAX_TAGS);
const tagLen = new StaticArray<i32>(MAX_TAGS);
const TAG_ARENA_SIZE: i32 = 4 << 20;
const TAG_ARENA: usize = heap.alloc(TAG_ARENA_SIZE);
let tagArenaUsed: i32 = 0;
let tagCount: i32 = 0;

const MAX_LEAVES: i32 = 8192;
const leafOf = new StaticArray<i32>(MAX_TAGS * MAX_METRICS); // leaf + 1
let leafCount: i32 = 0;
/** HDR indexes counted per leaf: up to 2^41 ns (36 minutes). */
const HDR_LEN: i32 = 32768;
const leafHdr = new StaticArray<usize>(MAX_LEAVES);
const leafCountN = new StaticArray<f64>(MAX_LEAVES);
const leafSum = new StaticArray<f64>(MAX_LEAVES);
const leafMin = new StaticArray<f64>(MAX_LEAVES);
const leafMax = new StaticArray<f64>(MAX_LEAVES);
const leafWin = new StaticArray<i32>(MAX_LEAVES);
const leafDense = new StaticArray<usize>(MAX_LEAVES);
const leafLo = new StaticArray<i32>(MAX_LEAVES);
const leafHi = new StaticArray<i32>(MAX_LEAVES);
const DENSE: i32 = 2048;
/** Compacted windows as (leaf, window, key, count) int32 quadruples; reused from the start when full. */
const OUT_SIZE: usize = 64 << 20;
const OUT: usize = heap.alloc(OUT_SIZE);
let outUsed: usize = 0;
let outTotal: f64 = 0;
let originMs: f64 = NaN;
const LOG_GAMMA: f64 = Math.log(1.02);

export let points: i32 = 0;
export let slowLines: i32 = 0;
export function leaves(): i32 { return leafCount; }
export function tagSets(): i32 { return tagCount; }
export function compactedBytes(): f64 { return outTotal; }

const P_METRIC: usize = heap.alloc(64);
const P_MID: usize = heap.alloc(64);
const P_VALUE: usize = heap.alloc(16);
const P_TAGS: usize = heap.alloc(16);
function put(at: usize, s: string): i32 { const n = s.length; for (let i = 0; i < n; i++) store<u8>(at + i, <u8>s.charCodeAt(i)); return n; }
const lenMetric = put(P_METRIC, '{"metric":"');
const lenMid = put(P_MID, '","type":"Point","data":{"time":"');
const lenValue = put(P_VALUE, '","value":');
const lenTags = put(P_TAGS, ',"tags":');
// Reserved up front: the stub allocator then never grows the memory while a read into it is pending.
memory.grow(2048);

@inline function same(a: usize, b: usize, n: i32): bool {
  let i = 0;
  for (; i + 16 <= n; i += 16) if (v128.any_true(v128.xor(v128.load(a + i), v128.load(b + i)))) return false;
  if (i < n) {
    if (n >= 16) return !v128.any_true(v128.xor(v128.load(a + n - 16), v128.load(b + n - 16)));
    for (; i < n; i++) if (load<u8>(a + i) != load<u8>(b + i)) return false;
  }
  return true;
}
@inline function hashBytes(a: usize, n: i32): u64 {
  let h: u64 = <u64>n * 0x9E3779B97F4A7C15;
  let i = 0;
  for (; i + 8 <= n; i += 8) h = (rotl<u64>(h, 5) ^ load<u64>(a + i)) * 0x517CC1B727220A95;
  if (i < n && n >= 8) h = (rotl<u64>(h, 5) ^ load<u64>(a + n - 8)) * 0x517CC1B727220A95;
  else for (; i < n; i++) h = (rotl<u64>(h, 5) ^ <u64>load<u8>(a + i)) * 0x517CC1B727220A95;
  return h ^ (h >> 29);
}
@inline function d2(p: usize): i32 { return (<i32>load<u8>(p) - 48) * 10 + (<i32>load<u8>(p + 1) - 48); }
/** Days since 1970-01-01 of a proleptic Gregorian date. */
function daysFromCivil(y: i32, m: i32, d: i32): i32 {
  y -= m <= 2 ? 1 : 0;
  const era = (y >= 0 ? y : y - 399) / 400;
  const yoe = y - era * 400;
  const doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
const POW10 = new StaticArray<f64>(23);
for (let i = 0, v: f64 = 1; i < 23; i++, v *= 10) POW10[i] = v;

/** The next '\n' at or after p (end when none), sixteen bytes at a time. */
function findNewline(p: usize, end: usize): usize {
  const nl = i8x16.splat(10);
  while (p + 16 <= end) {
    const m = i8x16.bitmask(i8x16.eq(v128.load(p), nl));
    if (m != 0) return p + <usize>ctz<i32>(m);
    p += 16;
  }
  while (p < end) {
    if (load<u8>(p) == 10) return p;
    p++;
  }
  return end;
}

function metricId(a: usize, n: i32): i32 {
  for (let i = 0; i < metricCount; i++) if (unchecked(metricLen[i]) == n && same(METRIC_NAMES + <usize>i * 64, a, n)) return i;
  if (metricCount == MAX_METRICS || n > 63) return -1;
  memory.copy(METRIC_NAMES + <usize>metricCount * 64, a, n);
  metricLen[metricCount] = n;
  return metricCount++;
}
/** k6 writes a request's metrics as consecutive lines with one tag set: try the last line's first. */
let lastTag: i32 = -1;
function tagId(a: usize, n: i32): i32 {
  if (lastTag >= 0 && unchecked(tagLen[lastTag]) == n && same(TAG_ARENA + <usize>unchecked(tagOff[lastTag]), a, n)) return lastTag;
  const found = tagIdHashed(a, n);
  lastTag = found;
  return found;
}
function tagIdHashed(a: usize, n: i32): i32 {
  let s = <i32>(hashBytes(a, n) & <u64>(TAG_SLOTS - 1));
  while (true) {
    const t = unchecked(tagSlot[s]);
    if (t == 0) break;
    const id = t - 1;
    if (unchecked(tagLen[id]) == n && same(TAG_ARENA + <usize>unchecked(tagOff[id]), a, n)) return id;
    s = (s + 1) & (TAG_SLOTS - 1);
  }
  if (tagCount == MAX_TAGS || tagArenaUsed + n > TAG_ARENA_SIZE) return -1;
  const id = tagCount++;
  memory.copy(TAG_ARENA + <usize>tagArenaUsed, a, n);
  tagOff[id] = tagArenaUsed;
  tagLen[id] = n;
  tagArenaUsed += n;
  tagSlot[s] = id + 1;
  return id;
}
function newLeaf(): i32 {
  const l = leafCount++;
  leafMin[l] = Infinity;
  leafMax[l] = -Infinity;
  leafWin[l] = -1;
  leafLo[l] = DENSE;
  leafHi[l] = -1;
  return l;
}
function closeWindow(l: i32): void {
  const dense = unchecked(leafDense[l]);
  const hi = unchecked(leafHi[l]);
  const win = unchecked(leafWin[l]);
  for (let s = unchecked(leafLo[l]); s <= hi; s++) {
    const c = load<i32>(dense + (<usize>s << 2));
    if (c == 0) continue;
    if (outUsed + 16 > OUT_SIZE) outUsed = 0;
    store<i32>(OUT + outUsed, l);
    store<i32>(OUT + outUsed + 4, win);
    store<i32>(OUT + outUsed + 8, s - DENSE / 2);
    store<i32>(OUT + outUsed + 12, c);
    outUsed += 16;
    outTotal += 16;
    store<i32>(dense + (<usize>s << 2), 0);
  }
  leafLo[l] = DENSE;
  leafHi[l] = -1;
}
@inline function record(l: i32, timeMs: f64, value: f64): void {
  points++;
  unchecked(leafCountN[l] += 1);
  unchecked(leafSum[l] += value);
  if (value < unchecked(leafMin[l])) unchecked(leafMin[l] = value);
  if (value > unchecked(leafMax[l])) unchecked(leafMax[l] = value);
  let hdr = unchecked(leafHdr[l]);
  // The stub allocator hands out memory never used before: already zero.
  if (hdr == 0) {
    hdr = heap.alloc(HDR_LEN * 4);
    leafHdr[l] = hdr;
  }
  let v = <i64>Math.round(value * 1e6);
  if (v < 0) v = 0;
  const bucket = 53 - <i32>clz<u64>(<u64>v | 2047);
  const sub = <i32>(v >> bucket);
  let idx = ((bucket + 1) << 10) + (sub - 1024);
  if (idx >= HDR_LEN) idx = HDR_LEN - 1;
  const at = hdr + (<usize>idx << 2);
  store<u32>(at, load<u32>(at) + 1);
  if (isNaN(originMs)) originMs = Math.floor(timeMs / 1000) * 1000;
  const win = <i32>Math.floor((timeMs - originMs) / 1000);
  if (win != unchecked(leafWin[l])) {
    if (unchecked(leafWin[l]) >= 0) closeWindow(l);
    leafWin[l] = win;
  }
  let dense = unchecked(leafDense[l]);
  if (dense == 0) {
    dense = heap.alloc(DENSE * 4);
    leafDense[l] = dense;
  }
  let slot: i32 = value > 0 ? <i32>Math.ceil(Math.log(value) / LOG_GAMMA) + DENSE / 2 : 0;
  if (slot < 0) slot = 0;
  else if (slot >= DENSE) slot = DENSE - 1;
  const ds = dense + (<usize>slot << 2);
  store<i32>(ds, load<i32>(ds) + 1);
  if (slot < unchecked(leafLo[l])) unchecked(leafLo[l] = slot);
  if (slot > unchecked(leafHi[l])) unchecked(leafHi[l] = slot);
}

/** Reads one line [p, nl) on the fast path; false when it is not a Point line of the expected shape. */
function parseLine(p: usize, nl: usize): bool {
  if (nl - p < 80 || !same(p, P_METRIC, lenMetric)) return false;
  let q = p + <usize>lenMetric;
  const nameStart = q;
  while (q < nl && load<u8>(q) != 34) q++;
  const metric = metricId(nameStart, <i32>(q - nameStart));
  if (metric < 0 || !same(q, P_MID, lenMid)) return false;
  q += <usize>lenMid;
  // 2026-11-27T09:48:41.355954549Z
  const days = daysFromCivil(d2(q) * 100 + d2(q + 2), d2(q + 5), d2(q + 8));
  let ms: f64 = <f64>days * 86400000 + <f64>(d2(q + 11) * 3600000 + d2(q + 14) * 60000 + d2(q + 17) * 1000);
  q += 19;
  if (load<u8>(q) == 46) {
    q++;
    let frac: i64 = 0;
    let digits = 0;
    while (true) {
      const c = <i32>load<u8>(q) - 48;
      if (<u32>c > 9) break;
      if (digits < 9) {
        frac = frac * 10 + c;
        digits++;
      }
      q++;
    }
    for (; digits < 9; digits++) frac *= 10;
    ms += <f64>frac / 1e6;
  }
  if (load<u8>(q) != 90) return false;
  q++;
  if (!same(q, P_VALUE, lenValue)) return false;
  q += <usize>lenValue;
  let neg = false;
  if (load<u8>(q) == 45) {
    neg = true;
    q++;
  }
  // Up to 15 digits and 10^22: the quotient of two exact doubles, correctly rounded (Clinger's fast path).
  let mant: u64 = 0;
  let nd = 0;
  let exp = 0;
  while (true) {
    const c = <i32>load<u8>(q) - 48;
    if (<u32>c > 9) break;
    mant = mant * 10 + <u64>c;
    nd++;
    q++;
  }
  if (load<u8>(q) == 46) {
    q++;
    while (true) {
      const c = <i32>load<u8>(q) - 48;
      if (<u32>c > 9) break;
      mant = mant * 10 + <u64>c;
      nd++;
      exp--;
      q++;
    }
  }
  if (nd == 0 || nd > 15 || load<u8>(q) == 101 || load<u8>(q) == 69 || exp < -22) return false;
  let value = <f64>mant / unchecked(POW10[-exp]);
  if (neg) value = -value;
  if (!same(q, P_TAGS, lenTags)) return false;
  q += <usize>lenTags;
  // The tags are the data's last field: the line ends with their '}', then '}}'.
  if (load<u8>(q) != 123 || load<u8>(nl - 1) != 125 || load<u8>(nl - 2) != 125) return false;
  const tag = tagId(q, <i32>(nl - 2 - q));
  if (tag < 0) return false;
  const key = tag * MAX_METRICS + metric;
  let leaf = unchecked(leafOf[key]) - 1;
  if (leaf < 0) {
    if (leafCount == MAX_LEAVES) return false;
    leaf = newLeaf();
    leafOf[key] = leaf + 1;
  }
  record(leaf, ms, value);
  return true;
}

/** Reads the whole lines in [at, at + len); returns the bytes read (the rest is a line cut off by the chunk). */
export function parse(at: usize, len: i32): i32 {
  const end = at + <usize>len;
  let p = at;
  while (p < end) {
    const nl = findNewline(p, end);
    if (nl == end) break;
    if (!parseLine(p, nl)) slowLines++;
    p = nl + 1;
  }
  return <i32>(p - at);
}

/** Closes every leaf's open window. */
export function finish(): void {
  for (let l = 0; l < leafCount; l++) if (unchecked(leafWin[l]) >= 0) closeWindow(l);
}
