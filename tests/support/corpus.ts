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

/** Options for tests; exported so the fallback itself can be tested. */
export interface SampleGuard {
  present: boolean;
  ci: boolean;
}

export function describeWithSample(name: string, fn: () => void, guard: SampleGuard = { present: hasSample, ci: process.env.CI === 'true' }): void {
  if (guard.present) {
    describe(name, fn);
    return;
  }
  const missing = `${SAMPLE_RELATIVE} is absent`;
  describe(name, () => {
    if (guard.ci) {
      it(`sample corpus required under CI: ${missing}`, () => {
        throw new Error(`The sample corpus is missing: expected it at ${SAMPLE_DIR} (CI=true makes this a failure).`);
      });
      return;
    }
    console.warn(`[${name}] SKIPPED: ${missing} (looked for ${SAMPLE_DIR})`);
    it.skip(`SKIPPED: ${missing}`, () => {});
  });
}
