/**
 * Build step: one `/n/<path>.graph.json` per record, the data behind the graph tab, the
 * explorer and in-browser path finding. Written here rather than as Astro endpoints because it is
 * plain data: thousands of small files straight to disk, no page rendering.
 */
import { recordNeighbourhood, neighbourhoodFilePath } from '../site/neighbourhood';
import type { BuildStep } from './build-steps';
import { writeFiles } from './write-files';

export const graphStep: BuildStep = {
  name: 'graph',
  async run({ atlas, outDir, signal }) {
    await writeFiles(
      outDir,
      atlas.recordList.map((record) => ({ path: neighbourhoodFilePath(atlas, record.id), content: () => JSON.stringify(recordNeighbourhood(atlas, record)) })),
      signal,
    );
  },
};
