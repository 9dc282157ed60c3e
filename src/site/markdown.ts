/**
 * Markdown to safe HTML, for record descriptions and wiki articles: Astro's own Markdown
 * processor (remark + GFM), sanitized with rehype-sanitize *before* Shiki highlights code, so
 * highlighting survives and nothing from the atlas can inject markup or script.
 *
 * Links are resolved on the Markdown tree, before sanitizing (so the sanitizer still vets every
 * href we write): `[[id]]` and `atlas:` links go to record pages with the record's name,
 * relative `.md` links of a wiki page go to the target page's wiki URL, and links that point
 * nowhere become visibly broken text. Which links are broken is decided by `resolveWikiLink`,
 * the same function the pipeline's `broken-wiki-link` check uses.
 */
import { createMarkdownProcessor, rehypeShiki, type MarkdownProcessor } from '@astrojs/markdown-remark';
import type { Element, ElementContent, Root } from 'hast';
import type { Link, PhrasingContent, Root as MdRoot, Text } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import type { Processor } from 'unified';
import { visit, SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { displayName, type Atlas } from '../pipeline/model';
import { processWide } from '../pipeline/process-wide';
import { decodeSafe } from '../pipeline/record-path';
import { isRelativeMarkdown, RECORD_LINK, resolveWikiLink, type LinkResolution } from '../pipeline/wiki-links';
import { getAtlas } from './atlas-data';
import { siteConfig } from './config';
import { escapeHtml } from './escape-html';
import { recordHref } from './urls';
import { entryHref, wikiIndex } from './wiki';

export interface RenderedMarkdown {
  html: string;
  headings: { depth: number; slug: string; text: string }[];
  /** True when the HTML holds a mermaid diagram (the page then loads the diagram script). */
  hasDiagram: boolean;
}

export interface MarkdownOptions {
  /** File of the wiki page whose body this is (`wiki/…/x.md`): relative `.md` links resolve from it. */
  file?: string;
  /** Article presentation: heading anchors, copy buttons on code blocks, diagrams in <mermaid-diagram>. */
  article?: boolean;
}

type AttributeRule = NonNullable<NonNullable<typeof defaultSchema.attributes>[string]>[number];

/** The default rules for `tag` with more allowed class names (the sanitizer reads only one className rule per tag). */
function withClasses(tag: string, extra: string[]): AttributeRule[] {
  const rules = defaultSchema.attributes?.[tag] ?? [];
  const isClassRule = (r: AttributeRule) => Array.isArray(r) && r[0] === 'className';
  const current = rules.filter(isClassRule).flatMap((r) => (r as unknown[]).slice(1) as string[]);
  return [...rules.filter((r) => !isClassRule(r)), ['className', ...current, ...extra]];
}

const CLOBBER_PREFIX = 'user-content-';

/** Footnote ids come prefixed from remark-rehype and get prefixed again by the sanitizer. */
function rehypeSingleClobberPrefix() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const id = node.properties?.id;
      if (typeof id === 'string' && id.startsWith(CLOBBER_PREFIX + CLOBBER_PREFIX)) node.properties.id = id.slice(CLOBBER_PREFIX.length);
    });
  };
}

/**
 * Images become links: the site loads nothing from other hosts, and a relative image in an atlas
 * file has nothing to point at on the web. The reader still sees the alt text and can follow it.
 */
function rehypeImagesAsLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'img') return;
      const src = typeof node.properties?.src === 'string' ? node.properties.src : '';
      const alt = typeof node.properties?.alt === 'string' && node.properties.alt.trim() ? node.properties.alt.trim() : 'image';
      const external = /^https?:\/\//i.test(src);
      node.tagName = external ? 'a' : 'span';
      node.properties = external ? { href: src, title: 'Image (opens the original)' } : { title: src ? `Image not published: ${src}` : 'Image' };
      node.children = [{ type: 'text', value: `[image: ${alt}]` }];
    });
  };
}

/** Allows what GFM produces (task-list checkboxes, footnotes, code language classes), nothing more. */
const sanitizeSchema = {
  ...defaultSchema,
  // Ids from raw HTML get a prefix so an article cannot clobber the page's own ids (the JSON
  // panel, the tabs). Footnote ids already carry it; rehypeSingleClobberPrefix removes the double.
  clobberPrefix: CLOBBER_PREFIX,
  attributes: {
    ...defaultSchema.attributes,
    code: [...(defaultSchema.attributes?.code ?? []), ['className', /^language-./]],
    a: withClasses('a', ['record-link', 'wiki-link']).concat('title'),
    span: withClasses('span', ['broken-link']).concat('title'),
  },
};

