/**
 * Stage 2b, parse wiki pages: `wiki/**.md` with YAML frontmatter into `Page` record documents and
 * the article text. A page without frontmatter (or without an id) still becomes a record, with an
 * id derived from its path, and a warning.
 */
import { bareObject } from './model';
import { parseYamlDocuments, type ParsedDocument, type Pos } from './parse-documents';
import { problem, type Problem } from './problems';
import type { SourceFile } from './read-files';

export interface WikiPage {
  /** The page's record id. */
  id: string;
  /** Path of the Markdown file relative to the atlas root. */
  file: string;
  /** Path inside wiki/ without `.md`, e.g. `guides/schema-changes`; the wiki URL is built from it. */
  slug: string;
  title: string;
  /** Markdown after the frontmatter. */
  body: string;
  /** 1-based line of the body's first line in the file (for link problems). */
  bodyLine: number;
  /** Record ids the page says it documents. */
  documents: string[];
}

export interface WikiParseResult {
  page: WikiPage | null;
  /** A node document equivalent to the page, for the normalizer. */
  document: ParsedDocument | null;
  problems: Problem[];
}

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function parseWikiPage(file: SourceFile): WikiParseResult {
  const problems: Problem[] = [];
  const relInWiki = file.path.replace(/^wiki\//, '').replace(/\.md$/i, '');
  const match = FRONTMATTER.exec(file.text);
  let front: Record<string, unknown> = {};
  let frontDoc: ParsedDocument | null = null;
  let body = file.text;
  let bodyLine = 1;
  if (match) {
    const parsed = parseYamlDocuments(file.path, match[1]!);
    // Frontmatter starts on line 2 of the file.
    for (const p of parsed.problems) problems.push({ ...p, line: p.line + 1 });
    const doc = parsed.documents[0];
    if (doc && doc.value && typeof doc.value === 'object' && !Array.isArray(doc.value)) {
      front = doc.value as Record<string, unknown>;
      frontDoc = doc;
    }
    body = file.text.slice(match[0].length);
    bodyLine = match[0].split('\n').length;
  }
  const shift = (p: Pos): Pos => ({ line: p.line + 1, column: p.column });

  let id = typeof front.id === 'string' && front.id.trim() ? front.id.trim() : '';
  if (!id) {
    id = `page:${relInWiki.replace(/\//g, '-')}`;
    problems.push(
      problem({
        code: 'wiki-frontmatter',
        file: file.path,
        line: 1,
        column: 1,
        id,
        message: match ? `The frontmatter has no \`id\`; the page was given the id \`${id}\`.` : `The page has no frontmatter; it was given the id \`${id}\`.`,
      }),
    );
  }
  const heading = /^#\s+(.+?)\s*#*\s*$/m.exec(body)?.[1];
  const title = typeof front.title === 'string' && front.title.trim() ? front.title.trim() : (heading ?? relInWiki.split('/').pop()!);
  const documents = Array.isArray(front.documents) ? front.documents.filter((d): d is string => typeof d === 'string') : [];
  const slug = typeof front.slug === 'string' && front.slug.trim() ? front.slug.trim().replace(/^\/+|\/+$/g, '') : relInWiki;

  const attributes = bareObject();
  for (const key of Object.keys(front)) if (key !== 'id' && key !== 'nodeKind' && key !== 'edges') attributes[key] = front[key];
  attributes.title = title;
  attributes.slug = slug;
  if (attributes.articlePath === undefined) attributes.articlePath = file.path;
  attributes.documents = documents;
  attributes.body = body;

  const kind = typeof front.nodeKind === 'string' && front.nodeKind.trim() ? front.nodeKind.trim() : 'Page';
  const value = { nodeKind: kind, id, attributes, edges: front.edges ?? null };
  const document: ParsedDocument = {
    file: file.path,
    index: 0,
    value,
    pos: { line: 1, column: 1 },
    locate: (path) => {
      if (!frontDoc) return { line: 1, column: 1 };
      const inner = path[0] === 'attributes' ? path.slice(1) : path;
      return shift(frontDoc.locate(inner));
    },
  };
  return { page: { id, file: file.path, slug, title, body, bodyLine, documents }, document, problems };
}
