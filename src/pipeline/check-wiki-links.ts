/**
 * Stage 5c, check wiki links: every relative `.md` link, `[[id]]` and `atlas:` link of a wiki
 * page, and every id in its `documents:` list, must point at something that exists.
 */
import type { AtlasRecord } from './model';
import type { WikiPage } from './parse-wiki';
import { problem, type Problem } from './problems';
import { findWikiLinks, resolveWikiLink } from './wiki-links';

export function checkWikiLinks(pages: readonly WikiPage[], records: ReadonlyMap<string, AtlasRecord>): Problem[] {
  const problems: Problem[] = [];
  const pageFiles = new Set(pages.map((p) => p.file));
  for (const page of pages) {
    for (const link of findWikiLinks(page.body)) {
      const resolved = resolveWikiLink(link, page.file, pageFiles, records);
      if (resolved.ok) continue;
      problems.push(
        problem({
          code: 'broken-wiki-link',
          file: page.file,
          line: page.bodyLine + link.line - 1,
          column: link.column,
          id: page.id,
          message: resolved.message,
        }),
      );
    }
    for (const id of page.documents) {
      if (!records.has(id)) {
        problems.push(
          problem({
            code: 'broken-wiki-link',
            file: page.file,
            line: 1,
            column: 1,
            id: page.id,
            message: `\`documents:\` lists \`${id}\`, which does not exist.`,
          }),
        );
      }
    }
  }
  return problems;
}
