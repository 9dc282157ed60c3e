/**
 * Measured child: runs the pipeline once on an atlas folder and prints its stage times as JSON.
 *
 *   node --import tsx scripts/bench/pipeline-child.ts <atlas-dir>
 */
import { loadAtlas, type StageName } from '../../src/pipeline/load-atlas';

const dir = process.argv[2];
if (!dir) throw new Error('usage: pipeline-child.ts <atlas-dir>');
const stages: Partial<Record<StageName, number>> = {};
const t0 = performance.now();
const atlas = loadAtlas(dir, { onStage: (stage, ms) => (stages[stage] = (stages[stage] ?? 0) + ms) });
const totalMs = performance.now() - t0;
process.stdout.write(
  `${JSON.stringify({
    totalMs,
    stages,
    files: atlas.stats.files,
    documents: atlas.stats.documents,
    records: atlas.stats.records,
    edgesDeclared: atlas.stats.edgesDeclared,
    edges: atlas.stats.edges,
    danglingEdges: atlas.stats.danglingEdges,
    pages: atlas.pages.length,
    problemsByCode: atlas.stats.problemsByCode,
    problemsBySeverity: atlas.stats.problemsBySeverity,
    // Files whose problems make the site build refuse the atlas (the sample corpus has one).
    errorFiles: [...new Set(atlas.problems.filter((p) => p.severity === 'error' && p.file).map((p) => p.file))],
  })}\n`,
);
