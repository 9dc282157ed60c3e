/**
 * The build's data steps: everything besides Astro's pages that goes into the site (search index,
 * graph data, exports, the workspace's base, vendored scripts). None of them reads a rendered
 * page, so the build starts them all before Astro renders and they write into the output folder
 * alongside it (see scripts/build-site.ts); Astro then waits for them before it finishes.
 */
import type { Atlas } from '../pipeline/model';
import { workspaceStep } from './workspace-step';
import { pagefindStep } from './pagefind-step';
import { graphStep } from './graph-step';
import { exportsStep } from './exports-step';
import { vendorStep } from './vendor-step';

export interface BuildContext {
  atlas: Atlas;
  /** The output folder Astro is rendering into; each step writes only files no page has. */
  outDir: string;
  /** Aborted when the build fails: a step then stops soon and rejects, so the folder can go. */
  signal: AbortSignal;
}

export interface BuildStep {
  /** Shown in the build's timing summary. */
  name: string;
  /**
   * Writes the step's files. It runs on the thread Astro renders on, so long work yields often
   * (a few writes in flight, content made when its turn comes) rather than holding it up.
   */
  run(context: BuildContext): Promise<void>;
}

/** Started in this order: the search index first, as Pagefind's own process does the most work. */
export const buildSteps: BuildStep[] = [pagefindStep, graphStep, exportsStep, workspaceStep, vendorStep];
