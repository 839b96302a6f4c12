// autocannon ships no declaration file; this is the part of its programmatic API the embedded engine
// uses (autocannon v8: lib/run.js, lib/httpClient.js).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  namespace autocannon {
    interface Request {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
      /** Called with the response matched to this request, just before the connection's 'response' event. */
      onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string | string[]>) => void;
    }

    /** One connection. Emits 'request' before each send, 'response' (status, bytes, ms), 'timeout', 'connError'. */
    interface Client extends EventEmitter {
      on(event: 'request' | 'timeout' | 'done', listener: () => void): this;
      on(event: 'response', listener: (statusCode: number, resBytes: number, responseTimeMs: number) => void): this;
      on(event: 'connError', listener: (error: Error) => void): this;
    }

    interface Options {
      url: string;
      connections?: number;
      /** Seconds. */
      duration?: number;
      /** Seconds. */
      timeout?: number;
      overallRate?: number;
      pipelining?: number;
      /** Milliseconds between the run's samples; the stop flag is read on these ticks. */
      sampleInt?: number;
      requests?: Request[];
      setupClient?: (client: Client) => void;
      excludeErrorStats?: boolean;
    }

    interface Result {
      totalCompletedRequests: number;
      errors: number;
      timeouts: number;
    }

    interface Instance extends EventEmitter {
      stop(): void;
    }
  }

  function autocannon(options: autocannon.Options, callback: (error: Error | null, result: autocannon.Result) => void): autocannon.Instance;

  export = autocannon;
}
