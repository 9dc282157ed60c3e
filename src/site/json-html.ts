/**
 * Highlighted JSON for the JSON tab. The payload is our own `JSON.stringify` output, so a
 * tokenizer for that exact shape is enough; it emits short class names (styled by the theme's
 * CSS) instead of a general highlighter's inline colours, which would triple a page's weight.
 */
import { escapeHtml } from './markdown';

const TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

export function highlightJson(json: string): string {
  let out = '';
  let last = 0;
  for (const m of json.matchAll(TOKEN)) {
    out += escapeHtml(json.slice(last, m.index));
    if (m[1] !== undefined) {
      const cls = m[2] !== undefined ? 'j-k' : 'j-s';
      out += `<span class="${cls}">${escapeHtml(m[1])}</span>${m[2] ? escapeHtml(m[2]) : ''}`;
    } else if (m[3] !== undefined) out += `<span class="j-l">${m[3]}</span>`;
    else out += `<span class="j-n">${m[4]}</span>`;
    last = m.index + m[0].length;
  }
  return out + escapeHtml(json.slice(last));
}
