/**
 * A link checker over a built site: every internal `href`/`src` of every `.html` file must lead to
 * a file in the output, and nothing the site loads (scripts, stylesheets, images, CSS `url()`,
 * module imports) may come from another host.
 *
 *   const report = checkLinks('dist', '/atlas/', { site: 'https://atlas.example.org' });
 *   expect(report.broken, formatLinkReport(report)).toEqual([]);
 *
 * It reads files only (no server), resolving links the way a static host does: a path ending in
 * `/` (or naming a folder) serves that folder's `index.html`; query and hash are ignored.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface BrokenLink {
  /** The page the link is on, relative to the output folder (e.g. `n/x/y/index.html`). */
  page: string;
  /** The attribute value as written (entities decoded). */
  href: string;
  /** Where it was looked for, relative to the output folder, or why it cannot resolve. */
  reason: string;
}

export interface ExternalReference {
  /** The file that loads it, relative to the output folder. */
  file: string;
  /** How it is loaded: `script`, `link[rel=stylesheet]`, `img`, `css url()`, `import`, … */
  via: string;
  url: string;
}

export interface LinkReport {
  /** HTML files read. */
  pages: number;
  /** Internal links checked (one per occurrence). */
  checked: number;
  broken: BrokenLink[];
  external: ExternalReference[];
}

export interface CheckOptions {
  /** The site's absolute origin (ATLAS_SITE): absolute links to it count as internal. */
  site?: string;
}

/** Attributes holding a URL that the browser follows or fetches. `data-src`: the listings' JSON. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'poster', 'data-src']);
/** Elements whose `src` is loaded with the page. */
const LOADED_SRC = new Set(['script', 'img', 'iframe', 'source', 'audio', 'video', 'embed', 'track', 'input']);
/** `<link rel>` values that are references, not resources the page loads. */
const NAVIGATIONAL_RELS = new Set(['canonical', 'alternate', 'author', 'help', 'license', 'next', 'prev', 'search', 'me', 'bookmark']);
/** Elements whose content is raw text, not markup (a `href=` inside is not a link). */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes']);

const INTERNAL_ORIGIN = 'http://internal.invalid';

export interface Tag {
  name: string;
  attrs: Map<string, string>;
  /** Text content for raw-text elements (`<style>`, `<script>`), else empty. */
  text: string;
}

/** The start tags of an HTML document, with decoded attribute values (a small tokenizer, not a DOM). */
export function scanTags(html: string): Tag[] {
  const tags: Tag[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const m = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(lt, lt + 64));
    if (!m) {
      i = lt + 1;
      continue;
    }
    const name = m[1]!.toLowerCase();
    const { attrs, end } = readAttributes(html, lt + m[0].length);
    i = end;
    let text = '';
    if (RAW_TEXT.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      const stop = close < 0 ? html.length : close;
      text = html.slice(i, stop);
      i = stop;
    }
    tags.push({ name, attrs, text });
  }
  return tags;
}

