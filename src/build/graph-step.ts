/**
 * Build step: one `/n/<path>.graph.json` per record, the data behind the graph tab, the
 * explorer and in-browser path finding. Written here rather than as Astro endpoints because it is
 * plain data: thousands of small files, handed to the build's background writer, no page rendering.
 * They are handed over before Astro renders, so the writer's thread writes them alongside the
 * render instead of after it; the pages' graph tables then find each neighbourhood computed.
 */
import path from 'node:path';
import { recordNeighbourhood, neighbourhoodFilePath } from '../site/neighbourhood';
import type { BuildStep } from './build-steps';

export const graphStep: BuildStep = {
  name: 'graph',
  prepare({ atlas, outDir, files }) {
    for (const record of atlas.recordList) files.write(path.join(outDir, neighbourhoodFilePath(atlas, record.id)), JSON.stringify(recordNeighbourhood(atlas, record)));
  },
};
