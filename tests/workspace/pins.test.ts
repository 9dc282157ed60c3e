/**
 * Pins and saved views, used as a reader would: pin from the record page, see it in the workspace
 * (grouped by kind, with a note) after a reload, unpin, export to a file and import it again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeBrowser } from '../support/browser';
import { REFERENCE_ID, embedded, useBrowser } from '../browser/helpers';
import { openWorkspace, workspaceUrl } from './helpers';

const recordUrl = (p: string) => `${embedded().url}n/${p}/`;

describeBrowser('workspace pins', () => {
  const open = useBrowser();

  it('pins a record from its page with the keyboard, keeps it and its note over reloads, and unpins it', async () => {
    const page = await open();
    await page.goto(recordUrl('workflow/schema-migration'));
    const pin = page.getByRole('button', { name: 'Pin', exact: true });
    expect(await pin.getAttribute('aria-pressed')).toBe('false');
    await pin.focus();
    await page.keyboard.press('Enter');
    const pinned = page.getByRole('button', { name: 'Pinned' });
    expect(await pinned.getAttribute('aria-pressed')).toBe('true');

    await openWorkspace(page);
    const item = page.locator(`li.pin-item[data-pin-id="${REFERENCE_ID}"]`);
    await item.waitFor();
    expect(await page.locator('section.pin-group[data-kind="Workflow"]').locator('li.pin-item').count()).toBe(1);
    expect(await item.getByRole('link', { name: 'Schema Migration' }).getAttribute('href')).toBe('/n/workflow/schema-migration/');
    await item.getByRole('textbox', { name: 'Note for Schema Migration' }).fill('Check the backfill step');
    await item.getByRole('textbox').blur();

    await page.reload();
    await page.waitForSelector('html[data-workspace="ready"]');
    await item.waitFor();
    expect(await item.getByRole('textbox').inputValue()).toBe('Check the backfill step');

    // The record page agrees after a reload, and unpinning there shows in the workspace.
    await page.goto(recordUrl('workflow/schema-migration'));
    expect(await page.getByRole('button', { name: 'Pinned' }).getAttribute('aria-pressed')).toBe('true');
    await openWorkspace(page);
    await item.getByRole('button', { name: 'Unpin Schema Migration' }).click();
    await item.waitFor({ state: 'detached' });
    await page.reload();
    await page.waitForSelector('html[data-workspace="ready"]');
    expect(await page.locator('li.pin-item').count()).toBe(0);
    expect(await page.getByText('No pins yet').isVisible()).toBe(true);
    await page.goto(recordUrl('workflow/schema-migration'));
    expect(await page.getByRole('button', { name: 'Pin', exact: true }).getAttribute('aria-pressed')).toBe('false');
  });

  it('exports pins and views to a JSON file and imports them again; refuses a bad file with a reason', async () => {
    const page = await open();
    for (const p of ['workflow/schema-migration', 'org-unit/engineering']) {
      await page.goto(recordUrl(p));
      await page.getByRole('button', { name: 'Pin', exact: true }).click();
    }
    await openWorkspace(page);
    const note = page.locator('li.pin-item[data-pin-id="org-unit:engineering"] textarea');
    await note.fill('Owns approvals');
    await note.blur();
    // Two kinds, two groups.
    expect(await page.locator('section.pin-group').count()).toBe(2);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export pins and views' }).click()]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ws-export-')), download.suggestedFilename());
    await download.saveAs(file);
    const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as { format: string; pins: { id: string; note: string }[] };
    expect(exported.format).toBe('atlas-workspace');
    expect(exported.pins.map((p) => p.id).sort()).toEqual(['org-unit:engineering', REFERENCE_ID]);
    expect(exported.pins.find((p) => p.id === 'org-unit:engineering')!.note).toBe('Owns approvals');

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Remove all pins' }).click();
    await page.getByText('No pins yet').waitFor();

    await page.locator('[data-import-file]').setInputFiles(file);
    await page.getByText(/Imported 2 pins/).waitFor();
    await page.reload();
    await page.waitForSelector('html[data-workspace="ready"]');
    await page.locator('li.pin-item').nth(1).waitFor();
    expect(await page.locator('li.pin-item').count()).toBe(2);
    expect(await page.locator('li.pin-item[data-pin-id="org-unit:engineering"] textarea').inputValue()).toBe('Owns approvals');

    const bad = path.join(path.dirname(file), 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ format: 'atlas-workspace', version: 1, views: [{ name: 'x', url: 'https://evil.example/' }] }));
    await page.locator('[data-import-file]').setInputFiles(bad);
    await page.getByText(/Could not import bad\.json: views\.0\.url: must be a path on this site/).waitFor();
    expect(await page.locator('li.pin-item').count()).toBe(2);
  });

  it('saves the current search under a name with the keyboard, lists it in the workspace and reopens it', async () => {
    const page = await open();
    await page.goto(`${embedded().url}search/?q=migration`);
    const toggle = page.getByRole('button', { name: 'Save view' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const name = page.getByRole('textbox', { name: 'Name' });
    expect(await name.inputValue()).toBe('Search: migration');
    await name.fill('Migrations');
    await page.keyboard.press('Enter');
    await page.getByText('Saved “Migrations” to your workspace').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Save view');

    await openWorkspace(page);
    const link = page.getByRole('link', { name: 'Migrations' });
    expect(await link.getAttribute('href')).toBe('/search/?q=migration');
    expect(await page.locator('.view-item .badge').textContent()).toBe('search');
    await link.click();
    await page.waitForURL(/\/search\/\?q=migration$/);

    await openWorkspace(page);
    await page.getByRole('button', { name: 'Remove saved view Migrations' }).click();
    await page.getByText('No saved views').waitFor();
  });
});
