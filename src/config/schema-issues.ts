/**
 * Turns zod's issues into the sentences users read: one {@link ConfigIssue} per problem, unknown keys
 * with a did-you-mean, unions reported through the branch that matches what the user wrote. Pure.
 */
import type { z } from 'zod';
import { formatValue, type ConfigIssue, type ConfigPathSegment } from './errors.js';
import { didYouMean, listNames } from './suggest.js';

type RawIssue = z.core.$ZodRawIssue;
type Issue = z.core.$ZodIssue;

/** Where keys that are misplaced at some level really belong, for the "unknown key" hint. */
const WHERE_KEYS_BELONG: Readonly<Record<string, string>> = {
  thresholds: 'stages.<stage>.thresholds',
  regression: 'stages.<stage>.regression',
  endurance: 'stages.<stage>.endurance',
  extends: 'stages.<stage>.extends',
  latency: 'stages.<stage>.regression.latency',
  throughput: 'stages.<stage>.regression.throughput',
  errorRate: 'stages.<stage>.regression.errorRate',
  memory: 'stages.<stage>.regression.memory',
  memoryGrowth: 'stages.<stage>.endurance.memoryGrowth',
  degradation: 'stages.<stage>.endurance.degradation',
  leak: 'stages.<stage>.endurance.leak',
  warmupSeconds: 'stages.<stage>.endurance.warmupSeconds',
};

/**
 * The sentence after `path: ` for an unknown key.
 *
 * @example unknownKeyMessage('regresion', ['extends', 'thresholds', 'regression', 'endurance'])
 *   // "unknown key — did you mean 'regression'?"
 */
export function unknownKeyMessage(key: string, known: readonly string[]): string {
  const suggestion = didYouMean(key, known);
  if (suggestion !== undefined) return `unknown key — did you mean '${suggestion}'?`;
  const home = WHERE_KEYS_BELONG[key];
  const allowed = known.length === 0 ? 'no keys are allowed here' : `allowed here: ${listNames(known)}`;
  return home === undefined ? `unknown key — ${allowed}` : `unknown key here — '${key}' belongs under ${home}; ${allowed}`;
}

const NOUNS: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  record: 'a mapping (key: value)',
  array: 'a list',
  null: 'null',
};

/**
 * The error map for every config parse: gives each zod issue a message in perf-gate's style. Messages
 * of `unrecognized_keys` hold one line per key, in the order of `keys`; {@link toConfigIssues} splits them.
 */
export function configErrorMap(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required, but missing' : `expected ${NOUNS[issue.expected] ?? issue.expected}, got ${formatValue(issue.input)}`;
    case 'unrecognized_keys': {
      const known = shapeKeys(issue.inst);
      return issue.keys.map((key) => unknownKeyMessage(key, known)).join('\n');
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v));
      const suggestion = typeof issue.input === 'string' ? didYouMean(issue.input, values) : undefined;
      return `expected ${listNames(values)}, got ${formatValue(issue.input)}${suggestion === undefined ? '' : ` — did you mean '${suggestion}'?`}`;
    }
    case 'too_small':
      return issue.origin === 'array'
        ? `expected at least ${issue.minimum} entries, got ${formatValue(issue.input)}`
        : `expected ${issue.inclusive === false ? '>' : '≥'} ${issue.minimum}, got ${formatValue(issue.input)}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `expected at most ${issue.maximum} entries, got ${formatValue(issue.input)}`
        : `expected ${issue.inclusive === false ? '<' : '≤'} ${issue.maximum}, got ${formatValue(issue.input)}`;
    case 'invalid_format':
      return `${formatValue(issue.input)} is not ${issue.format === 'regex' ? 'in the expected format' : `a valid ${issue.format}`}`;
    case 'not_multiple_of':
      return `expected a multiple of ${issue.divisor}, got ${formatValue(issue.input)}`;
    case 'invalid_union':
      return `${formatValue(issue.input)} fits none of the allowed forms`;
    case 'invalid_key':
      return `${formatValue(issue.input)} is not allowed as a key here`;
    case 'invalid_element':
      return `${formatValue(issue.input)} is not allowed here`;
    case 'custom':
      return issue.message ?? `${formatValue(issue.input)} is not allowed here`;
  }
}

function shapeKeys(inst: unknown): string[] {
  const def: unknown = (inst as { _zod?: { def?: unknown } } | undefined)?._zod?.def;
  if (typeof def === 'object' && def !== null && 'shape' in def) {
    const shape = (def as { shape: unknown }).shape;
    if (typeof shape === 'object' && shape !== null) return Object.keys(shape);
  }
  return [];
}

/**
 * Flattens zod issues into config issues, one per problem: unknown keys become one issue each (path ending
 * in the key), unions are reported through the branch that fits the value's type, keys of records through
 * their own issues. A "required, but missing" key is dropped when an unknown sibling key is its likely typo.
 */
export function toConfigIssues(issues: readonly Issue[], base: readonly ConfigPathSegment[] = []): ConfigIssue[] {
  const flat = flatten(issues, base);
  const typoTargets = new Set<string>();
  for (const issue of flat) {
    const match = /^unknown key — did you mean '([^']+)'\?$/.exec(issue.message);
    if (match !== null) typoTargets.add(JSON.stringify([...issue.path.slice(0, -1), match[1]]));
  }
  return flat.filter((issue) => !(issue.message === 'required, but missing' && typoTargets.has(JSON.stringify(issue.path))));
}

function flatten(issues: readonly Issue[], base: readonly ConfigPathSegment[]): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path.map(toSegment)];
    switch (issue.code) {
      case 'unrecognized_keys': {
        const lines = issue.message.split('\n');
        issue.keys.forEach((key, i) => out.push({ path: [...path, key], message: lines[i] ?? 'unknown key' }));
        break;
      }
      case 'invalid_union': {
        const branch = issue.errors.find((b) => !isTypeMismatch(b));
        if (branch === undefined) out.push({ path, message: issue.message });
        else out.push(...flatten(branch, path));
        break;
      }
      case 'invalid_key':
      case 'invalid_element':
        out.push(...flatten(issue.issues, path));
        break;
      case 'invalid_type':
      case 'invalid_value':
      case 'too_small':
      case 'too_big':
      case 'invalid_format':
      case 'not_multiple_of':
      case 'custom':
        out.push({ path, message: issue.message });
        break;
    }
  }
  return out;
}

/** A union branch that failed only because the value has another type altogether. */
function isTypeMismatch(branch: readonly Issue[]): boolean {
  return branch.every(
    (issue) =>
      issue.path.length === 0 &&
      (issue.code === 'invalid_type' || (issue.code === 'invalid_union' && issue.errors.every((b) => isTypeMismatch(b)))),
  );
}

function toSegment(key: PropertyKey): ConfigPathSegment {
  return typeof key === 'symbol' ? String(key) : key;
}
