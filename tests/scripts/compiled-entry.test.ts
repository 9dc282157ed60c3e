import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { importCompiled } from '../../scripts/compiled-entry.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE = path.join(REPO, 'node_modules', '.cache', 'atlas');
const name = `test-entry-${process.pid}`;
const dir = fs.mkdtempSync(path.join(REPO, 'node_modules', '.cache', 'compiled-entry-test-'));
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const f of fs.readdirSync(CACHE)) if (f.startsWith(name)) fs.rmSync(path.join(CACHE, f), { recursive: true });
});

/** Runs the compiled entry in a fresh process (this one caches the first import) and returns what it prints. */
const runFresh = (env: NodeJS.ProcessEnv = {}) =>
  spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `const { importCompiled } = await import(${JSON.stringify(path.join(REPO, 'scripts/compiled-entry.mjs'))}); await importCompiled(${JSON.stringify(path.relative(REPO, path.join(dir, 'entry.ts')))}, ${JSON.stringify(name)});`],
    { cwd: REPO, encoding: 'utf8', env: { ...process.env, ...env } },
  );

describe('the compiled entry (how the atlas bin runs the TypeScript CLI)', () => {
  it('compiles an entry and its imports once, and compiles again when a source changes', async () => {
    fs.writeFileSync(path.join(dir, 'dep.ts'), 'export const answer: number = 41;\n');
    fs.writeFileSync(path.join(dir, 'entry.ts'), "import { answer } from './dep';\nexport const value: number = answer + 1;\nconsole.log(`value ${value}`);\n");
    const mod = await importCompiled(path.relative(REPO, path.join(dir, 'entry.ts')), name);
    expect(mod.value).toBe(42);
    const bundle = path.join(CACHE, `${name}.mjs`);
    const { sources } = JSON.parse(fs.readFileSync(path.join(CACHE, `${name}.sources.json`), 'utf8'));
    expect(Object.keys(sources).map((f) => path.basename(f)).sort()).toEqual(['compiled-entry.mjs', 'dep.ts', 'entry.ts']);

    // Unchanged sources: the bundle is reused as it is.
    const compiledAt = fs.statSync(bundle).mtimeMs;
    expect(runFresh().stdout).toBe('value 42\n');
    expect(fs.statSync(bundle).mtimeMs).toBe(compiledAt);

    // An imported file changes: the next run compiles again and sees the change.
    fs.writeFileSync(path.join(dir, 'dep.ts'), 'export const answer: number = 99;\n');
    fs.utimesSync(path.join(dir, 'dep.ts'), new Date(), new Date(Date.now() + 5_000));
    expect(runFresh().stdout).toBe('value 100\n');
  });

  it('puts what the entry imports lazily, packages included, in a chunk loaded only when used', () => {
    fs.writeFileSync(path.join(dir, 'lazy.ts'), "import zlib from 'node:zlib';\nexport const crc = (s: string): number => zlib.crc32(s);\n");
    fs.writeFileSync(
      path.join(dir, 'entry.ts'),
      "if (process.env.USE_LAZY) {\n  const { crc } = await import('./lazy');\n  console.log(`crc ${crc('atlas')}`);\n} else console.log('eager only');\n",
    );
    fs.utimesSync(path.join(dir, 'entry.ts'), new Date(), new Date(Date.now() + 7_000));
    expect(runFresh().stdout).toBe('eager only\n');
    const bundle = fs.readFileSync(path.join(CACHE, `${name}.mjs`), 'utf8');
    expect(bundle).not.toContain('node:zlib');
    const chunks = fs.readdirSync(path.join(CACHE, `${name}-chunks`));
    expect(chunks.some((c) => fs.readFileSync(path.join(CACHE, `${name}-chunks`, c), 'utf8').includes('node:zlib'))).toBe(true);
    expect(runFresh({ USE_LAZY: '1' }).stdout).toMatch(/^crc \d+\n$/);

    // A chunk that has gone missing makes the bundle stale rather than broken.
    for (const c of chunks) fs.rmSync(path.join(CACHE, `${name}-chunks`, c));
    expect(runFresh({ USE_LAZY: '1' }).stdout).toMatch(/^crc \d+\n$/);
  });

  it('compiles the packages every command loads into the bundle, and leaves the others to node_modules', () => {
    fs.writeFileSync(
      path.join(dir, 'entry.ts'),
      "import yaml from 'js-yaml';\nimport { visit } from 'unist-util-visit';\nconsole.log(`${yaml.load('a: 1').a} ${typeof visit}`);\n",
    );
    fs.utimesSync(path.join(dir, 'entry.ts'), new Date(), new Date(Date.now() + 8_000));
    expect(runFresh().stdout).toBe('1 function\n');
    const compiled = [path.join(CACHE, `${name}.mjs`), ...fs.readdirSync(path.join(CACHE, `${name}-chunks`)).map((c) => path.join(CACHE, `${name}-chunks`, c))]
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    expect(compiled).not.toMatch(/from "js-yaml"/);
    expect(compiled).toMatch(/from "unist-util-visit"/);
    // js-yaml's own file is a source of the bundle, so updating the package recompiles it.
    const { sources } = JSON.parse(fs.readFileSync(path.join(CACHE, `${name}.sources.json`), 'utf8'));
    expect(Object.keys(sources).some((f) => f.startsWith('node_modules/js-yaml/'))).toBe(true);
  });

  it('reports a source that does not compile, with its file and line, and runs nothing', () => {
    fs.writeFileSync(path.join(dir, 'entry.ts'), "export const broken = ;\nconsole.log('ran');\n");
    fs.utimesSync(path.join(dir, 'entry.ts'), new Date(), new Date(Date.now() + 10_000));
    const r = runFresh();
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/entry\.ts:1:\d+/);
  });
});
