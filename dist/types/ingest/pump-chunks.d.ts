import type { ByteSource } from './byte-source.js';
import type { PointSink } from './point-sink.js';
/**
 * Feeds every chunk of `source` to a streaming parser, waiting whenever the sink asks for it (a builder
 * thread whose queue is full), so a file of any size is read in constant memory. The caller finishes
 * the parser: what a cut-off end means differs by format.
 */
export declare function pumpChunks(source: ByteSource, sink: Pick<PointSink, 'ready'>, parser: {
    push(chunk: Buffer): void;
}): Promise<void>;
