import { writeFile } from 'node:fs/promises';

/**
 * Writes a report or document the user asked for, answering with a sentence instead of throwing: the
 * caller prints the verdict first and this after it, so a bad path never hides the verdict.
 *
 * @returns undefined when written, else `cannot write <what> to <path>: <why> — <what to do>`.
 */
export async function writeOutput(path: string, content: string, what: string): Promise<string | undefined> {
  try {
    await writeFile(path, content);
    return undefined;
  } catch (err) {
    return `cannot write ${what} to ${path}: ${why(err)}`;
  }
}

function why(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? (err as { code: unknown }).code : undefined;
  switch (code) {
    case 'ENOENT':
      return 'its folder does not exist — create it first, or give another path';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied — give a path you can write to';
    case 'EISDIR':
      return 'it is a folder — give a file name';
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
