import type { BaselineStore } from './ports.js';

/** No baseline store (`baseline: none`, a CLI run without `--baseline`): every run is judged on its own. */
export const noBaseline: BaselineStore = {
  read: () => Promise.resolve({ history: [] }),
  write: (stage) => Promise.resolve({ status: 'kept', message: `No baseline store: the run of ${stage} is not kept as a baseline.` }),
};
