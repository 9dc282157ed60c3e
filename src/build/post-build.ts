/**
 * Steps that run after Astro has rendered the site into the (temporary) output folder, in order
 * (some start earlier, in `prepare`).
 * Each reads the same pipeline result the pages were rendered from.
 */
import type { Atlas } from '../pipeline/model';
import { workspaceStep } from './workspace-step';
import { pagefindStep } from './pagefind-step';
import { graphStep } from './graph-step';
import { exportsStep } from './exports-step';
import { vendorStep } from './vendor-step';

export interface PostBuildStep {
  /** Shown in the build's timing summary. */
  name: string;
  run(context: { atlas: Atlas; outDir: string }): Promise<void> | void;
  /** Starts work that needs only the data, before Astro renders (it overlaps the rendering); `run` finishes it. */
  prepare?(context: { atlas: Atlas; outDir: string }): void;
  /** Stops and cleans up what `prepare` started, when the build fails before `run`. */
  abort?(context: { atlas: Atlas; outDir: string }): Promise<void>;
}

export const postBuildSteps: PostBuildStep[] = [workspaceStep, pagefindStep, graphStep, exportsStep, vendorStep];
