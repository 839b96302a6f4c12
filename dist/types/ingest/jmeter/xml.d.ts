import type { ByteSource } from '../byte-source.js';
import type { PointSink } from '../point-sink.js';
import type { StreamResult } from '../reader.js';
/**
 * Streams a JMeter XML results file (`<testResults version="1.2">`) into a run builder, in constant
 * memory: saxes reads it as a stream of tags and only the attributes of the sample being read are kept.
 *
 * One request is one **top-level** sample, an `<httpSample>` or `<sample>` child of `<testResults>`, read
 * from its attributes (`t` elapsed, `ts` timeStamp, `s` success, `lb` label, `rc`, `tn`, `lt`, `ct`, `by`,
 * `sby`, `na`). Samples nested in it are its sub-results — the hops of a followed redirect, embedded
 * resources, the samplers of a Transaction Controller that generates a parent sample — whose time is
 * already in the parent's `elapsed`: they are not counted again. That is also what JMeter's CSV output
 * holds for the same run (one row per top-level sample), so the two formats give the same document.
 *
 * A file without its closing `</testResults>` (JMeter was stopped) is read up to its last complete
 * top-level sample and is partial.
 */
export declare class JmeterXmlParser {
    private readonly file;
    private readonly warn;
    private readonly decoder;
    private readonly xml;
    private readonly recorder;
    private readonly sample;
    /** Element depth: 1 inside <testResults>, 2 inside a top-level sample. */
    private depth;
    private sawRoot;
    private rootClosed;
    /** The line the current top-level sample started on, and the line the last complete one ended on. */
    private sampleLine;
    private lastCompleteLine;
    private samples;
    /** The current top-level sample has samples nested in it (sub-results). */
    private nested;
    private zoneWarned;
    private charactersWarned;
    /** The text written ended with a line break (saxes then counts the empty line after it). */
    private endsWithNewline;
    /** An IngestError raised in a saxes handler: saxes is left as it is and the error thrown after `write`. */
    private failure;
    constructor(file: string, sink: PointSink, warn: (message: string) => void);
    /**
     * Characters XML 1.0 does not allow (control characters of a saved response, written as JMeter got
     * them) are skipped with one warning: saxes reads on past them and the structure is not affected.
     * Every other well-formedness error stops the reading.
     */
    private xmlError;
    push(chunk: Buffer): void;
    finish(truncatedStream: boolean): StreamResult;
    private write;
    private open;
    private close;
    /** Raises an error about the current sample from inside a saxes handler. */
    private fail;
    private error;
}
/** Streams one JMeter XML results file from `source` into `sink`. */
export declare function readJmeterXml(file: string, source: ByteSource, sink: PointSink, warn: (message: string) => void): Promise<StreamResult>;