function readAttributes(html: string, from: number): { attrs: Map<string, string>; end: number } {
  const attrs = new Map<string, string>();
  const re = /\s*(?:(\/?>)|([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?|\/)/y;
  re.lastIndex = from;
  while (re.lastIndex < html.length) {
    const start = re.lastIndex;
    const m = re.exec(html);
    if (!m) return { attrs, end: start + 1 };
    if (m[1]) return { attrs, end: re.lastIndex };
    if (m[2]) {
      const key = m[2].toLowerCase();
      if (!attrs.has(key)) attrs.set(key, decodeEntities(m[3] ?? m[4] ?? m[5] ?? ''));
    }
  }
  return { attrs, end: html.length };
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/** The URL path a built file is served at: `a/b/index.html` -> `<base>a/b/`. */
export function pageUrlPath(relFile: string, base: string): string {
  const posix = relFile.split(path.sep).join('/');
  if (posix === 'index.html') return base;
  if (posix.endsWith('/index.html')) return `${base}${posix.slice(0, -'index.html'.length)}`;
  return `${base}${posix}`;
}

/** CSS `url(...)` and `@import "..."` references. */
export function cssUrls(css: string): string[] {
  const out: string[] = [];
  for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  for (const m of css.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/gi)) out.push(m[1] ?? m[2] ?? '');
  return out.filter(Boolean);
}

/** Module specifiers in built JavaScript that name another host (`import "https://…"`, `import("//…")`). */
export function remoteImports(js: string): string[] {
  const out: string[] = [];
  for (const m of js.matchAll(/(?:\bimport\s*\(?|\bfrom)\s*(["'`])((?:https?:)?\/\/[^"'`]+)\1/g)) out.push(m[2]!);
  return out;
}

/**
 * Checks every internal link of every `.html` file under `distDir` (served under `base`, e.g.
 * `/` or `/atlas/`) and lists resources loaded from other hosts in HTML, CSS and JS.
 */
export function checkLinks(distDir: string, base = '/', options: CheckOptions = {}): LinkReport {
  const root = path.resolve(distDir);
  const normBase = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const siteOrigin = options.site ? new URL(options.site).origin : undefined;
  const files = walk(root);
  const report: LinkReport = { pages: 0, checked: 0, broken: [], external: [] };
  const existsCache = new Map<string, boolean>();
  const exists = (abs: string): boolean => {
    let hit = existsCache.get(abs);
    if (hit === undefined) {
      hit = fs.existsSync(abs) && fs.statSync(abs).isFile();
      existsCache.set(abs, hit);
    }
    return hit;
  };

  /** Resolves `raw` found in `relFile` (served at `pageUrl`); null = not ours to check. */
  const checkInternal = (relFile: string, pageUrl: string, raw: string): void => {
    const value = raw.trim();
    if (!value || value.startsWith('#')) return;
    const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(value)?.[1]?.toLowerCase();
    if (scheme && scheme !== 'http' && scheme !== 'https') return; // mailto:, data:, tel:, javascript:, blob:
    let url: URL;
    try {
      url = new URL(value, INTERNAL_ORIGIN + pageUrl);
    } catch {
      report.broken.push({ page: relFile, href: raw, reason: 'not a valid URL' });
      return;
    }
    if (url.origin !== INTERNAL_ORIGIN && url.origin !== siteOrigin) return; // another host: a plain outbound link
    report.checked++;
    if (relFile === '404.html' && !value.startsWith('/') && url.origin === INTERNAL_ORIGIN) {
      // The 404 page is served at any address, so a relative link on it resolves differently everywhere.
      report.broken.push({ page: relFile, href: raw, reason: 'relative link on the 404 page' });
      return;
    }
    if (!url.pathname.startsWith(normBase) && `${url.pathname}/` !== normBase) {
      report.broken.push({ page: relFile, href: raw, reason: `outside the base ${normBase} (${url.pathname})` });
      return;
    }
    let rel: string;
    try {
      rel = url.pathname
        .slice(normBase.length)
        .split('/')
        .map((s) => decodeURIComponent(s))
        .join('/');
    } catch {
      report.broken.push({ page: relFile, href: raw, reason: `malformed percent-encoding in ${url.pathname}` });
      return;
    }
    const target = path.join(root, rel);
    if (target !== root && !target.startsWith(root + path.sep)) {
      report.broken.push({ page: relFile, href: raw, reason: `escapes the output folder (${rel})` });
      return;
    }
    const candidates = rel === '' || rel.endsWith('/') ? [path.join(target, 'index.html')] : [target, path.join(target, 'index.html')];
    if (!candidates.some(exists)) report.broken.push({ page: relFile, href: raw, reason: `no file ${path.relative(root, candidates[0]!)}` });
  };

  const noteExternal = (file: string, via: string, raw: string, pageUrl: string): void => {
    const value = raw.trim();
    if (!value) return;
    let url: URL;
    try {
      url = new URL(value, INTERNAL_ORIGIN + pageUrl);
    } catch {
      return;
    }
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== INTERNAL_ORIGIN && url.origin !== siteOrigin) {
      report.external.push({ file, via, url: value });
    }
  };

  for (const abs of files) {
    const rel = path.relative(root, abs);
    const relPosix = rel.split(path.sep).join('/');
    if (abs.endsWith('.html')) {
      report.pages++;
      const pageUrl = pageUrlPath(rel, normBase);
      for (const tag of scanTags(fs.readFileSync(abs, 'utf8'))) {
        for (const [name, value] of tag.attrs) {
          if (URL_ATTRIBUTES.has(name)) checkInternal(relPosix, pageUrl, value);
        }
        const src = tag.attrs.get('src');
        if (src !== undefined && LOADED_SRC.has(tag.name)) noteExternal(relPosix, tag.name, src, pageUrl);
        const linkHref = tag.attrs.get('href');
        if (tag.name === 'link' && linkHref !== undefined) {
          const rels = (tag.attrs.get('rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
          if (!rels.length || rels.some((r) => !NAVIGATIONAL_RELS.has(r))) noteExternal(relPosix, `link[rel=${rels.join(' ')}]`, linkHref, pageUrl);
        }
        if (tag.name === 'style') for (const u of cssUrls(tag.text)) noteExternal(relPosix, '<style> url()', u, pageUrl);
        if (tag.name === 'script' && !tag.attrs.has('src')) for (const u of remoteImports(tag.text)) report.external.push({ file: relPosix, via: 'inline import', url: u });
        const style = tag.attrs.get('style');
        if (style) for (const u of cssUrls(style)) noteExternal(relPosix, 'style="" url()', u, pageUrl);
      }
    } else if (abs.endsWith('.css')) {
      const cssUrl = pageUrlPath(rel, normBase);
      for (const u of cssUrls(fs.readFileSync(abs, 'utf8'))) {
        noteExternal(relPosix, 'css url()', u, cssUrl);
        if (!/^(data|blob):/i.test(u) && !u.startsWith('#')) checkInternal(relPosix, cssUrl, u);
      }
    } else if (abs.endsWith('.js') || abs.endsWith('.mjs')) {
      for (const u of remoteImports(fs.readFileSync(abs, 'utf8'))) report.external.push({ file: relPosix, via: 'import', url: u });
    }
  }
  return report;
}

/**
 * A readable summary for assertion messages: broken links grouped by target (a footer link broken
 * on every page is one line, with a count and a few of the pages), then external references.
 */
export function formatLinkReport(report: LinkReport, limit = 30): string {
  const lines = [`${report.pages} pages, ${report.checked} internal links checked, ${report.broken.length} broken, ${report.external.length} loaded from other hosts`];
  const groups = new Map<string, BrokenLink[]>();
  for (const b of report.broken) {
    const key = `${b.href}  (${b.reason})`;
    const list = groups.get(key);
    if (list) list.push(b);
    else groups.set(key, [b]);
  }
  const sorted = [...groups.entries()].sort((x, y) => y[1].length - x[1].length);
  for (const [key, list] of sorted.slice(0, limit)) {
    const pages = list.slice(0, 3).map((b) => b.page).join(', ');
    lines.push(`  broken  ${key}  on ${list.length} page(s): ${pages}${list.length > 3 ? ', …' : ''}`);
  }
  if (sorted.length > limit) lines.push(`  … and ${sorted.length - limit} more broken targets`);
  for (const e of report.external.slice(0, limit)) lines.push(`  external  ${e.file}: ${e.via} ${e.url}`);
  if (report.external.length > limit) lines.push(`  … and ${report.external.length - limit} more external`);
  return lines.join('\n');
}
