/**
 * Stage 5c, check wiki links: every relative `.md` link, `[[id]]` and `atlas:` link of a wiki
 * page, and every id in its `documents:` list, must point at something that exists.
 */
import type { AtlasRecord } from './model';
import type { WikiPage } from './parse-wiki';
import { problem, type Problem } from './problems';
import { findWikiLinks, resolveWikiPath } from './wiki-links';

export function checkWikiLinks(pages: readonly WikiPage[], records: ReadonlyMap<string, AtlasRecord>): Problem[] {
  const problems: Problem[] = [];
  const pageFiles = new Set(pages.map((p) => p.file));
  for (const page of pages) {
    for (const link of findWikiLinks(page.body)) {
      const line = page.bodyLine + link.line - 1;
      if (link.type === 'record') {
        if (!records.has(link.target)) {
          problems.push(
            problem({
              code: 'broken-wiki-link',
              file: page.file,
              line,
              column: link.column,
              id: page.id,
              message: `Link to record \`${link.target}\`, which does not exist.`,
            }),
          );
        }
        continue;
      }
      const file = resolveWikiPath(page.file, link.target);
      if (file !== null && !pageFiles.has(file)) {
        problems.push(
          problem({
            code: 'broken-wiki-link',
            file: page.file,
            line,
            column: link.column,
            id: page.id,
            message: `Link to \`${link.target}\`, but there is no wiki page ${file}.`,
          }),
        );
      }
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
