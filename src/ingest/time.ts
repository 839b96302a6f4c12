/** 10^-k, to scale the sub-millisecond digits (a product is cheaper than a quotient on every line). */
const INV_POW10 = [1, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12];

/**
 * Parses k6's RFC 3339 times (`2026-11-27T09:48:39.719132232Z`, `…+01:00`) from bytes into epoch
 * milliseconds with sub-millisecond fraction. A time equal to the last one costs four word comparisons;
 * otherwise the date-and-zone part is converted once per second and cached, and the fraction is read
 * digit by digit.
 * Every time of a run goes through `parse` (fast path, JSON.parse fallback and CSV alike), so all paths
 * give bit-identical numbers.
 */
export class TimeParser {
  /** The time `parse` read last, epoch ms (kept in a field: no number is boxed per line). */
  ms = Number.NaN;
  /** The cached second `YYYY-MM-DDTHH:MM:SS` as three overlapping 8-byte words (bytes 0–7, 8–15, 11–18). */
  private prefix0 = Number.NaN;
  private prefix1 = Number.NaN;
  private prefix2 = Number.NaN;
  private readonly zone = new Uint8Array(6);
  private zoneLength = -1;
  private base = Number.NaN;
  /**
   * A time read before, zone included (k6 gives the metrics of one request the same time): its length
   * (20–32 bytes; 0 before the first), its words at 0, 8, 16 and length − 8, and its value.
   */
  private lastLength = 0;
  private lastMs = Number.NaN;
  private last0 = Number.NaN;
  private last1 = Number.NaN;
  private last2 = Number.NaN;
  private lastTail = Number.NaN;

  /**
   * Reads the time starting at `buf[start]`, `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, no further than
   * `limit`, into `ms`. Returns the index after it, or -1 when it is malformed.
   */
  parse(buf: Uint8Array, view: DataView, start: number, limit: number): number {
    // The same bytes as the last time read give the same time: this reads nothing past them.
    const n = this.lastLength;
    if (n !== 0 && start + n <= limit && view.getFloat64(start, true) === this.last0 && view.getFloat64(start + 8, true) === this.last1 && view.getFloat64(start + n - 8, true) === this.lastTail && (n <= 24 || view.getFloat64(start + 16, true) === this.last2)) {
      this.ms = this.lastMs;
      return start + n;
    }
    const end = this.parseTime(buf, view, start, limit);
    // A time of other length (or none) leaves the cached one: what those bytes mean does not change.
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

  private parseTime(buf: Uint8Array, view: DataView, start: number, limit: number): number {
    if (limit - start < 20) return -1;
    let p = start + 19;
    let fracMs = 0;
    if (buf[p] === 46) {
      p++;
      let ms = 0;
      let sub = 0;
      let digits = 0;
      let subDigits = 0;
      while (p < limit) {
        const d = buf[p]! - 48;
        if (d < 0 || d > 9) break;
        if (digits < 3) ms = ms * 10 + d;
        else if (subDigits < 12) {
          sub = sub * 10 + d;
          subDigits++;
        }
        digits++;
        p++;
      }
      if (digits === 0) return -1;
      if (digits === 1) ms *= 100;
      else if (digits === 2) ms *= 10;
      fracMs = subDigits === 0 ? ms : ms + sub * INV_POW10[subDigits]!;
    }
    const z = p < limit ? buf[p] : 0;
    const zoneLength = z === 90 || z === 122 ? 1 : z === 43 || z === 45 ? 6 : 0;
    if (zoneLength === 0 || p + zoneLength > limit) return -1;
    // Digits, '-', ':' and 'T' never make a NaN or ±0 double, so === on the words is equality of the bytes.
    const w2 = view.getFloat64(start + 11, true);
    if (w2 !== this.prefix2 || zoneLength !== this.zoneLength || view.getFloat64(start, true) !== this.prefix0 || view.getFloat64(start + 8, true) !== this.prefix1 || !this.sameZone(buf, p, zoneLength)) {
      const base = parseSecond(buf, start, p, zoneLength);
      if (Number.isNaN(base)) return -1;
      this.base = base;
      this.zoneLength = zoneLength;
      this.prefix0 = view.getFloat64(start, true);
      this.prefix1 = view.getFloat64(start + 8, true);
      this.prefix2 = w2;
      for (let i = 0; i < zoneLength; i++) this.zone[i] = buf[p + i]!;
    }
    this.ms = this.base + fracMs;
    return p + zoneLength;
  }

  /** The whole of `text` as a time (the JSON.parse fallback, CSV RFC 3339 timestamps); NaN if it is not one. */
  parseString(text: string): number {
    const buf = Buffer.from(text, 'utf8');
    return this.parse(buf, new DataView(buf.buffer, buf.byteOffset, buf.length), 0, buf.length) === buf.length ? this.ms : Number.NaN;
  }

  private sameZone(buf: Uint8Array, p: number, length: number): boolean {
    for (let i = 0; i < length; i++) if (buf[p + i] !== this.zone[i]) return false;
    return true;
  }
}

function digits(buf: Uint8Array, at: number, n: number): number {
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = buf[at + i]! - 48;
    if (d < 0 || d > 9) return Number.NaN;
    v = v * 10 + d;
  }
  return v;
}

/** Epoch ms of `YYYY-MM-DDTHH:MM:SS` at `start` in the zone at `zoneAt` (`Z` or `±HH:MM`); NaN if malformed. */
function parseSecond(buf: Uint8Array, start: number, zoneAt: number, zoneLength: number): number {
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
    // Date.UTC reads years 0–99 as 1900–1999.
    const d = new Date(ms);
    d.setUTCFullYear(year);
    ms = d.getTime();
  }
  return ms - offsetMinutes * 60_000;
}
