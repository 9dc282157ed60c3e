/**
 * The `html` template tag: everything interpolated is escaped unless it is already markup.
 */
import { describe, expect, it } from 'vitest';
import { html, trusted } from '../../src/site/html';

describe('html', () => {
  it('escapes interpolated text for element content and quoted attributes alike', () => {
    const name = `<img src=x onerror="alert('1')"> & co`;
    expect(html`<a title="${name}">${name}</a>`.value).toBe(
      '<a title="&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co">&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co</a>',
    );
  });

  it('inserts nested templates and trusted markup as they are, and joins lists', () => {
    const items = ['a<b', 'c'].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}</ul>${trusted('<p>sanitized</p>')}`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul><p>sanitized</p>');
  });

  it('prints nothing for false, null and undefined, and numbers as written', () => {
    const none: string | undefined = undefined;
    expect(html`[${false}${null}${none}${0}${2.5}]`.value).toBe('[02.5]');
  });

  it('converts to its markup as a string', () => {
    expect(`${html`<b>${'x'}</b>`}`).toBe('<b>x</b>');
  });
});
