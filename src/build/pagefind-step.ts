/**
 * Post-build step: the Pagefind full-text index, written to `<out>/pagefind/`.
 *
 * Only record pages (`n/…`) and wiki articles (`wiki/…`) are indexed, and within them only what
 * is marked `data-pagefind-body` (never the site chrome). A wiki page is also a record whose
 * page repeats the article: when the wiki has its own article view for it, that view is indexed
 * (with the record's id words, kind and cluster added, so it ranks and filters like a record)
 * and the record page is left out, one result per article.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Atlas } from '../pipeline/model';
import { encodePathForUrl } from '../pipeline/record-path';
import { recordSearchHtml } from '../site/search-terms';
import { wikiIndex } from '../site/wiki';
import type { PostBuildStep } from './post-build';

/** What to index: whole folders under `n/`, plus single pages given as URL and HTML. */
export interface IndexPlan {
  /** Top-level folders under `n/` indexed whole. */
  recordFolders: string[];
  /** Pages added one by one: record pages from a folder that is not indexed whole, and wiki articles. */
  pages: { url: string; file: string; inject?: string }[];
}

const BODY = /<[^>]*\sdata-pagefind-body(?:=["'][^"']*["'])?[^>]*>/;

export function planIndex(atlas: Atlas, outDir: string): IndexPlan {
  const pages: IndexPlan['pages'] = [];
  const inWiki = new Set<string>();
  for (const entry of wikiIndex(atlas).entries) {
    const rel = path.posix.join('wiki', entry.route, 'index.html');
    const file = path.join(outDir, rel);
    if (!fs.existsSync(file) || !BODY.test(fs.readFileSync(file, 'utf8'))) continue;
    const record = atlas.records.get(entry.page.id);
    if (!record) continue;
    inWiki.add(record.id);
    const inject = recordSearchHtml({ id: record.id, kind: record.kind, cluster: record.cluster, summary: entry.summary, title: entry.page.title });
    pages.push({ url: `/${encodePathForUrl(path.posix.dirname(rel))}/`, file, inject });
  }
  // Whole top-level folders go through Pagefind's own parallel walk; a folder holding a record
  // whose article is indexed from the wiki is added page by page instead.
  const byFolder = new Map<string, { kept: string[]; all: number }>();
  for (const [id, p] of atlas.paths) {
    const top = p.split('/')[0]!;
    const f = byFolder.get(top) ?? { kept: [], all: 0 };
    f.all++;
    if (!inWiki.has(id)) f.kept.push(p);
    byFolder.set(top, f);
  }
  const recordFolders: string[] = [];
  for (const [top, f] of byFolder) {
    if (f.kept.length === f.all) recordFolders.push(top);
    else for (const p of f.kept) pages.push({ url: `/n/${encodePathForUrl(p)}/`, file: path.join(outDir, 'n', ...p.split('/'), 'index.html') });
  }
  return { recordFolders: recordFolders.sort(), pages };
}

/** Glob metacharacters in a folder name, escaped for Pagefind's glob. */
function globEscape(s: string): string {
  return s.replace(/[\\*?[\]{}()<>!,]/g, (c) => `\\${c}`);
}

export const pagefindStep: PostBuildStep = {
  name: 'pagefind',
  async run({ atlas, outDir }) {
    const plan = planIndex(atlas, outDir);
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const problems: string[] = [...errors];
    try {
      if (plan.recordFolders.length) {
        // One walk for all folders (a walk per folder re-reads the whole tree each time).
        const folders = plan.recordFolders.map(globEscape);
        const glob = folders.length === 1 ? `n/${folders[0]}/**/*.html` : `n/{${folders.join(',')}}/**/*.html`;
        const r = await index.addDirectory({ path: outDir, glob });
        problems.push(...r.errors);
      }
      for (const page of plan.pages) {
        let html = fs.readFileSync(page.file, 'utf8');
        if (page.inject) html = html.replace(BODY, (open) => open + page.inject);
        const r = await index.addHTMLFile({ url: page.url, content: html });
        problems.push(...r.errors);
      }
      const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
      problems.push(...written.errors);
      if (problems.length) throw new Error(`Pagefind failed:\n${problems.join('\n')}`);
    } finally {
      await pagefind.close();
    }
  },
};