interface LinkContext {
  atlas: Atlas;
  file?: string;
  article: boolean;
}

function contextOf(file: VFile): LinkContext {
  return (file.data as { astro?: { frontmatter?: { atlasLinks?: LinkContext } } }).astro!.frontmatter!.atlasLinks!;
}

type Resolved = LinkResolution | { ok: true; type: 'other'; href: string } | null;

/** Resolves one href as written; null leaves it alone (external links, anchors, other files). */
function resolveHref(url: string, ctx: LinkContext): Resolved {
  if (url.startsWith('atlas:')) {
    return resolveWikiLink({ type: 'record', target: decodeSafe(url.slice('atlas:'.length)) }, ctx.file ?? '', wikiIndex(ctx.atlas).byFile, ctx.atlas.records);
  }
  if (ctx.file !== undefined && isRelativeMarkdown(url)) return resolveWikiLink({ type: 'page', target: url }, ctx.file, wikiIndex(ctx.atlas).byFile, ctx.atlas.records);
  // Site-absolute links (`/search`) are written for a site at the root; keep them working under ATLAS_BASE.
  if (url.startsWith('/') && !url.startsWith('//') && siteConfig.base !== '/' && !url.startsWith(siteConfig.base)) {
    return { ok: true, type: 'other', href: `${siteConfig.base}${url.slice(1)}` };
  }
  return null;
}

/** A record id's URL: a wiki page's article when it is one, else its record page. */
function recordUrl(id: string, ctx: LinkContext): { href: string; className: string } {
  const entry = wikiIndex(ctx.atlas).byId.get(id);
  return entry ? { href: entryHref(entry), className: 'wiki-link' } : { href: recordHref(id), className: 'record-link' };
}

type HData = { hName?: string; hProperties?: Record<string, unknown>; hChildren?: ElementContent[] };

/** Makes a link node point at what `r` resolved to, or turns it into visibly broken text. */
function applyResolution(node: { url?: string; data?: unknown }, r: Exclude<Resolved, null>, ctx: LinkContext): void {
  const data = (node.data ??= {}) as HData;
  if (!r.ok) {
    data.hName = 'span';
    data.hProperties = { className: ['broken-link'], title: r.message };
    return;
  }
  if (r.type === 'other') node.url = r.href;
  else if (r.type === 'record') {
    const target = recordUrl(r.id, ctx);
    node.url = target.href;
    data.hProperties = { className: [target.className] };
  } else {
    node.url = entryHref(wikiIndex(ctx.atlas).byFile.get(r.file)!) + r.anchor;
    data.hProperties = { className: ['wiki-link'] };
  }
}

/** The remark side: `[[id]]` into links, and every link resolved (see the file comment). */
function remarkAtlasLinks() {
  return (tree: MdRoot, file: VFile) => {
    const ctx = contextOf(file);
    const definitions = new Map<string, Exclude<Resolved, null>>();
    visit(tree, 'definition', (node) => {
      const r = resolveHref(node.url, ctx);
      if (!r) return;
      if (r.ok) applyResolution(node, r, ctx);
      definitions.set(node.identifier, r);
    });
    visit(tree, (node, index, parent) => {
      if (node.type === 'link') {
        const r = resolveHref(node.url, ctx);
        if (r) applyResolution(node, r, ctx);
        return SKIP;
      }
      if (node.type === 'linkReference') {
        const r = definitions.get(node.identifier);
        if (r) {
          // The reference takes its href from the definition (already rewritten); carry the class or the breakage.
          const data = (node.data ??= {}) as HData;
          if (!r.ok) Object.assign(data, { hName: 'span', hProperties: { className: ['broken-link'], title: r.message, href: undefined } });
          else if (r.type === 'record') data.hProperties = { className: [recordUrl(r.id, ctx).className] };
          else if (r.type === 'page') data.hProperties = { className: ['wiki-link'] };
        }
        return SKIP;
      }
      if (node.type !== 'text' || !parent || index === undefined || !node.value.includes('[[')) return;
      const parts = splitRecordLinks(node, ctx);
      if (!parts) return;
      parent.children.splice(index, 1, ...(parts as typeof parent.children));
      return index + parts.length;
    });
  };
}

