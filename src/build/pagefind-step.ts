/**
 * Build step: the Pagefind full-text index, written to `<out>/pagefind/`.
 *
 * Pages are indexed from their search documents (src/site/search-document.ts), built from the
 * data, not read back from the rendered pages: `prepare` starts Pagefind and feeds it before Astro
 * renders, so Pagefind's process indexes on the second core while the pages render on the first,
 * and `run` only waits for it. A wiki page is also a record whose record page repeats the article:
 * the article is indexed at its wiki URL and the record page is left out, one result per article.
 *
 * The finished index comes back as data and goes to the build's file writer. Pagefind's own
 * `writeFiles` creates its ten thousand fragment files from hundreds of threads at once; on a
 * two-core machine the kernel's contention over them cost twice the CPU of building the index.
 */
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Atlas, AtlasRecord } from '../pipeline/model';
import { recordSearchDocument, wikiSearchDocument, type SearchDocument } from '../site/search-document';
import { wikiIndex } from '../site/wiki';
import type { BuildContext, BuildStep } from './build-steps';

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

const indexing = new WeakMap<Atlas, Promise<void>>();
/** Atlases whose build failed: their feeding stops at the next batch. */
const aborted = new WeakSet<Atlas>();

/** Starts Pagefind, hands it every document batch by batch, and queues the finished index's files for writing. */
function buildIndex({ atlas, outDir, files }: BuildContext): Promise<void> {
  aborted.delete(atlas);
  const done = (async () => {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const problems = [...errors];
    let batch: (() => Promise<SearchDocument | null>)[] = [];
    const send = async () => {
      const docs = await Promise.all(batch.map((job) => job()));
      batch = [];
      const added = await Promise.all(docs.filter((d) => d !== null).map((d) => index.addHTMLFile({ url: d.url, content: d.html })));
      for (const a of added) problems.push(...a.errors);
    };
    for (const job of documentJobs(atlas)) {
      if (aborted.has(atlas)) throw new Error('The build failed; search indexing stopped.');
      batch.push(job);
      if (batch.length === BATCH) await send();
    }
    await send();
    const built = await index.getFiles();
    problems.push(...built.errors);
    if (problems.length) throw new Error(`Pagefind failed:\n${problems.join('\n')}`);
    if (aborted.has(atlas)) throw new Error('The build failed; search indexing stopped.');
    for (const file of built.files) files.write(path.join(outDir, 'pagefind', file.path), file.content);
  })();
  done.catch(() => {}); // awaited, and reported, by run()
  indexing.set(atlas, done);
  return done;
}

export const pagefindStep: BuildStep = {
  name: 'pagefind',
  prepare(context) {
    buildIndex(context);
  },
  async run(context) {
    try {
      await (indexing.get(context.atlas) ?? buildIndex(context));
    } finally {
      indexing.delete(context.atlas);
      await pagefind.close();
    }
  },
  async abort({ atlas }) {
    // Not awaited: a request in flight when Pagefind closes may never be answered.
    aborted.add(atlas);
    indexing.delete(atlas);
    await pagefind.close();
  },
};
