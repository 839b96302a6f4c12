import type { PointTargets } from '../../document/run-builder.js';
import type { ByteSource } from '../byte-source.js';
import { excerpt, IngestError } from '../errors.js';
import { holdsDurations, impossibleValue } from '../impossible-value.js';
import { TimeParser } from '../time.js';
import { normalizeTags, TagCache, type PointSink } from '../point-sink.js';
import { ByteTagTable, sameBytes, wordsOf, type ByteTagEntry } from './tag-table.js';
import { pumpChunks } from '../pump-chunks.js';

/** What reading one NDJSON file found besides its points. */
export interface StreamResult {
  /** Lines read (the cut-off last line of a partial file not counted). */
  readonly lines: number;
  /** Read only up to a break (truncated gzip stream or cut-off last line). */
  readonly partial: boolean;
}

/** A line longer than this is not k6 output (k6 lines are a few hundred bytes); it would only cost memory. */
const MAX_LINE_BYTES = 16 << 20;

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
/** The little-endian 32-bit word at `i` of `bytes` (what DataView.getInt32(…, true) reads there). */
const word = (bytes: Uint8Array, i: number): number => new DataView(bytes.buffer, bytes.byteOffset).getInt32(i, true);

/** `{"metric":"` — the start of every Point line k6 writes. */
const POINT_HEAD = ascii('{"metric":"');
const HEAD_0 = word(POINT_HEAD, 0);
const HEAD_1 = word(POINT_HEAD, 4);
/** Between the metric name and the time. */
const POINT_MID = ascii('","type":"Point","data":{"time":"');
/** Between the time and the value: `","value":`. */
const VALUE_0 = word(ascii('","value":'), 0);
const VALUE_1 = word(ascii('","value":'), 4);
/** Between the value and the tags object: `,"tags":{`. */
const TAGS_0 = word(ascii(',"tags":{'), 0);
const TAGS_1 = word(ascii(',"tags":{'), 4);
/** The shortest line the fast path can match. */
const MIN_POINT_LINE = POINT_HEAD.length + 1 + POINT_MID.length + 20 + 10 + 1 + 9 + 3;

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * One interned metric: the bytes of its name followed by POINT_MID, as 64-bit words for a quick
 * comparison (the last word overlaps the one before when the length is not a multiple of 8), and its
 * builder id. `after` guesses the metric of the next line (k6 writes a request's metrics in a fixed
 * order); `next` chains slots whose first 16 bytes hash alike.
 */
interface MetricSlot {
  readonly length: number;
  /**
   * The words as float64. Two non-NaN doubles other than ±0 are === exactly when their bits are equal,
   * and text bytes are never such patterns; a name that makes one (a DEL byte, say) gets `words` empty and
   * is compared byte by byte through `bytes`.
   */
  readonly words: Float64Array;
  readonly bytes: Uint8Array;
  readonly id: number;
  /** The metric holds durations: a negative value is refused (the JSON.parse path says why). */
  readonly durations: boolean;
  after: MetricSlot | undefined;
  readonly next: MetricSlot | undefined;
}

/** Hash of the 16 bytes after `{"metric":"` (name and POINT_MID: the same for every line of a metric). */
function slotKey(view: DataView, at: number): number {
  return (view.getInt32(at, true) ^ Math.imul(view.getInt32(at + 4, true), 0x9e3779b1) ^ Math.imul(view.getInt32(at + 8, true), 0x85ebca6b) ^ Math.imul(view.getInt32(at + 12, true), 0xc2b2ae35)) | 0;
}

/** Whether the bytes at `at` are the slot's name and POINT_MID. */
function slotMatches(slot: MetricSlot, view: DataView, buf: Buffer, at: number, end: number): boolean {
  const length = slot.length;
  if (at + length > end) return false;
  const words = slot.words;
  const n = words.length;
  if (n === 0) {
    const bytes = slot.bytes;
    for (let i = 0; i < length; i++) if (buf[at + i] !== bytes[i]) return false;
    return true;
  }
  for (let i = 0; i < n - 1; i++) if (view.getFloat64(at + 8 * i, true) !== words[i]) return false;
  return view.getFloat64(at + length - 8, true) === words[n - 1];
}

const BAD_LINE_HINT = 'is this file from `k6 run --out json=…`?';

/**
 * Streams k6 `--out json` NDJSON into a RunBuilder in constant memory.
 *
 * Point lines are not JSON.parsed: each line's bytes are matched against the layout k6 writes,
 * `{"metric":"…","type":"Point","data":{"time":"…","value":…,"tags":{…}}}`, the metric name and the raw
 * tags text are interned (raw tags → tags → targets, cached), times go through a per-second cache and
 * numbers are read digit by digit. Anything else (other key order, `metadata`, escapes in the name,
 * exponents beyond the fast reader) goes through JSON.parse of that line, with identical results.
 */