/** `text [[id]] text` into text and link nodes; null when there is nothing to split. */
function splitRecordLinks(node: Text, ctx: LinkContext): PhrasingContent[] | null {
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const m of node.value.matchAll(new RegExp(RECORD_LINK.source, 'g'))) {
    const id = m[1]!.trim();
    const label = m[2]?.trim();
    if (m.index > last) out.push({ type: 'text', value: node.value.slice(last, m.index) });
    const record = ctx.atlas.records.get(id);
    const link: Link = { type: 'link', url: `atlas:${id}`, children: [{ type: 'text', value: label || (record ? displayName(record) : id) }] };
    applyResolution(link, resolveWikiLink({ type: 'record', target: id }, ctx.file ?? '', wikiIndex(ctx.atlas).byFile, ctx.atlas.records), ctx);
    out.push(link);
    last = m.index + m[0].length;
  }
  if (out.length === 0) return null;
  if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
  return out;
}

/** Shiki with both themes as CSS variables (the stylesheet picks one); mermaid is left for the browser. */
function rehypeHighlight(this: Processor) {
  return (rehypeShiki as unknown as (this: Processor, ...args: unknown[]) => unknown).call(
    this,
    { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false, wrap: true },
    ['mermaid'],
  ) as (tree: Root) => void;
}

/**
 * Code blocks after highlighting: mermaid sources become `<pre class="mermaid">` (inside
 * `<mermaid-diagram>` for articles, which renders them in the browser); in articles every other
 * block gets an id and a copy button (the site's <copy-button>, hidden until its script runs).
 */
function rehypeCodeBlocks() {
  return (tree: Root, file: VFile) => {
    const ctx = contextOf(file);
    let n = 0;
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'pre' || !parent || index === undefined) return;
      const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
      const classes = code?.properties?.className;
      if (code && Array.isArray(classes) && classes.includes('language-mermaid')) {
        const pre: Element = { type: 'element', tagName: 'pre', properties: { className: ['mermaid'] }, children: [{ type: 'text', value: textOf(code).replace(/\n$/, '') }] };
        (file.data as { diagram?: boolean }).diagram = true;
        parent.children[index] = ctx.article ? { type: 'element', tagName: 'mermaid-diagram', properties: {}, children: [pre] } : pre;
        return SKIP;
      }
      if (!ctx.article) return SKIP;
      const id = `code-block-${++n}`;
      node.properties = { ...node.properties, id };
      parent.children[index] = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['code-block'] },
        children: [node, copyButton(id)],
      };
      return SKIP;
    });
  };
}

/** The markup of CopyButton.astro, for code blocks rendered outside Astro components. */
function copyButton(target: string): Element {
  const el = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({ type: 'element', tagName, properties, children });
  const icon = el('svg', { ariaHidden: 'true', width: '15', height: '15', viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: '2' }, [
    el('rect', { x: '9', y: '9', width: '12', height: '12', rx: '2' }),
    el('path', { d: 'M5 15V5a2 2 0 0 1 2-2h10' }),
  ]);
  return el('copy-button', { dataTarget: target }, [
    el('button', { type: 'button', hidden: true, ariaLabel: 'Copy code' }, [icon, el('span', { className: ['label'] }, [{ type: 'text', value: 'Copy' }])]),
    el('span', { className: ['copy-status'], role: 'status', ariaLive: 'polite' }),
  ]);
}

function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

const processors = new Map<boolean, Promise<MarkdownProcessor>>();

/**
 * Raw HTML is parsed (rehype-raw) and then sanitized like everything else: `<details>` or `<br>`
 * keep working, `<script>` and `onerror` are removed, the surrounding text stays. Re-parsing a
 * tree through parse5 is the costliest step, so text without any tag skips it.
 */
function getProcessor(withHtml: boolean): Promise<MarkdownProcessor> {
  let p = processors.get(withHtml);
  if (!p) {
    p = createMarkdownProcessor({
      syntaxHighlight: false,
      smartypants: false,
      remarkPlugins: [remarkAtlasLinks],
      remarkRehype: { allowDangerousHtml: withHtml },
      rehypePlugins: [
        ...(withHtml ? [rehypeRaw] : []),
        rehypeImagesAsLinks,
        [rehypeSanitize, sanitizeSchema],
        rehypeSingleClobberPrefix,
        rehypeHighlight,
        rehypeCodeBlocks,
      ],
    });
    processors.set(withHtml, p);
  }
  return p;
}

