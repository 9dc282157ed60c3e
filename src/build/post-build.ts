/**
 * Steps that run after Astro has rendered the site into the (temporary) output folder, in order
 * (some start earlier, in `prepare`).
 * Each reads the same pipeline result the pages were rendered from.
 */
import type { Atlas } from '../pipeline/model';
import type { BackgroundFileWriter } from './file-writer';
import { workspaceStep } from './workspace-step';
import { pagefindStep } from './pagefind-step';
import { graphStep } from './graph-step';
import { exportsStep } from './exports-step';
import { vendorStep } from './vendor-step';

export interface PostBuildContext {
  atlas: Atlas;
  /** The output folder being built (swapped into place once every step has run). */
  outDir: string;
  /** Takes the many small files a step writes off the main thread; the build waits for it after the last step. */
  files: BackgroundFileWriter;
}

export interface PostBuildStep {
  /** Shown in the build's timing summary. */
  name: string;
  run(context: PostBuildContext): Promise<void> | void;
  /** Starts work that needs only the data, before Astro renders (it overlaps the rendering); `run` finishes it. */
  prepare?(context: PostBuildContext): void;
  /** Stops and cleans up what `prepare` started, when the build fails before `run`. */
  abort?(context: PostBuildContext): Promise<void>;
}

export const postBuildSteps: PostBuildStep[] = [workspaceStep, pagefindStep, graphStep, exportsStep, vendorStep];
