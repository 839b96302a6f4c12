/**
 * The bytes of one input file, plain or gzipped, as Buffer chunks (lines may span chunks). A gzip
 * stream that ends early (k6 killed: zlib's "unexpected end of file") is not an error: every byte
 * inflated up to the break is delivered and `truncated` is set.
 *
 * A chunk is only valid until the consumer asks for the next one: plain files are read into two buffers
 * in turn (the next read runs while the consumer parses), so consumers copy what they keep.
 */
export declare class ByteSource {
    readonly path: string;
    readonly gzip: boolean;
    /** Called with the number of new file bytes (compressed for .gz) read since the last call. */
    private readonly onBytes?;
    /** The gzip stream ended before its trailer. */
    truncated: boolean;
    private reported;
    constructor(path: string, gzip: boolean, 
    /** Called with the number of new file bytes (compressed for .gz) read since the last call. */
    onBytes?: ((bytes: number) => void) | undefined);
    /**
     * The bytes of a stream that is not a file (k6's output read through a FIFO while k6 runs), plain, under
     * the name `path` in messages. As for a file, a chunk is only valid until the next is asked for (the
     * FIFO's reader reuses its buffer).
     *
     * @example ByteSource.fromStream('smoke.ndjson', chunks) // chunks: an async generator over the FIFO
     */
    static fromStream(path: string, stream: AsyncIterable<Buffer>): ByteSource;
    private stream;
    /** The bytes come from a stream (ByteSource.fromStream), not from a file read here. */
    get streamed(): boolean;
    chunks(): AsyncGenerator<Buffer>;
    private plain;
    private inflate;
    private report;
}
