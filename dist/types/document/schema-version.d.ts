/**
 * The version of the run document's schema, written into every document (`schema`). In a file of its own
 * so that code that writes documents without validating them (the ingest's builder thread) does not load
 * the zod schemas of run-document.ts, three quarters of that thread's bundle.
 */
export declare const RUN_DOCUMENT_SCHEMA = "perf-gate/run@1";
