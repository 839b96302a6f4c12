/**
 * The two free-text inputs that end up on k6's command line: `k6-flags` (split like a POSIX shell splits
 * words, without running one) and `env` (NAME=value pairs for `-e`). Pure.
 */

/** A user's input that cannot be read; the message names the input and the bad part. */
export class ArgsInputError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ArgsInputError';
  }
}

const SPACE = new Set([' ', '\t', '\n', '\r']);
/** Characters a shell would treat as operators; here they would silently become part of an argument. */
const OPERATORS = new Set([';', '|', '&', '<', '>', '`']);
/** In double quotes a backslash escapes only these (as in sh); before anything else it is kept. */
const DOUBLE_QUOTE_ESCAPES = new Set(['"', '\\', '$', '`']);

/**
 * Splits a command-line string into arguments the way `sh` splits words: whitespace separates, `'…'`
 * keeps everything literally, `"…"` keeps spaces (a backslash escapes `"`, `\`, `$` and `` ` `` in it),
 * a backslash outside quotes escapes the next character, and adjacent parts join
 * (`--tag="a b"` → `--tag=a b`). Nothing is expanded and no shell runs, so shell operators
 * (`; | & < >` and backticks) and `$VAR`/`$(…)` outside single quotes are refused rather than passed on
 * as text, and a backslash-newline continues the line.
 *
 * @throws ArgsInputError naming `inputName`, the column and the input, on an unterminated quote, a
 *   trailing backslash, an operator or a variable.
 * @example splitArgs('--vus 10 --tag "team=core x"') // ['--vus', '10', '--tag', 'team=core x']
 */
export function splitArgs(input: string, inputName = 'k6-flags'): string[] {
  const args: string[] = [];
  let current = '';
  let inWord = false;
  const fail = (what: string, at: number): never => {
    throw new ArgsInputError(`'${inputName}': ${what} at column ${at + 1} in: ${input}`);
  };
  const checkDollar = (i: number): void => {
    const next = input[i + 1];
    if (next !== undefined && /[A-Za-z_{(]/.test(next)) {
      fail(`\`$${next}\` would be expanded by a shell, but no shell runs here (use \${{ … }} in the workflow, or put it in single quotes to pass it literally)`, i);
    }
  };
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (SPACE.has(c)) {
      if (inWord) args.push(current);
      current = '';
      inWord = false;
      i++;
      continue;
    }
    inWord = true;
    if (c === "'") {
      const end = input.indexOf("'", i + 1);
      if (end < 0) fail("unterminated ' quote", i);
      current += input.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (c === '"') {
      const start = i;
      i++;
      for (;;) {
        if (i >= input.length) fail('unterminated " quote', start);
        const d = input[i]!;
        if (d === '"') break;
        if (d === '\\') {
          const next = input[i + 1];
          if (next === '\n') {
            i += 2;
            continue;
          }
          if (next !== undefined && DOUBLE_QUOTE_ESCAPES.has(next)) {
            current += next;
            i += 2;
            continue;
          }
        }
        if (d === '$') checkDollar(i);
        if (d === '`') fail('a backtick (command substitution) is not run here', i);
        current += d;
        i++;
      }
      i++;
      continue;
    }
    if (c === '\\') {
      const next = input[i + 1];
      if (next === undefined) fail('a trailing backslash escapes nothing', i);
      if (next !== '\n') current += next;
      else if (current === '') inWord = false;
      i += 2;
      continue;
    }
    if (OPERATORS.has(c)) fail(`\`${c}\` is a shell operator, but no shell runs here (quote it to pass it literally)`, i);
    if (c === '$') checkDollar(i);
    current += c;
    i++;
  }
  if (inWord) args.push(current);
  return args;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Reads `NAME=value` pairs, one per line or separated by commas on one line (use lines when a value holds
 * a comma). Blank items and lines starting with `#` are skipped; the name and the value are trimmed; the
 * value is everything after the first `=` (it may hold `=` and spaces), and one pair of matching quotes
 * around it is removed.
 *
 * @throws ArgsInputError naming `inputName` and the bad pair: no `=`, a name that is not a variable name,
 *   or a name given twice.
 * @example parseEnvPairs('A=1\nB=two words') // { A: '1', B: 'two words' }
 * @example parseEnvPairs('A=1, B=x=y') // { A: '1', B: 'x=y' }
 */
export function parseEnvPairs(input: string, inputName = 'env'): Record<string, string> {
  const byLine = /\r?\n/.test(input);
  const items = byLine ? input.split(/\r?\n/) : input.split(',');
  const unit = byLine ? 'line' : 'pair';
  const pairs = new Map<string, { value: string; at: number }>();
  items.forEach((raw, index) => {
    const item = raw.trim();
    if (item === '' || item.startsWith('#')) return;
    const where = `'${inputName}' ${unit} ${index + 1} (${JSON.stringify(item)})`;
    const eq = item.indexOf('=');
    if (eq < 0) throw new ArgsInputError(`${where} has no '=': write NAME=value`);
    const name = item.slice(0, eq).trim();
    if (!NAME.test(name)) {
      throw new ArgsInputError(`${where}: ${JSON.stringify(name)} is not a variable name (letters, digits and _, not starting with a digit)`);
    }
    const earlier = pairs.get(name);
    if (earlier) throw new ArgsInputError(`${where}: ${name} was already set by ${unit} ${earlier.at}; give each name once`);
    pairs.set(name, { value: unquote(item.slice(eq + 1).trim()), at: index + 1 });
  });
  return Object.fromEntries([...pairs].map(([name, { value }]) => [name, value]));
}

function unquote(value: string): string {
  if (value.length >= 2) {
    const q = value[0];
    if ((q === '"' || q === "'") && value[value.length - 1] === q) return value.slice(1, -1);
  }
  return value;
}
