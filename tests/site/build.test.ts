/**
 * The build, checked from its output: a page and a JSON file per record, no broken internal link,
 * nothing from other hosts, ATLAS_BASE and ATLAS_SITE honoured, collision-safe paths, deterministic
 * output, and a failed build that says where and leaves the previous output alone.
 *
 * The two sites come from the global setup (tests/support/global-setup.ts); the tests that need
 * their own builds (determinism, failures) run the real build script into temporary folders.
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadAtlas } from '../../src/pipeline/load-atlas';
import { recordJson, type Atlas } from '../../src/pipeline/model';
import { checkLinks, formatLinkReport, scanTags } from '../support/link-checker';
import { REPO_ROOT, SITES, type SiteName } from '../support/sites';

const SITE_ORIGIN = 'https://atlas.example.org';
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sitetests-${label}-`));
  temps.push(dir);
  return dir;
}

/**
 * Runs a command without blocking this worker (a synchronous spawn would stall vitest's own
 * messaging for the length of a build); resolves with exit code and output, never rejects.
 */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: REPO_ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const status = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      resolve({ status, stdout, stderr });
    });
  });
}

/** Runs the real build script. */
function runBuild(args: string[], env: Record<string, string>) {
  return run(process.execPath, ['scripts/build.mjs', ...args], { ...process.env, ATLAS_SITE: SITE_ORIGIN, ASTRO_TELEMETRY_DISABLED: '1', ...env });
}

function listFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = path.posix.join(rel, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(dir, r));
    else out.push(r);
  }
  return out.sort();
}

const atlasOf = (name: SiteName): Atlas => loadAtlas(SITES[name].domain);

