import type { z } from 'zod';

/** One sentence from zod issues: `meta.start: expected string, received undefined; scopes: …` (at most 5 issues). */
export function zodMessage(error: z.ZodError, root?: string): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const path = [...(root !== undefined ? [root] : []), ...issue.path.map(String)].join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  if (error.issues.length > 5) parts.push(`and ${error.issues.length - 5} more`);
  return parts.join('; ');
}
