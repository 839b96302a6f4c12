// Fits the simulation's noise parameters to real A/A k6 runs: run
// `npx tsx scripts/bench-accuracy/calibrate.ts FILE.ndjson.gz FILE.ndjson.gz …` (k6 --out json files of the
// same test). Prints the figures of fit.ts as JSON; calibration.json keeps the ones the models use.
import { machineStats, pairShifts, readRun } from './fit.js';

const files = process.argv.slice(2);
if (files.length < 2) throw new Error('usage: calibrate.ts A.ndjson.gz B.ndjson.gz [more A/A runs…]');
const runs = files.map(readRun);
const { perRun, shifts } = pairShifts(runs);
const machine = runs.map(machineStats);
console.log(JSON.stringify({ files, perRun, machine, shifts }, null, 1));
