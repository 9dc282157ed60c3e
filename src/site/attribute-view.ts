/**
 * How an attribute value is shown: the typed rendering rules of the overview tab, decided once
 * here so components only switch on `kind`.
 */
export type AttributeView =
  | { kind: 'empty' }
  | { kind: 'url'; url: string }
  | { kind: 'record'; id: string }
  | { kind: 'date'; text: string; iso: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'number'; value: number }
  | { kind: 'text'; text: string; long: boolean }
  | { kind: 'markdown'; text: string; long: boolean }
  | { kind: 'list'; items: unknown[] }
  | { kind: 'map'; entries: [string, unknown][] };

const URL_RE = /^https?:\/\/[^\s<>"]+$/i;
const DATE_RE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const MARKDOWN_RE = /(^|\n)\s*([-*+]\s|\d+\.\s|#{1,6}\s|```|>\s)|\*\*|`[^`]+`|\[[^\]]+\]\([^)]+\)|\n\s*\n/;
/** Texts longer than this fold behind "show more". */
export const LONG_TEXT = 600;

/**
 * `isRecord` says whether a string is the id of an existing record: only then is it linked.
 * URLs are checked first, so a URL is never taken for a record id.
 */
export function viewAttribute(value: unknown, isRecord: (s: string) => boolean, declaredType?: string): AttributeView {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (typeof value === 'number') return { kind: 'number', value };
  if (Array.isArray(value)) return { kind: 'list', items: value };
  if (typeof value === 'object') return { kind: 'map', entries: Object.entries(value as Record<string, unknown>) };
  const text = String(value);
  if (URL_RE.test(text)) return { kind: 'url', url: text };
  if (DATE_RE.test(text)) return { kind: 'date', text: text.length === 10 ? text : text.replace('T', ' '), iso: text };
  if (!/\s/.test(text) && isRecord(text)) return { kind: 'record', id: text };
  const long = text.length > LONG_TEXT;
  if (declaredType === 'markdown' || MARKDOWN_RE.test(text)) return { kind: 'markdown', text, long };
  return { kind: 'text', text, long };
}

/**
 * The opening of a long text, cut at a word boundary, for folds and teasers. Markdown loses its
 * markers (`**`, `#`, link targets), so the teaser reads as prose.
 */
export function previewText(text: string, markdown: boolean, length = 280): string {
  const plain = markdown
    ? text
        .replace(/```[\s\S]*?```/g, ' ')
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
        .replace(/[*`~]+/g, '')
        .replace(/(^|\s)_+|_+(?=\s|$)/g, '$1')
    : text;
  const flat = plain.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length).replace(/\s+\S*$/, '')}…`;
}

/** Attribute names shown as words: `typicalCadence` -> "typical cadence". */
export function humanize(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
}
