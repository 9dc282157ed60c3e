/**
 * The pipeline's entry point: read the files under a root, run every stage, and memoize the
 * result per root so the build, the CLI and every page share one run.
 */
import type { Atlas } from './model';
import { DEFAULT_PARSE_LIMITS } from './parse-documents';
import { DEFAULT_MAX_FILE_BYTES, readAtlasFiles } from './read-files';
import { processWide } from './process-wide';
import { runPipeline, type PipelineOptions } from './run-pipeline';

export type { PipelineOptions, StageName } from './run-pipeline';
export { runPipeline } from './run-pipeline';

/**
 * Process-wide: Astro evaluates the site's modules in its own module graph, and the build script
 * loads the pipeline in Node's; both must share one run per build.
 */
const cache = processWide('pipeline-cache', () => new Map<string, Atlas>());

/** Loads the atlas under `root` once per process (per root and strictness). */
export function loadAtlas(root: string, options: PipelineOptions = {}): Atlas {
  // Everything that changes the result is part of the key (not onStage, which only observes).
  const limits = options.limits ?? DEFAULT_PARSE_LIMITS;
  const key = [root, options.strict ? 1 : 0, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, limits.maxNodes, limits.maxDepth].join('\u0000');
  const hit = cache.get(key);
  if (hit) return hit;
  if (process.env.ATLAS_DEBUG_PIPELINE) console.error(`[pipeline] loading ${root}`);
  const t0 = performance.now();
  const read = readAtlasFiles(root, options);
  options.onStage?.('read', performance.now() - t0);
  const atlas = runPipeline(read.root, read.files, read.problems, options);
  cache.set(key, atlas);
  return atlas;
}

/** Forgets memoized atlases (tests, watch mode). */
export function clearAtlasCache(): void {
  cache.clear();
}

