// The design effect of a run's windows lives with the run's level (document/run-level.ts), which the
// history needs too; the gate's detectors import it from here.
export { designEffectOfWindows } from '../document/run-level.js';
