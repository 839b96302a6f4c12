export { designEffectOfWindows } from '../document/run-level.js';
