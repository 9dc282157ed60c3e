/**
 * Post-build step: one `/n/<path>.graph.json` per record, the data behind the graph tab, the
 * explorer and in-browser path finding. Written here rather than as Astro endpoints because it is
 * plain data: thousands of small files straight to disk, no page rendering.
 */
import fs from 'node:fs';
import path from 'node:path';
import { recordNeighbourhood, neighbourhoodFilePath } from '../site/neighbourhood';
import type { PostBuildStep } from './post-build';

export const graphStep: PostBuildStep = {
  name: 'graph',
  run({ atlas, outDir }) {
    const dirs = new Set<string>();
    for (const record of atlas.recordList) {
      const file = path.join(outDir, neighbourhoodFilePath(atlas, record.id));
      const dir = path.dirname(file);
      if (!dirs.has(dir)) {
        fs.mkdirSync(dir, { recursive: true });
        dirs.add(dir);
      }
      fs.writeFileSync(file, JSON.stringify(recordNeighbourhood(atlas, record)));
    }
  },
};
