// `npm run demo`: the whole loop on this machine — the example API, a baseline run, a run with injected
// regressions, the report. See src/demo/demo.ts.
import { demo } from '../src/demo/demo.js';

process.exitCode = await demo(process.argv[2]);
