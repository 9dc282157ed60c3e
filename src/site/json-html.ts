/**
 * Highlighted JSON for the JSON tab (server-rendered) and the workspace's draft view (DOM). The
 * payload is our own `JSON.stringify` output, so a tokenizer for that exact shape is enough; it
 * yields short class names styled by the theme's CSS instead of a general highlighter's inline
 * colours, which would triple a page's weight. Pure: the browser imports it too.
 */
import { escapeText } from './escape-html';

const TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

/** A run of JSON text and its class: `j-k` key, `j-s` string, `j-n` number, `j-l` literal, none for punctuation. */
export interface JsonToken {
  text: string;
  cls?: 'j-k' | 'j-s' | 'j-n' | 'j-l';
}

export function tokenizeJson(json: string): JsonToken[] {
  const out: JsonToken[] = [];
  let last = 0;
  for (const m of json.matchAll(TOKEN)) {
    if (m.index > last) out.push({ text: json.slice(last, m.index) });
    if (m[1] !== undefined) {
      out.push({ text: m[1], cls: m[2] !== undefined ? 'j-k' : 'j-s' });
      if (m[2]) out.push({ text: m[2] });
    } else if (m[3] !== undefined) out.push({ text: m[3], cls: 'j-l' });
    else out.push({ text: m[4]!, cls: 'j-n' });
    last = m.index + m[0].length;
  }
  if (last < json.length) out.push({ text: json.slice(last) });
  return out;
}

/** The same tokens as `tokenizeJson`, written straight into markup (every record page does this). */
export function highlightJson(json: string): string {
  let out = '';
  let last = 0;
  for (const m of json.matchAll(TOKEN)) {
    if (m.index > last) out += escapeText(json.slice(last, m.index));
    if (m[1] !== undefined) out += `<span class="${m[2] !== undefined ? 'j-k' : 'j-s'}">${escapeText(m[1])}</span>${m[2] ?? ''}`;
    else if (m[3] !== undefined) out += `<span class="j-l">${m[3]}</span>`;
    else out += `<span class="j-n">${m[4]}</span>`;
    last = m.index + m[0].length;
  }
  return last < json.length ? out + escapeText(json.slice(last)) : out;
}
