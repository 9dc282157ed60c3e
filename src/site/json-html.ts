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

/** Calls `emit` for each run of the JSON text, in order, with its class (none for punctuation and whitespace). */
function scanJson(json: string, emit: (text: string, cls?: JsonToken['cls']) => void): void {
  let last = 0;
  for (const m of json.matchAll(TOKEN)) {
    if (m.index > last) emit(json.slice(last, m.index));
    if (m[1] !== undefined) {
      emit(m[1], m[2] !== undefined ? 'j-k' : 'j-s');
      if (m[2]) emit(m[2]);
    } else if (m[3] !== undefined) emit(m[3], 'j-l');
    else emit(m[4]!, 'j-n');
    last = m.index + m[0].length;
  }
  if (last < json.length) emit(json.slice(last));
}

export function tokenizeJson(json: string): JsonToken[] {
  const out: JsonToken[] = [];
  scanJson(json, (text, cls) => out.push(cls ? { text, cls } : { text }));
  return out;
}

/** Markup for the JSON tab, written as the text is scanned (every record page does this; no token list in between). */
export function highlightJson(json: string): string {
  let out = '';
  scanJson(json, (text, cls) => (out += cls ? `<span class="${cls}">${escapeText(text)}</span>` : escapeText(text)));
  return out;
}
