/** The corpus helper must never make missing sample tests vanish silently. */
import { describe, expect, it } from 'vitest';
import { SAMPLE_DIR, hasSample, samplePlan } from '../support/corpus';

describe('sample corpus helper', () => {
  it('points at ../shared/corpora/a5c-atlas-sample next to the repository', () => {
    expect(SAMPLE_DIR.replace(/\\/g, '/')).toMatch(/\/shared\/corpora\/a5c-atlas-sample$/);
    expect(typeof hasSample).toBe('boolean');
  });

  it('runs the block when the corpus is present, under CI or not', () => {
    expect(samplePlan({ present: true, ci: false })).toEqual({ mode: 'run' });
    expect(samplePlan({ present: true, ci: true })).toEqual({ mode: 'run' });
  });

  it('absent outside CI: one skipped test named "SKIPPED: ../shared/corpora/a5c-atlas-sample is absent" and a warning', () => {
    const plan = samplePlan({ present: false, ci: false });
    expect(plan).toMatchObject({ mode: 'skip', testName: 'SKIPPED: ../shared/corpora/a5c-atlas-sample is absent' });
    expect(plan.mode === 'skip' && plan.warning).toContain(SAMPLE_DIR);
  });

  it('absent under CI=true: a failing test whose message says the corpus is missing', () => {
    const plan = samplePlan({ present: false, ci: true });
    expect(plan.mode).toBe('fail');
    expect(plan.mode === 'fail' && plan.error).toMatch(/sample corpus is missing.*a5c-atlas-sample/);
  });
});
