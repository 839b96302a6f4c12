/* global __ENV */
// perf-gate stage presets for k6 scripts.
//
// perf-gate runs one k6 script for every stage (smoke, load, stress, spike, endurance) and tells the
// script which one through the PERF_GATE_STAGE environment variable. This module turns that into k6
// options, so a script only writes
//
//   import { stageOptions } from './stages.js';
//   export const options = stageOptions({ thresholds: { http_req_failed: ['rate<0.01'] } });
//
// It is plain ES2015 on purpose: k6 v0.49 and later run it as it is (no object spread, no optional
// chaining, no nullish coalescing), and Node can load it for tests. Knobs, all optional, from `-e NAME=value` (the
// perf-gate `env` input) or the environment:
//
//   PERF_GATE_STAGE    the stage (default smoke)
//   TARGET_VUS         the load target in virtual users (default 50)
//   VUS                smoke: the virtual users (default 3)
//   DURATION           smoke: the test (default 1m); load: the hold at the target (5m); stress: each hold
//                      (3m); spike: the hold at the peak (30s); endurance: the test (2h)
//   RAMP_UP, RAMP_DOWN load and stress: each ramp (default 2m and 1m)
//   STRESS_FACTOR      stress: how far beyond the target, in steps of the target (default 3: 1x, 2x, 3x)
//   SPIKE_VUS          spike: the peak (default twice TARGET_VUS)
//   SPIKE_RAMP_UP, SPIKE_RAMP_DOWN   spike: the rise to the peak and the fall back (default 30s each)
//   RATE               endurance: iterations per second (default 20)
//   PRE_ALLOCATED_VUS, MAX_VUS   endurance: VUs for the arrival rate (default TARGET_VUS and twice that)
//
// In an interleaved A/B stage perf-gate runs the script once per round, a few seconds each, and sets
// PERF_GATE_ROUND_DURATION (e.g. 20s), PERF_GATE_ARM (baseline or candidate) and PERF_GATE_ROUND (0, 1,
// …). Then every scenario is fitted to the round (fitToRound): a fixed-length executor lasts the round,
// a ramping one keeps its shape with every step scaled so the whole ramp fits in it. perf-gate passes no
// --duration: k6 would replace the scenarios with one constant-VUs scenario of 1 VU (docs/ab-mode.md).
//
// In a sequential stage (docs/sequential.md) perf-gate sets PERF_GATE_STAGE_DURATION to the stage's budget
// (its maxDuration) and stops k6 once a look knows the answer; every scenario is fitted to the budget the
// same way, so the load lasts until it is stopped.

/** The stages this module has presets for. */
export var STAGE_NAMES = ['smoke', 'load', 'stress', 'spike', 'endurance'];

function envValue(name) {
  var env = typeof __ENV === 'object' && __ENV !== null ? __ENV : {};
  var v = env[name];
  return v === undefined || v === null || v === '' ? undefined : String(v);
}

function wholeNumber(name, fallback) {
  var v = envValue(name);
  if (v === undefined) return fallback;
  if (!/^[1-9][0-9]*$/.test(v)) throw new Error('perf-gate stages.js: ' + name + ' must be a whole number above 0 but is "' + v + '"');
  return Number(v);
}

function duration(name, fallback) {
  var v = envValue(name);
  if (v === undefined) return fallback;
  if (!/^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/.test(v)) throw new Error('perf-gate stages.js: ' + name + ' must be a k6 duration such as 90s, 5m or 1h30m but is "' + v + '"');
  return v;
}

/** The stage perf-gate is running: PERF_GATE_STAGE, or smoke when the script runs on its own. */
export function currentStage() {
  return envValue('PERF_GATE_STAGE') || 'smoke';
}

/**
 * A fresh k6 scenario for a preset stage (a new object each call; change it freely).
 * Throws for a stage without a preset.
 */
export function stagePreset(stage) {
  var target = wholeNumber('TARGET_VUS', 50);
  switch (stage) {
    case 'smoke':
      // A few users for about a minute: does it work at all, and is it fast when idle?
      return { executor: 'constant-vus', vus: wholeNumber('VUS', 3), duration: duration('DURATION', '1m') };
    case 'load':
      // Up to the expected load, hold it, come back down.
      return {
        executor: 'ramping-vus',
        startVUs: 0,
        stages: [
          { duration: duration('RAMP_UP', '2m'), target: target },
          { duration: duration('DURATION', '5m'), target: target },
          { duration: duration('RAMP_DOWN', '1m'), target: 0 },
        ],
        gracefulRampDown: '30s',
      };
    case 'stress': {
      // Beyond the expected load in steps of the target (1x, 2x, 3x), holding each step.
      var factor = wholeNumber('STRESS_FACTOR', 3);
      var steps = [];
      for (var f = 1; f <= factor; f++) {
        steps.push({ duration: duration('RAMP_UP', '2m'), target: f * target });
        steps.push({ duration: duration('DURATION', '3m'), target: f * target });
      }
      steps.push({ duration: duration('RAMP_DOWN', '1m'), target: 0 });
      return { executor: 'ramping-vus', startVUs: 0, stages: steps, gracefulRampDown: '30s' };
    }
    case 'spike': {
      // From nothing to the peak in 30 s, a short hold, and straight back.
      var peak = wholeNumber('SPIKE_VUS', 2 * target);
      return {
        executor: 'ramping-vus',
        startVUs: 0,
        stages: [
          { duration: duration('SPIKE_RAMP_UP', '30s'), target: peak },
          { duration: duration('DURATION', '30s'), target: peak },
          { duration: duration('SPIKE_RAMP_DOWN', '30s'), target: 0 },
        ],
        gracefulRampDown: '30s',
      };
    }
    case 'endurance':
      // A steady arrival rate for hours: memory growth and slow degradation show here.
      return {
        executor: 'constant-arrival-rate',
        rate: wholeNumber('RATE', 20),
        timeUnit: '1s',
        duration: duration('DURATION', '2h'),
        preAllocatedVUs: wholeNumber('PRE_ALLOCATED_VUS', target),
        maxVUs: wholeNumber('MAX_VUS', 2 * target),
      };
    default:
      throw new Error(
        'perf-gate stages.js: no preset for stage "' + stage + '" (PERF_GATE_STAGE); the presets are ' + STAGE_NAMES.join(', ') +
          ', or give this stage its scenario: stageOptions({ presets: { "' + stage + '": { executor: \'constant-vus\', vus: 10, duration: \'5m\' } } })',
      );
  }
}

