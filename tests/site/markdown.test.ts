/**
 * Markdown's fast path: prose whose only syntax is inline code is written without the parser, and
 * must read exactly as the parser's HTML does (entity spelling and line breaks aside).
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/site-atlas');

// The site modules read ATLAS_DOMAIN_DIR when first imported, so they are imported after setting it.
let markdown: typeof import('../../src/site/markdown');
beforeAll(async () => {
  process.env.ATLAS_DOMAIN_DIR = FIXTURE;
  process.env.ATLAS_BASE = '/';
  markdown = await import('../../src/site/markdown');
});

/** The same HTML whichever way a character was escaped, and however a line was broken. */
function normalize(html: string): string {
  return html
    .replace(/&#x3C;|&lt;/g, '<')
    .replace(/&#x3E;|&gt;/g, '>')
    .replace(/&#x26;|&amp;/g, '&')
    .replace(/&#x22;|&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

describe('simpleMarkdownHtml', () => {
  const simple = [
    'Plain words, with commas; colons: and (brackets).',
    'Two lines\nof one paragraph.\n\nAnd a second paragraph.',
    'Runs `npm test` before `git push`.',
    '`code` first, then words',
    'Code holds anything: `a < b && c > d`, `*not emphasis*`, `[[not-a-link]]`, `https://x.example`.',
    'Spaces: ` padded `, `  two  `, ` `, `   `, ` left`.',
    'He said "quoted" and it\'s fine, 5 % of 10 = 0.5.',
    'A line ending in code `x`\nand the next line.',
    '  Leading and trailing space around the text.  ',
  ];
  for (const source of simple) {
    it(`matches the parser: ${JSON.stringify(source.slice(0, 40))}`, async () => {
      const fast = markdown.simpleMarkdownHtml(source);
      expect(fast).not.toBeNull();
      expect(normalize(fast!)).toBe(normalize((await markdown.parseMarkdown(source)).html));
    });
  }

  it('writes inline code as <code> with its content escaped and literal', () => {
    expect(markdown.simpleMarkdownHtml('Use `a<b & *c*` here.')).toBe('<p>Use <code>a&lt;b &amp; *c*</code> here.</p>');
    expect(markdown.simpleMarkdownHtml('` x `')).toBe('<p><code>x</code></p>');
  });

  const notSimple = [
    'Some *emphasis*.',
    'Double ``code`` spans.',
    'An unclosed `backtick.',
    'A code span `across\nlines`.',
    '# A heading',
    '- a list item',
    '1. a numbered item',
    'A [link](https://example.org).',
    'A bare https://example.org URL.',
    'A [[record-id]] link.',
    'Raw <b>HTML</b>.',
    'An &amp; entity.',
    'A hard break  \nhere.',
    '    indented code',
    'Title\n=====',
    'A ~~strike~~.',
    'A | table | row',
    'Escaped \\* star',
    'Mail me@example.org',
  ];
  for (const source of notSimple) {
    it(`leaves other syntax to the parser: ${JSON.stringify(source)}`, () => {
      expect(markdown.simpleMarkdownHtml(source)).toBeNull();
    });
  }
});

describe('renderMarkdown', () => {
  it('takes the fast path for simple prose and the parser for the rest', async () => {
    const simple = await markdown.renderMarkdown('Runs `npm test` first.');
    expect(simple).toEqual({ html: '<p>Runs <code>npm test</code> first.</p>', headings: [], hasDiagram: false });
    const parsed = await markdown.renderMarkdown('Runs **npm test** first.');
    expect(parsed.html).toBe('<p>Runs <strong>npm test</strong> first.</p>');
  });
});