/** Whether Markdown may hold raw HTML (a tag, a comment or a declaration). */
const HAS_HTML = /<[A-Za-z!/?]/;

/**
 * Rendered Markdown per atlas, shared by every copy of this module in the process: the build
 * script renders records' Markdown for the search index before Astro starts, and Astro's bundled
 * copy of this file then finds it here instead of rendering it again.
 */
const caches = processWide('markdown-cache', () => new WeakMap<Atlas, Map<string, Promise<RenderedMarkdown>>>());

/**
 * Renders Markdown (cached per atlas, text and options). Text whose only syntax is paragraphs and
 * inline code skips the parser (see `simpleMarkdownHtml`), with the same result.
 */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): Promise<RenderedMarkdown> {
  const atlas = getAtlas();
  let cache = caches.get(atlas);
  if (!cache) caches.set(atlas, (cache = new Map()));
  const key = `${options.article ? 'a' : 'p'}\u0000${options.file ?? ''}\u0000${source}`;
  let hit = cache.get(key);
  if (!hit) {
    const html = simpleMarkdownHtml(source);
    hit = html !== null ? Promise.resolve({ html, headings: [], hasDiagram: false }) : parseMarkdown(source, options);
    cache.set(key, hit);
  }
  return hit;
}

/** Renders Markdown through the full processor, uncached; `renderMarkdown` is what pages use. */
export async function parseMarkdown(source: string, options: MarkdownOptions = {}): Promise<RenderedMarkdown> {
  const ctx: LinkContext = { atlas: getAtlas(), file: options.file, article: options.article ?? false };
  const processor = await getProcessor(HAS_HTML.test(source));
  const out = await processor.render(source, { frontmatter: { atlasLinks: ctx } });
  return {
    html: ctx.article ? addHeadingAnchors(out.code) : out.code,
    // The footnotes' heading is for screen readers, not the table of contents.
    headings: out.metadata.headings.filter((h) => h.slug !== 'footnote-label'),
    hasDiagram: out.code.includes('<pre class="mermaid">'),
  };
}

/** A "#" link after each section heading's text, so any section can be linked to. */
function addHeadingAnchors(html: string): string {
  return html.replace(/(<h([2-4]) id="([^"]+)">)([\s\S]*?)(<\/h\2>)/g, (_m, open: string, _d: string, id: string, inner: string, close: string) =>
    id === 'footnote-label' ? _m : `${open}${inner}<a class="heading-anchor" href="#${id}" aria-label="Link to this section"></a>${close}`,
  );
}

/** Anything that makes Markdown more than paragraphs of text, outside inline code. */
const MARKDOWN_SYNTAX = /[*_`#[\]<>|~\\!&]|^\s*([-+]|\d+[.)])\s|^ {4}|^\t|^\s*(=+|-+)\s*$| {2,}\n|https?:|www\.|\w@\w/m;
/** Inline code with single backticks on one line: its content is literal, whatever it holds. */
const INLINE_CODE = /`([^`\n]+)`/g;

/**
 * The HTML the parser would give for prose whose only syntax is inline code, or null when the
 * text holds anything else. Most atlas texts are such prose (in a sample of the real atlas, 815
 * of 995), and writing them directly costs a sliver of what the parser does. `parseMarkdown` is
 * the reference the tests hold this to.
 */
export function simpleMarkdownHtml(source: string): string | null {
  if (MARKDOWN_SYNTAX.test(source.replace(INLINE_CODE, 'x'))) return null;
  const paragraphs = source
    .split(/\n\s*\n/)
    .map((para) => para.trim())
    .filter((para) => para !== '')
    .map((para) => {
      let html = '';
      let last = 0;
      for (const m of para.matchAll(INLINE_CODE)) {
        html += proseHtml(para.slice(last, m.index)) + `<code>${escapeHtml(codeSpanText(m[1]!))}</code>`;
        last = m.index + m[0].length;
      }
      return `<p>${html}${proseHtml(para.slice(last))}</p>`;
    });
  return paragraphs.join('\n');
}

/** Text between code spans: a line break inside a paragraph reads as a space. */
function proseHtml(text: string): string {
  return escapeHtml(text.replace(/\s*\n\s*/g, ' '));
}

/** CommonMark drops one space at each end of a code span that has both (and is not all spaces). */
function codeSpanText(code: string): string {
  return code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '' ? code.slice(1, -1) : code;
}