// Milliseconds in a k6 duration such as 1m30s or 500ms (already checked by duration()).
function durationMs(text) {
  var units = { ms: 1, s: 1000, m: 60000, h: 3600000 };
  var ms = 0;
  var part = /([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)/g;
  var match;
  while ((match = part.exec(text)) !== null) ms += Number(match[1]) * units[match[2]];
  return ms;
}

function msText(ms) {
  return Math.max(1, Math.round(ms)) + 'ms';
}

/**
 * The scenario fitted to an A/B round of `round` (a k6 duration): a new object, the scenario unchanged.
 *   constant-vus, constant-arrival-rate, externally-controlled   `duration` is the round
 *   ramping-vus, ramping-arrival-rate                              every stage scaled by round / the whole ramp
 *   per-vu-iterations, shared-iterations                           `maxDuration` is the round
 * `startTime` and the graceful stops are kept. Throws for another executor.
 */
export function fitToRound(scenario, round) {
  var fitted = Object.assign({}, scenario);
  switch (scenario.executor) {
    case 'constant-vus':
    case 'constant-arrival-rate':
    case 'externally-controlled':
      fitted.duration = round;
      return fitted;
    case 'ramping-vus':
    case 'ramping-arrival-rate': {
      var steps = scenario.stages || [];
      var whole = 0;
      for (var i = 0; i < steps.length; i++) whole += durationMs(steps[i].duration);
      if (whole <= 0) throw new Error('perf-gate stages.js: a ' + scenario.executor + ' scenario needs stages that last more than 0s to fit an A/B round');
      var factor = durationMs(round) / whole;
      fitted.stages = steps.map(function (step) {
        return Object.assign({}, step, { duration: msText(durationMs(step.duration) * factor) });
      });
      return fitted;
    }
    case 'per-vu-iterations':
    case 'shared-iterations':
      fitted.maxDuration = round;
      return fitted;
    default:
      throw new Error('perf-gate stages.js: cannot fit a scenario with executor "' + scenario.executor + '" to ' + round + ' (PERF_GATE_ROUND_DURATION or PERF_GATE_STAGE_DURATION)');
  }
}

function own(object, key) {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/**
 * k6 `options` for the current stage: one scenario named after the stage, plus the caller's overrides.
 *
 *   overrides.presets[stage]  fields merged onto that stage's preset (or the whole scenario of a stage
 *                             without a preset); with another `executor`, it replaces the preset
 *   overrides.scenario        fields merged onto the scenario, whatever the stage (e.g. exec, tags)
 *   overrides.scenarios       more scenarios, added next to the stage's
 *   overrides.thresholds      k6 thresholds (none by default: perf-gate judges the results)
 *   anything else             copied into the options as it is (tags, summaryTrendStats, …)
 *
 * With PERF_GATE_ROUND_DURATION set (an A/B round), every scenario is fitted to it (fitToRound); else with
 * PERF_GATE_STAGE_DURATION (a sequential stage's budget) to that.
 *
 * Merged with Object.assign, never with object spread, which k6 v0.49 rejects.
 */
export function stageOptions(overrides) {
  var o = overrides || {};
  var stage = currentStage();
  var custom = o.presets && own(o.presets, stage) ? o.presets[stage] : undefined;
  var hasPreset = STAGE_NAMES.indexOf(stage) >= 0;
  var scenario;
  if (custom && custom.executor && (!hasPreset || custom.executor !== stagePreset(stage).executor)) {
    scenario = Object.assign({}, custom);
  } else if (hasPreset || custom) {
    scenario = Object.assign(hasPreset ? stagePreset(stage) : {}, custom || {});
  } else {
    stagePreset(stage); // throws: no preset and no scenario for this stage
  }
  if (o.scenario) {
    var replaces = o.scenario.executor && o.scenario.executor !== scenario.executor;
    scenario = Object.assign(replaces ? {} : scenario, o.scenario);
  }
  if (!scenario.executor) {
    throw new Error('perf-gate stages.js: the scenario of stage "' + stage + '" has no executor; give one in presets["' + stage + '"]');
  }
  var options = {};
  for (var key in o) {
    if (own(o, key) && key !== 'presets' && key !== 'scenario' && key !== 'scenarios' && key !== 'thresholds') options[key] = o[key];
  }
  var scenarios = {};
  scenarios[stage] = scenario;
  options.scenarios = Object.assign(scenarios, o.scenarios || {});
  // An A/B round, else a sequential stage's budget: the load lasts that long (or until perf-gate stops it).
  var round = duration('PERF_GATE_ROUND_DURATION', undefined) || duration('PERF_GATE_STAGE_DURATION', undefined);
  if (round !== undefined) {
    for (var name in options.scenarios) {
      if (own(options.scenarios, name)) options.scenarios[name] = fitToRound(options.scenarios[name], round);
    }
  }
  options.thresholds = Object.assign({}, o.thresholds || {});
  return options;
}
