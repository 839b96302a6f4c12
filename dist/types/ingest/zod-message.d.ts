import type { z } from 'zod';
/** One sentence from zod issues: `meta.start: expected string, received undefined; scopes: …` (at most 5 issues). */
export declare function zodMessage(error: z.ZodError, root?: string): string;
