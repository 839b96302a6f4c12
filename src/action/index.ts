// The Action's entry (action.yml runs dist/index.js): only starts the Action's thread, which runs
// dist/action.js (action-thread.ts says why). Kept this small so the waiting thread loads none of the Action.
import { failStep, runInActionThread } from './action-thread.js';

runInActionThread(new URL('./action.js', import.meta.url), failStep);
