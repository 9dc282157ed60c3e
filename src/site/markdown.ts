/**
 * Markdown to safe HTML, for record descriptions and wiki articles: Astro's own Markdown
 * processor (remark + GFM), sanitized with rehype-sanitize *before* Shiki highlights code, so
 * highlighting survives and nothing from the atlas can inject markup or script.
 */
import { createMarkdownProcessor, rehypeShiki, type MarkdownProcessor } from '@astrojs/markdown-remark';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import type { Root, Element } from 'hast';
import type { Processor } from 'unified';
import { visit } from 'unist-util-visit';
import { getAtlas } from './atlas-data';
import { recordHref } from './urls';

export interface RenderedMarkdown {
  html: string;
  headings: { depth: number; slug: string; text: string }[];
}

/** Allows what GFM produces (task-list checkboxes, footnotes, code language classes), nothing more. */
const sanitizeSchema = {
  ...defaultSchema,
  // Keep footnote ids stable and readable; heading ids are added after sanitizing.
  clobberPrefix: 'fn-',
  attributes: {
    ...defaultSchema.attributes,
    code: [...(defaultSchema.attributes?.code ?? []), ['className', /^language-./]],
    a: [...(defaultSchema.attributes?.a ?? []), ['className', 'record-link', 'broken-link', 'wiki-link'], 'title', 'dataBroken'],
    span: [...(defaultSchema.attributes?.span ?? []), ['className', 'broken-link']],
  },
};

/**
 * Rewrites `atlas:<id>` links to record pages and marks links to ids that do not exist, so a
 * broken link is visible, never silently dead.
 */
function rehypeRecordLinks() {
  return (tree: Root) => {
    const records = getAtlas().records;
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'a') return;
      const target = node.properties?.href;
      if (typeof target !== 'string' || !target.startsWith('atlas:')) return;
      const id = decodeURIComponent(target.slice('atlas:'.length));
      if (records.has(id)) {
        node.properties = { ...node.properties, href: recordHref(id), className: ['record-link'] };
      } else {
        node.properties = { className: ['broken-link'], title: `No record has the id ${id}` };
        node.tagName = 'span';
      }
    });
  };
}

/** Shiki with both themes as CSS variables (the stylesheet picks one); mermaid is left for the browser. */
function rehypeHighlight(this: Processor) {
  return (rehypeShiki as unknown as (this: Processor, ...args: unknown[]) => unknown).call(
    this,
    { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false, wrap: true },
    ['mermaid'],
  ) as (tree: Root) => void;
}

let processor: Promise<MarkdownProcessor> | null = null;

function getProcessor(): Promise<MarkdownProcessor> {
  processor ??= createMarkdownProcessor({
    syntaxHighlight: false,
    smartypants: false,
    remarkRehype: { allowDangerousHtml: false },
    rehypePlugins: [
      [rehypeSanitize, sanitizeSchema],
      rehypeRecordLinks,
      rehypeHighlight,
    ],
  });
  return processor;
}

const cache = new Map<string, Promise<RenderedMarkdown>>();

/** Renders Markdown; text without Markdown syntax takes a fast path with the same result. */
export function renderMarkdown(source: string): Promise<RenderedMarkdown> {
  let hit = cache.get(source);
  if (!hit) {
    hit = plainParagraphs(source) ?? getProcessor().then(async (p) => {
      const out = await p.render(source);
      return { html: out.code, headings: out.metadata.headings };
    });
    cache.set(source, hit);
  }
  return hit;
}

/** Prose with no Markdown syntax at all: paragraphs of escaped text, no parser needed. */
function plainParagraphs(source: string): Promise<RenderedMarkdown> | null {
  if (/[*_`#[\]<>|~\\!&]|^\s*([-+]|\d+[.)])\s|^ {4}|https?:|\w@\w/m.test(source)) return null;
  const html = source
    .trim()
    .split(/\n\s*\n/)
    .map((para) => `<p>${escapeHtml(para.trim().replace(/\s*\n\s*/g, ' '))}</p>`)
    .join('\n');
  return Promise.resolve({ html, headings: [] });
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
