/**
 * The sample corpus (../shared/corpora/a5c-atlas-sample, next to the repository). Tests that need
 * it use `describeWithSample`: when the corpus is absent they do not vanish silently — under
 * `CI=true` they fail, elsewhere they show up as one named skipped test and a console warning.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLE_RELATIVE = '../shared/corpora/a5c-atlas-sample';
export const SAMPLE_DIR = path.resolve(REPO_ROOT, SAMPLE_RELATIVE);

function present(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

export const hasSample = present(SAMPLE_DIR);

/** Whether the corpus is there, and whether we run under CI (`CI=true`). */
export interface SampleGuard {
  present: boolean;
  ci: boolean;
}

export type SamplePlan =
  | { mode: 'run' }
  | { mode: 'fail'; testName: string; error: string }
  | { mode: 'skip'; testName: string; warning: string };

/** What `describeWithSample` does for a given guard (pure, so it can be tested without registering tests). */
export function samplePlan(guard: SampleGuard): SamplePlan {
  if (guard.present) return { mode: 'run' };
  const missing = `${SAMPLE_RELATIVE} is absent`;
  if (guard.ci) {
    return {
      mode: 'fail',
      testName: `sample corpus required under CI: ${missing}`,
      error: `The sample corpus is missing: expected it at ${SAMPLE_DIR} (CI=true makes this a failure).`,
    };
  }
  return { mode: 'skip', testName: `SKIPPED: ${missing}`, warning: `SKIPPED: ${missing} (looked for ${SAMPLE_DIR})` };
}

/**
 * `describe(name, fn)` when the corpus is present. When it is absent: under `CI=true` one failing
 * test saying the corpus is missing; otherwise one `it.skip` named "SKIPPED: … is absent" and a
 * console warning, so the gap is visible in every report.
 */
export function describeWithSample(name: string, fn: () => void, guard: SampleGuard = { present: hasSample, ci: process.env.CI === 'true' }): void {
  const plan = samplePlan(guard);
  if (plan.mode === 'run') {
    describe(name, fn);
    return;
  }
  describe(name, () => {
    if (plan.mode === 'fail') {
      it(plan.testName, () => {
        throw new Error(plan.error);
      });
      return;
    }
    // Deliberate, visible skip: a user's clone has no ../shared corpus. The test's name and the
    // warning say so, and under CI=true this branch is never reached (the 'fail' mode above).
    console.warn(`[${name}] ${plan.warning}`);
    it.skip(plan.testName, () => {});
  });
}
