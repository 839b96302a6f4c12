/** The stage list a user gives (the Action's `stages` input, the CLI's `--stage`), read one way. Pure. */

/** A stage name as it is run: it names a folder on the baseline branch and a file in the output. */
const STAGE_NAME = /^[A-Za-z][\w-]*$/;

/**
 * The stages of `text`, separated by commas and/or whitespace, in order, and every problem with them:
 * none given, a name that is not a stage name, a stage named twice. `name` is how the caller names the
 * setting in messages (`'stages'`, `--stage`).
 *
 * @example parseStageList('smoke, load endurance', "'stages'") // { stages: ['smoke', 'load', 'endurance'], problems: [] }
 * @example parseStageList('smoke,9lives', '--stage').problems // ["--stage holds '9lives', which is not a stage name (…)"]
 */
export function parseStageList(text: string, name: string): { stages: string[]; problems: string[] } {
  const stages = text.split(/[\s,]+/).filter((s) => s !== '');
  const problems: string[] = [];
  if (stages.length === 0) problems.push(`${name}: expected one or more stage names separated by commas or spaces, got '${text}'`);
  for (const s of stages) if (!STAGE_NAME.test(s)) problems.push(`${name} holds '${s}', which is not a stage name (letters, digits, '-' and '_', starting with a letter)`);
  if (new Set(stages).size !== stages.length) problems.push(`${name} names a stage twice: '${text.trim()}'`);
  return { stages, problems };
}
