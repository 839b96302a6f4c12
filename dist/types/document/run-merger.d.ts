import { type RunDocument } from './run-document.js';
import { type ShardCheckOptions } from './shard-check.js';
/**
 * Adds run documents up one at a time — mergeRuns' one implementation (see it for what the merged document
 * holds). Each document is folded into running totals when it is given and may then be dropped, so merging
 * the shards of a long test holds one document at a time, not all of them.
 *
 * What mergeRuns checks across all documents (the shard checks, the groupings, the window widths) can only
 * be decided once all were given: the first problem of each kind is kept, and `finish` throws them in
 * mergeRuns' order, so the message is the same whichever document shows its problem first.
 *
 * Windows of one width (the usual case) are summed as they come. When widths differ, the widest is known
 * only at the end, and the windows are summed in a second pass — `windowsAgain()` says so — so that every
 * window adds in the same order as when all windows are at hand.
 *
 * @example
 * const merger = new RunMerger({ allowMissingShards: false });
 * for (const file of files) merger.add(await read(file), file);
 * if (merger.windowsAgain()) for (const file of files) merger.addWindows(await read(file));
 * const merged = merger.finish();
 */
export declare class RunMerger {
    private readonly options;
    private readonly names;
    /** What the shard checks read of each document: its meta and its requests count's scope. */
    private readonly shardViews;
    /** The first document, folded once a second comes: one document alone merges to itself. */
    private first;
    private firstMeta;
    private folded;
    private groupByError;
    /** The first error adding up scopes (a type clash, an aggregate, a histogram that cannot be read). */
    private scopeError;
    private readonly scopes;
    private readonly histograms;
    private readonly metrics;
    private startMs;
    private endMs;
    private durationSeconds;
    private readonly tools;
    private readonly labels;
    private partial;
    private aggregateOnly;
    private readonly sources;
    private readonly warnings;
    private readonly memory;
    /** Each document's window origin and width, for the common frame and the alignment check. */
    private readonly frames;
    /** Where windows are summed as they come (the first document's); 'later' once they wait for a second pass. */
    private frame;
    private secondPass;
    private series;
    /** checkShards' result once every document was added (null before). */
    private checked;
    /** The merged start and end, formatted where mergeRuns formats them (before it aligns windows). */
    private span;
    constructor(options?: ShardCheckOptions);
    /** Adds one document; `name` (its file) names it in messages, default `run 1`, `run 2`, …. */
    add(doc: RunDocument, name?: string): void;
    /**
     * After the last `add`: true when the documents' windows must be given again, in the same order, with
     * `addWindows` before `finish` (their widths differ, or a window does not start on a whole millisecond).
     * @throws MergeError as `finish` does, for what is wrong already.
     */
    windowsAgain(): boolean;
    /** The windows of the documents again, in the order they were added (only when `windowsAgain()`). */
    addWindows(doc: RunDocument): void;
    /**
     * The merged document.
     * @throws MergeError when nothing was given, the shards do not form one whole, the documents were grouped
     *   by different tags, scopes cannot be added, or windows cannot be aligned (naming the file).
     */
    finish(): RunDocument;
    /**
     * After the last `add`: throws what was found wrong, in mergeRuns' order (the shard checks first). True
     * when the one document given merges to itself; else every document is folded.
     */
    private settle;
    /** The widest width and the earliest origin on it: the merged document's windows. */
    private commonFrame;
    private fold;
    private foldScopes;
    /**
     * Adds a document's windows at their key in `frame`; with `whole`, only while every window starts on a
     * whole (safe-integer) millisecond — false when one does not, and the windows must wait for a second pass.
     */
    private foldWindows;
    private mergedWindows;
}
