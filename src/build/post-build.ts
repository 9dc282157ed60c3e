/**
 * Steps that run after Astro has rendered the site into the (temporary) output folder, in order.
 * Each reads the same pipeline result the pages were rendered from.
 */
import type { Atlas } from '../pipeline/model';

export interface PostBuildStep {
  /** Shown in the build's timing summary. */
  name: string;
  run(context: { atlas: Atlas; outDir: string }): Promise<void> | void;
}

export const postBuildSteps: PostBuildStep[] = [];
