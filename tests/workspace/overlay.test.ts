/**
 * The YAML overlay, used as an author would: paste a record, see the diff and the draft record
 * view; see problems at the right lines; drop files; and get exactly the problems the CLI gives.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeBrowser } from '../support/browser';
import { REPO_ROOT, SITES } from '../support/sites';
import { REFERENCE_ID, embedded, useBrowser } from '../browser/helpers';
import { serveStatic } from '../support/static-server';
import { openWorkspace, setOverlay, shownProblems, type ShownProblem } from './helpers';

const GUILD = `nodeKind: OrgUnit
id: org-unit:migration-guild
attributes:
  displayName: Migration Guild
  description: People who review schema migrations together.
  unitType: guild
edges:
  follows_workflow: ${REFERENCE_ID}
  part_of: org-unit:engineering
`;

describeBrowser('workspace overlay', () => {
  const open = useBrowser();

  it('shows a valid record that adds an edge to the reference record in the diff and as a draft record', async () => {
    const page = await open();
    await openWorkspace(page);
    await setOverlay(page, [{ path: 'overlay/draft.yaml', text: GUILD }]);
    expect(await page.locator('li.problem').count()).toBe(0);
    expect(await page.getByText(/would report nothing for these files/).isVisible()).toBe(true);

    // Diff: one record added, the reference record changed by a new incoming edge.
    const added = page.locator('.diff-part.added li[data-id="org-unit:migration-guild"]');
    expect(await added.isVisible()).toBe(true);
    const change = page.locator(`.diff-change[data-id="${REFERENCE_ID}"]`);
    expect(await change.innerText()).toContain(`org-unit:migration-guild —follows_workflow→ ${REFERENCE_ID}`);
    expect(await change.locator('.diff-added').count()).toBe(1);

    // Draft record view: the record page's overview, marked draft, with the edge linking to the published page.
    const draft = page.locator('article.draft-record[data-draft-id="org-unit:migration-guild"]');
    expect(await draft.getByRole('heading', { level: 3 }).innerText()).toMatch(/^Migration Guild\s*draft$/);
    expect(await draft.locator('.badge.draft').isVisible()).toBe(true);
    expect(await draft.locator('.record-meta').innerText()).toContain('overlay/draft.yaml:1');
    expect(await draft.locator('.attr').count()).toBe(3);
    const edge = draft.locator('.edge-group[data-edge-kind="follows_workflow"] li.edge');
    expect(await edge.getByRole('link', { name: 'Schema Migration' }).getAttribute('href')).toBe('/n/workflow/schema-migration/');
    // JSON tab, by keyboard: the payload `atlas get` would print, with a copy button.
    await draft.getByRole('tab', { name: 'Overview' }).focus();
    await page.keyboard.press('ArrowRight');
    const json = draft.getByRole('tabpanel');
    await json.locator('pre.json').waitFor();
    const payload = JSON.parse(await json.locator('pre.json').innerText()) as { id: string; _file: string; outgoingEdges: { to: string; kind: string }[] };
    expect(payload.id).toBe('org-unit:migration-guild');
    expect(payload._file).toBe('overlay/draft.yaml');
    expect(payload.outgoingEdges).toContainEqual({ from: 'org-unit:migration-guild', kind: 'follows_workflow', to: REFERENCE_ID });
    expect(await json.getByRole('button', { name: 'Copy JSON' }).isVisible()).toBe(true);

    // The draft survives a reload.
    await page.reload();
    await page.waitForFunction(() => /^Checked:/.test(document.querySelector('[data-overlay-status]')?.textContent ?? ''));
    expect(await page.locator('article.draft-record').count()).toBe(1);
  });

  it('reports a syntax error in one file and an unknown edge kind in another at their lines', async () => {
    const page = await open();
    await openWorkspace(page);
    await setOverlay(page, [
      { path: 'overlay/broken.yaml', text: 'nodeKind: Role\nid: role:broken\nattributes:\n  displayName: "unterminated\n' },
      { path: 'overlay/edges.yaml', text: `nodeKind: OrgUnit\nid: org-unit:odd\nattributes:\n  displayName: Odd\n  description: Odd unit.\n  unitType: team\nedges:\n  part_of: org-unit:engineering\n  befriends: ${REFERENCE_ID}\n` },
    ]);
    const problems = await shownProblems(page);
    const syntax = problems.find((p) => p.code === 'yaml-syntax')!;
    expect(syntax.loc).toMatch(/^overlay\/broken\.yaml:5:\d+$/);
    expect(syntax.severity).toBe('error');
    const unknown = problems.find((p) => p.code === 'unknown-edge-kind')!;
    expect(unknown.loc).toBe('overlay/edges.yaml:9:3');
    expect(unknown.message).toContain('befriends');
    // The location button puts the caret on that line of that file's editor.
    await page.locator('li.problem[data-code="unknown-edge-kind"] .loc-button').click();
    const caretLine = await page.locator('#overlay-text-1').evaluate((t: HTMLTextAreaElement) => t.value.slice(0, t.selectionStart).split('\n').length);
    expect(caretLine).toBe(9);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('overlay-text-1');
  });

  it('takes two files dropped at once, and two files chosen with the file picker', async () => {
    const page = await open();
    await openWorkspace(page);
    const dt = await page.evaluateHandle(() => {
      const t = new DataTransfer();
      t.items.add(new File(['nodeKind: Role\nid: role:dropped-one\nattributes:\n  displayName: Dropped one\n'], 'one.yaml', { type: 'application/yaml' }));
      t.items.add(new File(['nodeKind: Role\nid: role:dropped-two\nattributes:\n  displayName: Dropped two\n'], 'two.yml', { type: 'application/yaml' }));
      return t;
    });
    await page.dispatchEvent('[data-drop-zone]', 'drop', { dataTransfer: dt });
    await page.waitForFunction(() => /^Checked:/.test(document.querySelector('[data-overlay-status]')?.textContent ?? ''));
    expect(await page.locator('[data-path-input]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['overlay/one.yaml', 'overlay/two.yml']);
    expect(await page.locator('article.draft-record').evaluateAll((els) => els.map((e) => e.getAttribute('data-draft-id')))).toEqual(['role:dropped-one', 'role:dropped-two']);

    await page.locator('[data-pick-files]').setInputFiles([
      { name: 'three.yaml', mimeType: 'application/yaml', buffer: Buffer.from('nodeKind: Role\nid: role:picked-three\n') },
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not yaml') },
      { name: 'four.yaml', mimeType: 'application/yaml', buffer: Buffer.from('nodeKind: Role\nid: role:picked-four\n') },
    ]);
    await page.getByText(/Added 2 files: overlay\/three\.yaml, overlay\/four\.yaml\. Ignored 1 file that is not YAML\./).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('article.draft-record').length === 4);
  });

  it('gives the same problems for the same YAML as `atlas check` on the published atlas plus those files', async () => {
    // Every kind of problem an overlay can cause next to the published atlas, including messages
    // that cite a published definition's file:line.
    const files = [
      {
        path: 'overlay/parity.yaml',
        text: `nodeKind: OrgUnit
id: org-unit:parity-unit
attributes:
  displayName: Parity Unit
  unitType: squad
edges:
  follows_workflow: ${REFERENCE_ID}
  made_up_kind: role:sre
  part_of: org-unit:nowhere
  involves_role: role:sre
  owns_responsibility:
---
extendsNode:
  nodeKind: Workflow
  id: workflow:does-not-exist
edges:
  involves_role: role:sre
---
extendsNode:
  nodeKind: Workflow
  id: ${REFERENCE_ID}
edges:
  involves_role: [role:sre]
---
- just
- a list
---
id: 42
nodeKind: Role
`,
      },
      {
        path: 'zz-late/redefine.yaml',
        text: `nodeKind: OrgUnit
id: org-unit:database-team
attributes:
  displayName: Another database team
---
nodeKind: Tool
id: ${REFERENCE_ID}
`,
      },
      { path: 'overlay/bad.yaml', text: 'a: [1, 2\nb: 3\n' },
    ];
    const page = await open();
    await openWorkspace(page);
    await setOverlay(page, files);
    const browser = await shownProblems(page);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ws-parity-'));
    fs.cpSync(SITES.embedded.domain, dir, { recursive: true });
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
      fs.writeFileSync(path.join(dir, f.path), f.text);
    }
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'check', '--format', 'json', '--domain', dir], { cwd: REPO_ROOT, encoding: 'utf8' });
    const out = JSON.parse(run.stdout) as { problems: { file: string; line: number; column: number; severity: string; code: string; message: string; hint: string }[] };
    const paths = new Set(files.map((f) => f.path));
    const cli: ShownProblem[] = out.problems
      .filter((p) => paths.has(p.file))
      .map((p) => ({ loc: p.line ? `${p.file}:${p.line}:${p.column || 1}` : p.file, severity: p.severity, code: p.code, message: p.message, hint: p.hint }));

    expect(browser).toEqual(cli);
    // The test means something only if it covers the interesting codes.
    const codes = new Set(cli.map((p) => p.code));
    for (const code of ['yaml-syntax', 'document-invalid', 'invalid-id', 'unknown-edge-kind', 'dangling-edge', 'edge-kind-mismatch', 'invalid-attribute', 'missing-required-attribute', 'empty-edge-list', 'extension-target-missing', 'duplicate-id', 'kind-conflict', 'duplicate-edge']) {
      expect(codes, code).toContain(code);
    }
    expect(cli.some((p) => p.code === 'duplicate-id' && p.message.includes('(role/org-units/org-units.yaml:14, zz-late/redefine.yaml:1)'))).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describeBrowser('workspace offline', () => {
  const open = useBrowser();

  it('opens and checks the saved draft again once the site cannot be reached, after one visit', async () => {
    // A server of its own, so it can really go away (emulated offline mode fails worker scripts
    // before the service worker sees them, which real offline use does not).
    const server = await serveStatic(embedded().dir, '/');
    const page = await open();
    await page.goto(`${server.url}workspace/`);
    await page.waitForSelector('html[data-workspace="ready"]');
    await setOverlay(page, [{ path: 'overlay/draft.yaml', text: GUILD }]);
    // The service worker is in control and has kept the page, its scripts and the atlas data.
    await page.waitForFunction(async () => {
      if (!navigator.serviceWorker.controller) return false;
      const keys = (await (await caches.open('atlas-workspace-v1')).keys()).map((r) => new URL(r.url).pathname);
      return ['/workspace/', '/workspace/base.json', '/records.ndjson', '/ids.json'].every((k) => keys.includes(k)) && keys.some((k) => /worker.*\.js$/.test(k));
    });
    await server.close();
    await page.reload();
    await page.waitForFunction(() => /^(Checked|Could)/.test(document.querySelector('[data-overlay-status]')?.textContent ?? ''));
    expect(await page.locator('[data-overlay-status]').textContent()).toMatch(/^Checked: 0 errors/);
    expect(await page.locator('article.draft-record[data-draft-id="org-unit:migration-guild"]').count()).toBe(1);
    expect(await page.locator(`.diff-change[data-id="${REFERENCE_ID}"]`).count()).toBe(1);
  });
});
