/**
 * Turns zod's issues into the sentences users read: one {@link ConfigIssue} per problem, unknown keys
 * with a did-you-mean, unions reported through the branch that matches what the user wrote. Pure.
 */
import type { z } from 'zod';
import { type ConfigIssue, type ConfigPathSegment } from './errors.js';
type RawIssue = z.core.$ZodRawIssue;
type Issue = z.core.$ZodIssue;
/**
 * The sentence after `path: ` for an unknown key.
 *
 * @example unknownKeyMessage('regresion', ['extends', 'thresholds', 'regression', 'endurance'])
 *   // "unknown key — did you mean 'regression'?"
 */
export declare function unknownKeyMessage(key: string, known: readonly string[]): string;
/**
 * The error map for every config parse: gives each zod issue a message in perf-gate's style. Messages
 * of `unrecognized_keys` hold one line per key, in the order of `keys`; {@link toConfigIssues} splits them.
 */
export declare function configErrorMap(issue: RawIssue): string;
/**
 * Flattens zod issues into config issues, one per problem: unknown keys become one issue each (path ending
 * in the key), unions are reported through the branch that fits the value's type, keys of records through
 * their own issues. A "required, but missing" key is dropped when an unknown sibling key is its likely typo.
 */
export declare function toConfigIssues(issues: readonly Issue[], base?: readonly ConfigPathSegment[]): ConfigIssue[];
export {};
