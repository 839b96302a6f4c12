import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, sanitizeTerminal } from '../../src/report/escape.js';
import { unescapedPipes } from './checks.js';

describe('escapeMarkdown', () => {
  it.each([
    { what: 'plain endpoint unchanged', input: 'GET /api/alerts', expected: 'GET /api/alerts' },
    { what: 'table pipe', input: 'GET /a|b', expected: 'GET /a\\|b' },
    { what: 'HTML tag', input: '<script>alert(1)</script>', expected: '&lt;script&gt;alert(1)&lt;/script&gt;' },
    { what: 'HTML comment (a fake marker)', input: '<!-- perf-gate:id=x -->', expected: '&lt;\\!-- perf-gate:id=x --&gt;' },
    { what: 'entity stays literal', input: '&amp;', expected: '&amp;amp;' },
    { what: 'backticks', input: '`rm -rf /`', expected: '\\`rm -rf /\\`' },
    { what: 'emphasis and strikethrough', input: '**a** _b_ ~c~', expected: '\\*\\*a\\*\\* \\_b\\_ \\~c\\~' },
    { what: 'link and image', input: '![x](y) [a](b)', expected: '\\!\\[x\\](y) \\[a\\](b)' },
    { what: 'backslash', input: 'a\\b', expected: 'a\\\\b' },
    { what: 'escaped pipe stays a pipe', input: '\\|', expected: '\\\\\\|' },
    { what: 'newlines and tabs become spaces', input: 'a\nb\r\nc\td', expected: 'a b c d' },
    { what: 'mention is defused', input: '@org/team', expected: '@\u200borg/team' },
    { what: 'quote', input: 'say "hi"', expected: 'say &quot;hi&quot;' },
    { what: 'bidi override', input: 'a\u202eb', expected: 'a\ufffdb' },
    { what: 'emoji and CJK untouched', input: '👩‍❤️‍👩 名前', expected: '👩‍❤️‍👩 名前' },
  ])('$what', ({ input, expected }) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('never lets through a raw <, a line break, or an unescaped pipe', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const e = escapeMarkdown(s);
        expect(e).not.toMatch(/[<>\n\r]/);
        expect(unescapedPipes(e)).toBe(0);
      }),
    );
  });
});

describe('sanitizeTerminal', () => {
  it.each([
    { what: 'ANSI escape made visible', input: 'GET /a\u001b[2J', expected: 'GET /a\\x1b[2J' },
    { what: 'newline becomes a space', input: 'a\nb', expected: 'a b' },
    { what: 'bell and DEL', input: '\u0007\u007f', expected: '\\x07\\x7f' },
    { what: 'bidi override', input: '\u2066x', expected: '\ufffdx' },
    { what: 'ordinary text unchanged', input: 'POST /api/alerts', expected: 'POST /api/alerts' },
  ])('$what', ({ input, expected }) => {
    expect(sanitizeTerminal(input)).toBe(expected);
  });
});
