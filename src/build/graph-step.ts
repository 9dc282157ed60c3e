/**
 * Post-build step: one `/n/<path>.graph.json` per record, the data behind the graph tab, the
 * explorer and in-browser path finding. Written here rather than as Astro endpoints because it is
 * plain data: thousands of small files straight to disk, no page rendering.
 */
import { recordNeighbourhood, neighbourhoodFilePath } from '../site/neighbourhood';
import type { PostBuildStep } from './post-build';
import { writeFiles } from './write-files';

export const graphStep: PostBuildStep = {
  name: 'graph',
  async run({ atlas, outDir }) {
    await writeFiles(
      outDir,
      atlas.recordList.map((record) => ({ path: neighbourhoodFilePath(atlas, record.id), content: () => JSON.stringify(recordNeighbourhood(atlas, record)) })),
    );
  },
};
