import type { RunDocument } from '../document/run-document.js';
export type RunMemory = NonNullable<RunDocument['memory']>;
/** What a memory file may be, for error messages. */
export declare const MEMORY_FORMATS: string;
/**
 * Reads the target's memory samples (plain or gzipped) into `{ source, samples }`, samples sorted by time.
 * @throws IngestError naming the file and line of anything it cannot read.
 */
export declare function readMemoryFile(file: string): Promise<RunMemory>;
/** Parses memory samples from text; see MEMORY_FORMATS. */
export declare function parseMemoryText(file: string, text: string): RunMemory;
