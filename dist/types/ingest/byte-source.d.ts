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
    chunks(): AsyncGenerator<Buffer>;
    private plain;
    private inflate;
    private report;
}
