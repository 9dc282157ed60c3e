/**
 * Links inside wiki Markdown: relative `.md` links between pages, `[[record-id]]` and
 * `[text](atlas:record-id)`. The link checker and the renderer both use these helpers, so what
 * is reported as broken is exactly what is rendered as broken.
 */

export interface WikiLink {
  type: 'page' | 'record';
  /** For `page`: the href as written (path plus optional `#anchor`); for `record`: the id. */
  target: string;
  /** 1-based line and column within the Markdown body. */
  line: number;
  column: number;
}

/** `[[id]]` or `[[id|label]]`. */
export const RECORD_LINK = /\[\[([^\]|\n]+?)(?:\|([^\]\n]*))?\]\]/g;
const MD_LINK = /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

/** Finds links outside code spans and fenced code blocks. */
export function findWikiLinks(markdown: string): WikiLink[] {
  const out: WikiLink[] = [];
  const lines = markdown.split('\n');
  let fence: string | null = null;
  lines.forEach((raw, i) => {
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(raw);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === null) fence = marker[0]!.repeat(marker.length);
      else if (marker.startsWith(fence)) fence = null;
      return;
    }
    if (fence !== null) return;
    const line = blankCodeSpans(raw);
    for (const m of line.matchAll(RECORD_LINK)) {
      out.push({ type: 'record', target: m[1]!.trim(), line: i + 1, column: m.index + 1 });
    }
    for (const m of line.matchAll(MD_LINK)) {
      const href = m[1]!;
      const column = m.index + 3;
      if (href.startsWith('atlas:')) out.push({ type: 'record', target: decodeSafe(href.slice('atlas:'.length)), line: i + 1, column });
      else if (isRelativeMarkdown(href)) out.push({ type: 'page', target: href, line: i + 1, column });
    }
  });
  return out;
}

/** Replaces `code spans` with spaces so their content is not read as links (columns stay put). */
function blankCodeSpans(line: string): string {
  return line.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (m) => ' '.repeat(m.length));
}

/** True for `other.md`, `../x/y.md#part`: relative links to Markdown files. */
export function isRelativeMarkdown(href: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/') || href.startsWith('#')) return false;
  return /\.md(#.*)?$/i.test(href);
}

/**
 * The atlas-root-relative file a relative `.md` link points to (`wiki/…/x.md`), or null when the
 * href is not a relative Markdown link or climbs out of the atlas.
 */
export function resolveWikiPath(fromFile: string, href: string): string | null {
  if (!isRelativeMarkdown(href)) return null;
  const path = decodeSafe(href.replace(/#.*$/, ''));
  const parts = fromFile.split('/').slice(0, -1);
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
