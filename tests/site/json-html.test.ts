import { describe, expect, it } from 'vitest';
import { highlightJson, tokenizeJson } from '../../src/site/json-html';

const sample = `${JSON.stringify(
  {
    id: 'tool:a<b>&"c"',
    attributes: { count: -12.5e3, ok: true, none: null, nested: [1, 'two', { 'key "quoted"': '\\\\ back\\nslash' }] },
    empty: {},
  },
  null,
  2,
)}\n`;

/** The page's text once tags are dropped and entities decoded. */
const textOf = (markup: string) => markup.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('highlightJson', () => {
  it('shows exactly the JSON text, escaped', () => {
    const markup = highlightJson(sample);
    expect(textOf(markup)).toBe(sample);
    expect(markup).not.toMatch(/<b>|"c"&/);
    expect(markup).toContain('tool:a&lt;b&gt;&amp;');
  });

  it('marks keys, strings, numbers and literals with the classes the tokenizer gives them', () => {
    const markup = highlightJson(sample);
    const fromTokens = tokenizeJson(sample)
      .map((t) => (t.cls ? `<span class="${t.cls}">${t.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</span>` : t.text))
      .join('');
    expect(markup).toBe(fromTokens);
    expect(markup).toContain('<span class="j-k">"attributes"</span>:');
    expect(markup).toContain('<span class="j-n">-12500</span>');
    expect(markup).toContain('<span class="j-l">true</span>');
    expect(markup).toContain('<span class="j-l">null</span>');
    expect(markup).toContain('<span class="j-s">"two"</span>');
  });
});
