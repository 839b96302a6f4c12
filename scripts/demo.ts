// `npm run demo`: the whole loop on this machine — the example API, a baseline run, a run with injected
// regressions, the report. See scripts/demo/demo.ts.
import { demo } from './demo/demo.js';

process.exitCode = await demo(process.argv[2]);
