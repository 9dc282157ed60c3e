/**
 * Build step: the Pagefind full-text index, written to `<out>/pagefind/`.
 *
 * Pages are indexed from their search documents (src/site/search-document.ts), built from the
 * data, not read back from the rendered pages, so Pagefind's process indexes and writes on the
 * second core while the pages render on the first. A wiki page is also a record whose record
 * page repeats the article: the article is indexed at its wiki URL and the record page is left
 * out, one result per article.
 */
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Atlas, AtlasRecord } from '../pipeline/model';
import { recordSearchDocument, wikiSearchDocument, type SearchDocument } from '../site/search-document';
import { wikiIndex } from '../site/wiki';
import type { BuildStep } from './build-steps';

/** Documents handed to Pagefind per batch: small enough to interleave with Astro's rendering. */
const BATCH = 100;

/** Records indexed from their record page (a record with a wiki article is indexed from the wiki instead). */
export function indexedRecords(atlas: Atlas): AtlasRecord[] {
  const inWiki = new Set(wikiIndex(atlas).entries.map((e) => e.page.id));
  return atlas.recordList.filter((r) => !inWiki.has(r.id));
}

/** Every search document: record pages, then wiki articles. Lazy, so each batch is built just before it is sent. */
function* documentJobs(atlas: Atlas): Generator<() => Promise<SearchDocument | null>> {
  for (const record of indexedRecords(atlas)) yield () => recordSearchDocument(atlas, record);
  for (const entry of wikiIndex(atlas).entries) yield () => wikiSearchDocument(atlas, entry);
}

export const pagefindStep: BuildStep = {
  name: 'pagefind',
  async run({ atlas, outDir, signal }) {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    // A failed build closes Pagefind at once: requests in flight are then answered with an error.
    const close = () => void pagefind.close();
    signal.addEventListener('abort', close, { once: true });
    try {
      const problems = [...errors];
      let batch: (() => Promise<SearchDocument | null>)[] = [];
      // Batch by batch: Pagefind's process indexes while Astro renders on this thread.
      const send = async () => {
        const docs = await Promise.all(batch.map((job) => job()));
        batch = [];
        const added = await Promise.all(docs.filter((d) => d !== null).map((d) => index.addHTMLFile({ url: d.url, content: d.html })));
        for (const a of added) problems.push(...a.errors);
      };
      for (const job of documentJobs(atlas)) {
        signal.throwIfAborted();
        batch.push(job);
        if (batch.length === BATCH) await send();
      }
      await send();
      const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
      problems.push(...written.errors);
      if (problems.length) throw new Error(`Pagefind failed:\n${problems.join('\n')}`);
    } finally {
      signal.removeEventListener('abort', close);
      await pagefind.close();
    }
  },
};
