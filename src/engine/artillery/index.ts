export { artilleryEngine, createArtilleryEngine, type ArtilleryEngineOptions } from './artillery-engine.js';
export { ARTILLERY_SETTING, artilleryVersion, findArtillery, parseArtilleryVersion, pluginParent, type FoundArtillery } from './find-artillery.js';
export { artilleryArgs, artilleryVariables, runArtillery, type ArtilleryRunResult, type RunArtilleryOptions } from './run-artillery.js';