export class K6NdjsonParser {
  private lineNo = 0;
  /** The start of a line cut off by a chunk's end, copied (the chunk's buffer is reused): one buffer, grown. */
  private carry = Buffer.allocUnsafe(16 * 1024);
  private carryView = viewOf(this.carry);
  private carryLength = 0;
  private readonly times = new TimeParser();
  private readonly tagCache = new TagCache();
  private readonly metricSlots = new Map<number, MetricSlot>();
  private lastSlot: MetricSlot | undefined;
  private readonly tagTable = new ByteTagTable();
  /** The tags of the last fast-path line. */
  private lastTags: ByteTagEntry | undefined;
  /** Lines that took the JSON.parse path (for tests and the benchmark). */
  slowLines = 0;

  constructor(
    private readonly file: string,
    private readonly sink: PointSink,
    /** False sends every line through JSON.parse: the general path, for tests comparing the two. */
    private readonly fastPath = true,
  ) {}

  /** Parses every complete line of `chunk`; the incomplete tail waits for the next chunk. */
  push(chunk: Buffer): void {
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
    for (;;) {
      this.lineNo++;
      // Most Point lines have the tags of the line before (or of the line that followed those last time)
      // and end right after them: no search for their newline.
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
  finish(truncatedStream: boolean, warn: (message: string) => void): StreamResult {
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
  private keep(part: Buffer): void {
    const length = this.carryLength + part.length;
    if (length > MAX_LINE_BYTES) {
      throw new IngestError(this.file, `line ${this.lineNo + 1} is longer than ${MAX_LINE_BYTES >> 20} MiB: this is not k6 JSON output; ${BAD_LINE_HINT}`, { line: this.lineNo + 1 });
    }
    if (length > this.carry.length) {
      const wider = Buffer.allocUnsafe(Math.min(Math.max(length, 2 * this.carry.length), MAX_LINE_BYTES));
      this.carry.copy(wider, 0, 0, this.carryLength);
      this.carry = wider;
      this.carryView = viewOf(wider);
    }
    part.copy(this.carry, this.carryLength);
    this.carryLength = length;
  }

  /** One line `buf[start, end)` without its `\n`. */
  private line(buf: Buffer, view: DataView, start: number, end: number): void {
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
  private fastPoint(buf: Buffer, view: DataView, start: number, end: number, known: boolean): number {
    if (end - start < MIN_POINT_LINE) return -1;
    if (view.getInt32(start, true) !== HEAD_0 || view.getInt32(start + 4, true) !== HEAD_1 || buf[start + 8] !== 34 || buf[start + 9] !== 58 || buf[start + 10] !== 34) return -1;
    const nameStart = start + 11;
    // The metric: most often the one that followed the previous line's metric last time.
    let slot = this.lastSlot?.after;
    if (slot === undefined || !slotMatches(slot, view, buf, nameStart, end)) {
      slot = known ? this.findSlot(buf, view, nameStart, end) : this.knownSlot(buf, view, nameStart, end);
      if (slot === undefined) return -1;
      if (this.lastSlot !== undefined) this.lastSlot.after = slot;
    }
    this.lastSlot = slot;
    const times = this.times;
    let p = times.parse(buf, view, nameStart + slot.length, end);
    if (p < 0) return -1;
    if (p + 10 > end || view.getInt32(p, true) !== VALUE_0 || view.getInt32(p + 4, true) !== VALUE_1 || buf[p + 8] !== 34 || buf[p + 9] !== 58) return -1;
    p += 10;
    // Value: digits by hand; ≤ 15 significant digits divided by an exact power of ten round exactly like Number().
    // No read goes past `end` (one out of bounds, at the end of a chunk, would make V8 compile this again).
    const numberStart = p;
    let negative = false;
    if (p < end && buf[p] === 45) {
      negative = true;
      p++;
    }
    let mantissa = 0;
    let digits = 0;
    let fraction = 0;
    let c = p < end ? buf[p]! : 0;
    while (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      c = ++p < end ? buf[p]! : 0;
    }
    if (digits === 0) return -1;
    if (c === 46) {
      c = ++p < end ? buf[p]! : 0;
      while (c >= 48 && c <= 57) {
        mantissa = mantissa * 10 + (c - 48);
        digits++;
        fraction++;
        c = ++p < end ? buf[p]! : 0;
      }
      if (fraction === 0) return -1;
    }
    let value: number;
    if (c === 101 || c === 69 || digits > 15) {
      // Number() reads up to the next comma, which could be on the next line when the end is not known.
      if (!known) return -1;
      while (p < end && buf[p] !== 44) p++;
      value = Number(buf.toString('latin1', numberStart, p));
      // NaN, or ±Infinity from an exponent like 1e400: the JSON.parse path reports the line.
      if (value - value !== 0) return -1;
    } else {
      value = fraction === 0 ? mantissa : mantissa / POW10[fraction]!;
      if (negative) value = -value;
    }
    if (value < 0 && slot.durations) return -1;
    if (p + 12 > end || view.getInt32(p, true) !== TAGS_0 || view.getInt32(p + 4, true) !== TAGS_1 || buf[p + 8] !== 123) return -1;
    const tagsStart = p + 8;
    // Consecutive lines mostly carry the same tags (k6 writes a request's metrics in a row): compare the
    // bytes with the last line's, word by word; then with the tags that followed those last time; then
    // hash the bytes. No string is made unless the tags are new.
    let entry = this.lastTags;
    /** What is returned: the line's end (`end` when known, else the index of its newline). */
    let lineEnd = end;
    /** The line's end without its `\r`, once known. */
    let contentEnd = end;
    let search = known;
    if (!known) {
      // A table entry's bytes are a whole tags object ending in `}` and hold no newline, so when they and
      // `}}\n` follow, the line ends there and these are its tags.
      if (entry !== undefined && endsWith(entry, view, buf, tagsStart, end)) {
        lineEnd = tagsStart + entry.bytes.length + 2;
      } else if (entry?.after !== undefined && endsWith(entry.after, view, buf, tagsStart, end)) {
        entry = entry.after;
        this.lastTags = entry;
        lineEnd = tagsStart + entry.bytes.length + 2;
      } else {
        // Other tags: the line ends at the next newline (the bytes read so far hold none: an interned
        // name, digits and fixed text), and they are looked up as when the end is known.
        lineEnd = buf.indexOf(10, tagsStart);
        if (lineEnd < 0) return -1;
        search = true;
      }
      contentEnd = buf[lineEnd - 1] === 13 ? lineEnd - 1 : lineEnd;
      if (contentEnd - start < MIN_POINT_LINE) return -1;
    }
    if (search) {
      // The tags object runs to the line's end, before the `}}` closing data and the line.
      if (buf[contentEnd - 1] !== 125 || buf[contentEnd - 2] !== 125 || buf[contentEnd - 3] !== 125) return -1;
      const length = contentEnd - 2 - tagsStart;
      if (entry === undefined || !sameBytes(entry, view, buf, tagsStart, length)) {
        const previous = entry;
        entry = previous?.after;
        if (entry === undefined || !sameBytes(entry, view, buf, tagsStart, length)) {
          entry = this.tagTable.lookup(view, buf, tagsStart, length, parseTags);
          if (previous !== undefined) previous.after = entry;
        }
        this.lastTags = entry;
      }
    }
    if (entry?.tags === undefined) return -1;
    const metric = slot.id;
    const targets: PointTargets = entry.targets[metric] ?? this.sink.targets(entry, metric);
    const builder = this.sink.builder;
    builder.next[0] = times.ms;
    builder.next[1] = value;
    builder.recordNext(targets);
    return lineEnd;
  }

  /** The interned metric whose name starts at `at`, if any (the hash chain only: nothing is interned). */
  private knownSlot(buf: Buffer, view: DataView, at: number, end: number): MetricSlot | undefined {
    if (at + 16 > end) return undefined;
    for (let slot = this.metricSlots.get(slotKey(view, at)); slot !== undefined; slot = slot.next) if (slotMatches(slot, view, buf, at, end)) return slot;
    return undefined;
  }

  /** The slot of the metric whose name starts at `at`, interning it on first sight; undefined if the line is not k6's layout. */
  private findSlot(buf: Buffer, view: DataView, at: number, end: number): MetricSlot | undefined {
    const key = slotKey(view, at);
    const head = this.metricSlots.get(key);
    for (let slot = head; slot !== undefined; slot = slot.next) if (slotMatches(slot, view, buf, at, end)) return slot;
    let p = at;
    for (;;) {
      if (p >= end) return undefined;
      const c = buf[p]!;
      if (c === 34) break;
      if (c === 92) return undefined; // an escape: JSON.parse decides
      p++;
    }
    if (p + POINT_MID.length > end) return undefined;
    for (let i = 0; i < POINT_MID.length; i++) if (buf[p + i] !== POINT_MID[i]) return undefined;
    const length = p + POINT_MID.length - at;
    const bytes = Uint8Array.from(buf.subarray(at, at + length));
    const id = this.sink.metricFor(buf.toString('utf8', at, p), 'has points but no Metric line', true);
    const durations = holdsDurations(this.sink.builder.metricDefinition(id));
    const slot: MetricSlot = { length, words: wordsOf(bytes), bytes, id, durations, after: undefined, next: head };
    this.metricSlots.set(key, slot);
    return slot;
  }

  /** Any line the fast path did not take: JSON.parse, then a Metric declaration or a Point. */
  private slowLine(buf: Buffer, start: number, end: number): void {
    let text = buf.toString('utf8', start, end);
    if (this.lineNo === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a byte order mark
    if (text.trim() === '') return;
    this.slowLines++;
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      throw this.badLine(text);
    }
    if (typeof v !== 'object' || v === null) throw this.badLine(text);
    const o = v as { type?: unknown; metric?: unknown; data?: unknown };
    if (o.type === 'Metric') {
      const id = this.sink.defineK6Metric(o.data);
      if (typeof id === 'string') throw new IngestError(this.file, `${id}; ${BAD_LINE_HINT}`, { line: this.lineNo });
      return;
    }
    if (o.type !== 'Point' || typeof o.metric !== 'string' || typeof o.data !== 'object' || o.data === null) throw this.badLine(text);
    const data = o.data as { time?: unknown; value?: unknown; tags?: unknown };
    if (typeof data.time !== 'string') throw this.pointError(`its time is ${JSON.stringify(data.time) ?? 'missing'}, expected an RFC 3339 time`);
    const time = this.times.parseString(data.time);
    if (Number.isNaN(time)) throw this.pointError(`its time '${excerpt(data.time)}' is not an RFC 3339 time like 2026-11-27T09:48:39.719Z`);
    if (typeof data.value !== 'number') throw this.pointError(`its value is ${excerpt(JSON.stringify(data.value) ?? 'missing')}, expected a number`);
    const tags = data.tags === undefined || data.tags === null ? {} : normalizeTags(data.tags);
    if (tags === undefined) throw this.pointError('its tags are not an object of strings');
    const metric = this.sink.metricFor(o.metric, 'has points but no Metric line', true);
    const impossible = impossibleValue(data.value, rawValue(text) ?? String(data.value), o.metric, holdsDurations(this.sink.builder.metricDefinition(metric)));
    if (impossible !== undefined) throw new IngestError(this.file, impossible, { line: this.lineNo });
    const raw = `\u0000json\u0000${JSON.stringify(tags)}`;
    const entry = this.tagCache.get(raw) ?? this.tagCache.add(raw, tags);
    const targets = entry.targets[metric] ?? this.sink.targets(entry, metric);
    this.sink.builder.point(targets, time, data.value);
  }

  private badLine(text: string): IngestError {
    return new IngestError(this.file, `expected a k6 JSON output line ({"type":"Point"|"Metric",…}), got '${excerpt(text)}': ${BAD_LINE_HINT}`, { line: this.lineNo });
  }

  private pointError(what: string): IngestError {
    return new IngestError(this.file, `a k6 Point line, but ${what}`, { line: this.lineNo });
  }
}

/** The value as written in a Point line (`"value":1e400`), for messages. */
function rawValue(text: string): string | undefined {
  return /"value"\s*:\s*([-+0-9.eE]+)/.exec(text)?.[1];
}

/** Whether `buf` holds `entry`'s tags bytes at `at`, then `}}\n`, all before `end`. */
function endsWith(entry: ByteTagEntry, view: DataView, buf: Buffer, at: number, end: number): boolean {
  const length = entry.bytes.length;
  const after = at + length;
  return after + 2 < end && buf[after] === 125 && buf[after + 1] === 125 && buf[after + 2] === 10 && sameBytes(entry, view, buf, at, length);
}

function viewOf(buf: Buffer): DataView {
  return new DataView(buf.buffer, buf.byteOffset, buf.length);
}

/** Tags from the raw bytes of a tags object, or undefined when they are not a flat object of strings. */
function parseTags(bytes: Uint8Array): Record<string, string> | undefined {
  try {
    return normalizeTags(JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8')));
  } catch {
    return undefined;
  }
}

/** Streams one NDJSON file from `source` into `sink`. */
export async function readK6Ndjson(file: string, source: ByteSource, sink: PointSink, warn: (message: string) => void): Promise<StreamResult> {
  const parser = new K6NdjsonParser(file, sink);
  await pumpChunks(source, sink, parser);
  return parser.finish(source.truncated, warn);
}
