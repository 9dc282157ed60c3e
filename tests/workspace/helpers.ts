/** Shared bits of the workspace tests: the page, its problem list as data, the overlay editor. */
import type { Page } from 'playwright-core';
import { embedded } from '../browser/helpers';

export const workspaceUrl = () => `${embedded().url}workspace/`;

/** A problem as the workspace lists it (and as `atlas check --format json` gives it). */
export interface ShownProblem {
  loc: string;
  severity: string;
  code: string;
  message: string;
  hint: string;
}

/** Opens the workspace and waits for its script. */
export async function openWorkspace(page: Page): Promise<void> {
  await page.goto(workspaceUrl());
  await page.waitForSelector('html[data-workspace="ready"]');
}

/** Types YAML into overlay file `index` (adding files as needed) and waits for the check of the result. */
export async function setOverlay(page: Page, files: { path: string; text: string }[]): Promise<void> {
  for (let i = 0; i < files.length; i++) {
    if ((await page.locator('[data-overlay-file]').count()) <= i) await page.getByRole('button', { name: 'Add a file' }).click();
    await page.locator(`#overlay-path-${i}`).fill(files[i]!.path);
    await page.locator(`#overlay-text-${i}`).fill(files[i]!.text);
  }
  await page.getByRole('button', { name: 'Check now' }).click();
  await page.waitForFunction(() => /^Checked:/.test(document.querySelector('[data-overlay-status]')?.textContent ?? ''));
}

/** Reads the problem list as a person sees it. */
export async function shownProblems(page: Page): Promise<ShownProblem[]> {
  return page.locator('li.problem').evaluateAll((items) =>
    items.map((li) => ({
      loc: li.querySelector('.loc')?.textContent ?? '',
      severity: li.querySelector('.badge')?.textContent ?? '',
      code: li.querySelector('.code')?.textContent ?? '',
      message: li.querySelector('.message')?.textContent ?? '',
      hint: (li.querySelector('.hint')?.textContent ?? '').replace(/^Fix: /, ''),
    })),
  );
}
