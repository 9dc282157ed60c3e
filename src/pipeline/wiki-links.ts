/**
 * Links inside wiki Markdown: relative `.md` links between pages, `[[record-id]]` and
 * `[text](atlas:record-id)`. The link checker and the renderer both use these helpers, so what
 * is reported as broken is exactly what is rendered as broken.
 */
import { decodeSafe } from './record-path';

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
/** A reference definition, `[label]: href` (not a footnote `[^1]: …`). */
const DEFINITION = /^( {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*)<?([^\s>]+)>?/;

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
    const hrefs = [...line.matchAll(MD_LINK)].map((m) => ({ href: m[1]!, column: m.index + 3 }));
    const def = DEFINITION.exec(line);
    if (def) hrefs.push({ href: def[2]!, column: def[1]!.length + 1 });
    for (const { href, column } of hrefs) {
      if (href.startsWith('atlas:')) out.push({ type: 'record', target: decodeSafe(href.slice('atlas:'.length)), line: i + 1, column });
      else if (isRelativeMarkdown(href)) out.push({ type: 'page', target: href, line: i + 1, column });
    }
  });
  return out;
}

/** Where a link goes, or why it goes nowhere. */
export type LinkResolution =
  | { ok: true; type: 'page'; file: string; anchor: string }
  | { ok: true; type: 'record'; id: string }
  | { ok: false; message: string };

/**
 * Resolves one link of the page in `fromFile`. The checker reports exactly the links this calls
 * broken, and the renderer draws exactly those as broken.
 */
export function resolveWikiLink(
  link: Pick<WikiLink, 'type' | 'target'>,
  fromFile: string,
  pageFiles: { has(file: string): boolean },
  records: { has(id: string): boolean },
): LinkResolution {
  if (link.type === 'record') {
    return records.has(link.target) ? { ok: true, type: 'record', id: link.target } : { ok: false, message: `Link to record \`${link.target}\`, which does not exist.` };
  }
  const file = resolveWikiPath(fromFile, link.target);
  if (file === null) return { ok: false, message: `Link to \`${link.target}\`, which points outside the atlas folder.` };
  if (!pageFiles.has(file)) return { ok: false, message: `Link to \`${link.target}\`, but there is no wiki page ${file}.` };
  const hash = link.target.indexOf('#');
  return { ok: true, type: 'page', file, anchor: hash >= 0 ? link.target.slice(hash) : '' };
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

