import { describe, expect, it } from 'vitest';
import { parseStageList } from '../../src/pipeline/stage-list.js';

describe('parseStageList: the one reading of a stage list (the Action and the CLI)', () => {
  it.each([
    { text: 'smoke', stages: ['smoke'], problems: [] },
    { text: 'smoke,load', stages: ['smoke', 'load'], problems: [] },
    { text: ' smoke, load  endurance\n', stages: ['smoke', 'load', 'endurance'], problems: [] },
    { text: 'load-v2,api_smoke', stages: ['load-v2', 'api_smoke'], problems: [] },
    { text: 'smoke,9lives', stages: ['smoke', '9lives'], problems: ["--stage holds '9lives', which is not a stage name (letters, digits, '-' and '_', starting with a letter)"] },
    { text: 'load.v2', stages: ['load.v2'], problems: ["--stage holds 'load.v2', which is not a stage name (letters, digits, '-' and '_', starting with a letter)"] },
    { text: 'smoke smoke', stages: ['smoke', 'smoke'], problems: ["--stage names a stage twice: 'smoke smoke'"] },
    { text: ' , ', stages: [], problems: ["--stage: expected one or more stage names separated by commas or spaces, got ' , '"] },
  ])('$text', ({ text, stages, problems }) => {
    expect(parseStageList(text, '--stage')).toEqual({ stages, problems });
  });
});
