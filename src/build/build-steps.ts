/**
 * The build's steps besides Astro's render, in order. Work that needs only the data starts in
 * `prepare`, before Astro renders, so it overlaps the render (the search index, the records'
 * data files); work that reads the rendered site, or finishes what `prepare` began, is `run` after
 * it. Each reads the same pipeline result the pages were rendered from.
 */
import type { Atlas } from '../pipeline/model';
import type { BackgroundFileWriter } from './file-writer';
import { workspaceStep } from './workspace-step';
import { pagefindStep } from './pagefind-step';
import { graphStep } from './graph-step';
import { exportsStep } from './exports-step';
import { vendorStep } from './vendor-step';

export interface BuildContext {
  atlas: Atlas;
  /** The output folder being built (swapped into place once every step has run). */
  outDir: string;
  /** Takes the many small files a step writes off the main thread; the build waits for it after the last step. */
  files: BackgroundFileWriter;
}

export interface BuildStep {
  /** Shown in the build's timing summary. */
  name: string;
  /** Runs after Astro has rendered the site into the output folder. */
  run?(context: BuildContext): Promise<void> | void;
  /**
   * Starts work that needs only the data, before Astro renders into the same (fresh) output folder,
   * which Astro then leaves as it is (astro.config.mjs); `run` finishes it.
   */
  prepare?(context: BuildContext): void;
  /** Stops and cleans up what `prepare` started, when the build fails before `run`. */
  abort?(context: BuildContext): Promise<void>;
}

export const buildSteps: BuildStep[] = [workspaceStep, pagefindStep, graphStep, exportsStep, vendorStep];
