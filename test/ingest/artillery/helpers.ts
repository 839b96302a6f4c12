import { fileURLToPath } from 'node:url';

export const ARTILLERY_FIXTURES = fileURLToPath(new URL('../../fixtures/artillery/', import.meta.url));

/** A recorded run's file: `report.json` or `requests.jsonl.gz` (test/fixtures/artillery/README.md). */
export function artilleryFixture(run: string, kind: 'report' | 'requests'): string {
  return `${ARTILLERY_FIXTURES}${run}.${kind === 'report' ? 'report.json' : 'requests.jsonl.gz'}`;
}