describe.each(['embedded', 'fixture'] as const)('the %s site', (name) => {
  it('has a page and a JSON file for every record, the JSON byte-identical to recordJson', () => {
    const { dir } = inject('sites')[name];
    const atlas = atlasOf(name);
    expect(atlas.recordList.length).toBeGreaterThan(0);
    const missing: string[] = [];
    const differing: string[] = [];
    for (const record of atlas.recordList) {
      const p = atlas.paths.get(record.id)!;
      if (!fs.existsSync(path.join(dir, 'n', p, 'index.html'))) missing.push(`${record.id} -> n/${p}/index.html`);
      const jsonFile = path.join(dir, 'n', `${p}.json`);
      if (!fs.existsSync(jsonFile)) missing.push(`${record.id} -> n/${p}.json`);
      else if (!fs.readFileSync(jsonFile).equals(Buffer.from(recordJson(record)))) differing.push(record.id);
    }
    expect(missing).toEqual([]);
    expect(differing).toEqual([]);
  });

  it('has no broken internal link and loads nothing from another host', () => {
    const { dir } = inject('sites')[name];
    const report = checkLinks(dir, SITES[name].base, { site: SITE_ORIGIN });
    expect(report.pages).toBeGreaterThan(atlasOf(name).recordList.length);
    expect(report.broken, formatLinkReport(report)).toEqual([]);
    expect(report.external, formatLinkReport(report)).toEqual([]);
  });

  it('publishes no server-side build leftovers', () => {
    const { dir } = inject('sites')[name];
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.mjs') || f === 'server' || f === '.astro')).toEqual([]);
  });

  it('gives every record a path that is unique even ignoring letter case', () => {
    const atlas = atlasOf(name);
    const lower = new Map<string, string>();
    for (const [id, p] of atlas.paths) {
      expect(lower.get(p.toLowerCase()), `${id} and ${lower.get(p.toLowerCase())} share ${p}`).toBeUndefined();
      lower.set(p.toLowerCase(), id);
    }
    expect(lower.size).toBe(atlas.records.size);
  });

  it('lists absolute URLs of existing pages in sitemap.xml, every record included', () => {
    const { dir } = inject('sites')[name];
    const base = SITES[name].base;
    const xml = fs.readFileSync(path.join(dir, 'sitemap.xml'), 'utf8');
    const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    const pages = new Set<string>();
    for (const loc of locs) {
      expect(loc.startsWith(`${SITE_ORIGIN}${base}`), loc).toBe(true);
      const rel = new URL(loc).pathname.slice(base.length).split('/').map(decodeURIComponent).join('/');
      expect(fs.existsSync(path.join(dir, rel, 'index.html')), loc).toBe(true);
      pages.add(rel);
    }
    const atlas = atlasOf(name);
    for (const record of atlas.recordList) expect(pages.has(`n/${atlas.paths.get(record.id)}/`), record.id).toBe(true);
    const robots = fs.readFileSync(path.join(dir, 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${SITE_ORIGIN}${base}sitemap.xml`);
  });
});

describe('the fixture site (ATLAS_BASE=/atlas/)', () => {
  it('writes every root-relative URL under /atlas/', () => {
    const { dir } = inject('sites').fixture;
    const outside: string[] = [];
    let seen = 0;
    for (const file of listFiles(dir).filter((f) => f.endsWith('.html'))) {
      for (const tag of scanTags(fs.readFileSync(path.join(dir, file), 'utf8'))) {
        for (const attr of ['href', 'src', 'action', 'data-src', 'data-ids'] as const) {
          const v = tag.attrs.get(attr);
          if (v === undefined || !v.startsWith('/') || v.startsWith('//')) continue;
          seen++;
          if (!v.startsWith('/atlas/')) outside.push(`${file}: <${tag.name} ${attr}="${v}">`);
        }
      }
      const html = fs.readFileSync(path.join(dir, file), 'utf8');
      expect(html, file).toContain('data-base="/atlas/"');
    }
    expect(seen).toBeGreaterThan(1000);
    expect(outside).toEqual([]);
    // Canonical and Open Graph URLs are absolute, under the base too.
    const page = fs.readFileSync(path.join(dir, 'n/thing/a~2Fb~7Ec/index.html'), 'utf8');
    expect(page).toContain(`<link rel="canonical" href="${SITE_ORIGIN}/atlas/n/thing/a~2Fb~7Ec/">`);
    expect(page).toContain(`<meta property="og:url" content="${SITE_ORIGIN}/atlas/n/thing/a~2Fb~7Ec/">`);
  });

  it('gives the case-colliding ids distinct pages that differ case-insensitively, and reports the collision', () => {
    const { dir } = inject('sites').fixture;
    const atlas = atlasOf('fixture');
    const upper = atlas.paths.get('thing:Case')!;
    const lower = atlas.paths.get('thing:case')!;
    expect(upper.toLowerCase()).not.toBe(lower.toLowerCase());
    const pageOf = (p: string) => fs.readFileSync(path.join(dir, 'n', p, 'index.html'), 'utf8');
    expect(pageOf(upper)).toContain('>thing:Case</code>');
    expect(pageOf(lower)).toContain('>thing:case</code>');
    // No two files in the output differ only by case (a macOS or Windows checkout would merge them).
    const seen = new Map<string, string>();
    for (const f of listFiles(dir)) {
      expect(seen.get(f.toLowerCase()), `${f} vs ${seen.get(f.toLowerCase())}`).toBeUndefined();
      seen.set(f.toLowerCase(), f);
    }
    expect(atlas.problems.some((p) => p.code === 'path-collision' && p.id === 'thing:case')).toBe(true);
  });

  it('escapes the slash and tilde of an id in its page path', () => {
    const { dir } = inject('sites').fixture;
    expect(atlasOf('fixture').paths.get('thing:a/b~c')).toBe('thing/a~2Fb~7Ec');
    expect(fs.existsSync(path.join(dir, 'n/thing/a~2Fb~7Ec/index.html'))).toBe(true);
  });
});

describe('record JSON equals `npm run atlas -- get <id>`', () => {
  const cases: [SiteName, string][] = [
    ['embedded', 'workflow:schema-migration'],
    ['embedded', 'domain:software-engineering'],
    ['fixture', 'thing:xss'],
    ['fixture', 'thing:a/b~c'],
    ['fixture', 'thing:case'],
  ];
  it.each(cases)('%s: %s', async (name, id) => {
    const { dir } = inject('sites')[name];
    const res = await run('npm', ['run', '--silent', 'atlas', '--', 'get', id, '--domain', SITES[name].domain]);
    expect(res.status, res.stderr).toBe(0);
    const file = path.join(dir, 'n', `${atlasOf(name).paths.get(id)}.json`);
    expect(res.stdout).toBe(fs.readFileSync(file, 'utf8'));
  });
});

/** Harness timeout for tests that run whole builds (not a speed requirement: a busy 2-core machine is slow). */
const BUILD_TIMEOUT = 600_000;

describe('build script', () => {
  it('produces byte-identical output from the same input, apart from the build stamp', async () => {
    const a = path.join(tempDir('det'), 'out');
    const b = path.join(tempDir('det'), 'out');
    const env = { ATLAS_DOMAIN_DIR: SITES.fixture.domain, ATLAS_BASE: '/atlas/' };
    for (const out of [a, b]) {
      const res = await runBuild(['--out', out, '--quiet'], env);
      expect(res.status, res.stderr).toBe(0);
    }
    const filesA = listFiles(a);
    expect(listFiles(b)).toEqual(filesA);
    const hash = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
    const differing = filesA.filter((f) => hash(path.join(a, f)) !== hash(path.join(b, f)));
    const stampDiffs: string[] = [];
    for (const f of differing.filter((f) => f === 'atlas.json')) {
      stampDiffs.push(...jsonDifferences(JSON.parse(fs.readFileSync(path.join(a, f), 'utf8')), JSON.parse(fs.readFileSync(path.join(b, f), 'utf8'))));
    }
    expect(differing.filter((f) => f !== 'atlas.json')).toEqual([]);
    // atlas.json may differ in one place only: its build time.
    expect(stampDiffs.length).toBeLessThanOrEqual(1);
    for (const d of stampDiffs) expect(d).toMatch(/time|stamp|built|date|At$/i);
  }, BUILD_TIMEOUT);

  it('publishes nothing that an earlier `astro dev` left in .astro/, when building outside the working directory', async () => {
    // Astro copies <cwd>/.astro/ into an output outside the working directory; a dev server leaves its data store there.
    const dotAstro = path.join(REPO_ROOT, '.astro');
    fs.mkdirSync(dotAstro, { recursive: true });
    fs.writeFileSync(path.join(dotAstro, 'data-store.json'), '{"left":"by astro dev"}');
    fs.writeFileSync(path.join(dotAstro, 'settings.json'), '{"left":"by astro dev"}');
    const out = path.join(tempDir('dotastro'), 'out');
    const res = await runBuild(['--out', out, '--quiet'], { ATLAS_DOMAIN_DIR: SITES.fixture.domain, ATLAS_BASE: '/atlas/' });
    expect(res.status, res.stderr).toBe(0);
    expect(fs.existsSync(path.join(out, 'index.html'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'data-store.json'))).toBe(false);
    expect(fs.existsSync(path.join(out, 'settings.json'))).toBe(false);
  }, BUILD_TIMEOUT);

  it('refuses a broken atlas with file:line, exit 1, and leaves the existing output untouched', async () => {
    const domain = path.join(tempDir('bad'), 'domain');
    fs.cpSync(SITES.fixture.domain, domain, { recursive: true });
    fs.writeFileSync(path.join(domain, 'things', 'broken.yaml'), 'nodeKind: Thing\nid: thing:broken\nattributes:\n  displayName: "unterminated\n  x: [1, 2\n');
    const out = path.join(tempDir('bad-out'), 'dist');
    fs.mkdirSync(path.join(out, 'n'), { recursive: true });
    fs.writeFileSync(path.join(out, 'index.html'), '<p>previous build</p>');
    fs.writeFileSync(path.join(out, 'n', 'keep.json'), '{}');
    const before = snapshot(out);
    const res = await runBuild(['--out', out], { ATLAS_DOMAIN_DIR: domain });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/things\/broken\.yaml:\d+(:\d+)?\s+error yaml-syntax/);
    expect(res.stderr).toMatch(/left as it was/);
    expect(snapshot(out)).toEqual(before);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['dist']); // no temporary folder left behind
  }, BUILD_TIMEOUT);

  it('summarizes warnings instead of printing each one', async () => {
    const domain = path.join(tempDir('warn'), 'domain');
    fs.cpSync(SITES.fixture.domain, domain, { recursive: true });
    const docs = Array.from({ length: 60 }, (_, i) => `nodeKind: Thing\nid: thing:loose-${i}\nattributes:\n  displayName: Loose ${i}\nedges:\n  relates_to: thing:nowhere-${i}\n`);
    fs.writeFileSync(path.join(domain, 'things', 'loose.yaml'), docs.join('---\n'));
    const out = path.join(tempDir('warn-out'), 'dist');
    const res = await runBuild(['--out', out], { ATLAS_DOMAIN_DIR: domain });
    expect(res.status, res.stderr).toBe(0);
    const output = `${res.stdout}\n${res.stderr}`;
    expect(output).toMatch(/dangling-edge\s+61\s+warning/);
    expect(output).not.toContain('nowhere-59');
    expect(output.split('\n').length).toBeLessThan(40);
    expect(fs.existsSync(path.join(out, 'n/thing/loose-0/index.html'))).toBe(true);
  }, BUILD_TIMEOUT);

  it('fails with --fail-on warning on the fixture atlas, which has warnings, and names them', async () => {
    const out = path.join(tempDir('strict'), 'dist');
    const res = await runBuild(['--out', out, '--fail-on', 'warning'], { ATLAS_DOMAIN_DIR: SITES.fixture.domain, ATLAS_BASE: '/atlas/' });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/things\/hostile\.yaml:\d+(:\d+)?\s+warning dangling-edge/);
    expect(res.stderr).toMatch(/path-collision/);
    expect(fs.existsSync(out)).toBe(false);
  }, BUILD_TIMEOUT);

  it('builds the fixture atlas with the default --fail-on error (warnings only, no errors)', () => {
    const atlas = atlasOf('fixture');
    expect(atlas.stats.problemsBySeverity.error).toBe(0);
    expect(atlas.stats.problemsBySeverity.warning).toBeGreaterThan(0);
  });
});

/** Every file's path and content hash, plus folders, for "untouched" comparisons. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of listFiles(dir)) out[f] = crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex');
  return out;
}

/** Paths (`a.b.c`) of the leaves where two JSON values differ. */
function jsonDifferences(x: unknown, y: unknown, at = ''): string[] {
  if (x !== null && y !== null && typeof x === 'object' && typeof y === 'object' && Array.isArray(x) === Array.isArray(y)) {
    const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
    return [...keys].flatMap((k) => jsonDifferences((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], at ? `${at}.${k}` : k));
  }
  return JSON.stringify(x) === JSON.stringify(y) ? [] : [at || '(root)'];
}
