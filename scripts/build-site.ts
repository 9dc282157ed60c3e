/**
 * `npm run build`: check the atlas, render the site into a temporary folder, add the search
 * index and exports, then swap it into place. Any failure leaves the previous `dist/` untouched.
 *
 *   npm run build [-- --fail-on error|warning|none] [--out DIR]
 *
 * `--fail-on none` publishes whatever loads (the broken files' records are missing and the
 * integrity page lists why): for previews of an atlas that is known to be damaged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'astro';
import { formatProblemsText, formatSummaryText } from '../src/cli/report';
import { loadAtlas } from '../src/pipeline/load-atlas';
import { readRecentChanges } from '../src/pipeline/read-git-history';
import { atLeast } from '../src/pipeline/problems';
import { DomainNotFoundError } from '../src/pipeline/read-files';
import { siteConfig } from '../src/site/config';
import { BackgroundFileWriter } from '../src/build/file-writer';
import { buildSteps } from '../src/build/build-steps';

const { values } = parseArgs({
  options: { 'fail-on': { type: 'string', default: 'error' }, out: { type: 'string', default: 'dist' }, quiet: { type: 'boolean' } },
  strict: true,
});
const failOn = values['fail-on'];
if (failOn !== 'error' && failOn !== 'warning' && failOn !== 'none') {
  console.error(`--fail-on must be "error", "warning" or "none" (got "${failOn}")`);
  process.exit(2);
}
const outDir = path.resolve(values.out!);
const started = performance.now();
const phases: Record<string, number> = {};
const phase = async <T>(name: string, fn: () => Promise<T> | T): Promise<T> => {
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    phases[name] = Math.round(performance.now() - t0);
  }
};

// 1. The pipeline, once: Astro's pages get this same result through the memoized accessor.
let atlas;
try {
  atlas = await phase('pipeline', () => loadAtlas(siteConfig.domainDir, { strict: siteConfig.strict }));
} catch (err) {
  if (err instanceof DomainNotFoundError) {
    console.error(`Atlas folder not found: ${err.root}\nSet ATLAS_DOMAIN_DIR to the folder that holds the atlas.`);
    process.exit(2);
  }
  throw err;
}
// The home page's recent changes come from git, in a process of its own: start it now, so the
// answer is waiting when the page renders.
void readRecentChanges(atlas.root);
const blocking = failOn === 'none' ? [] : atlas.problems.filter((p) => atLeast(p.severity, failOn));
const errors = atlas.stats.problemsBySeverity.error;
if (failOn === 'none' && errors > 0) console.warn(`Publishing despite ${errors} error(s) (--fail-on none); see the integrity page.`);
process.stdout.write(formatSummaryText(atlas));
if (blocking.length) {
  process.stderr.write(formatProblemsText(blocking, { root: atlas.root, cwd: process.cwd(), includeInfo: false }));
  console.error(`\nBuild refused: ${blocking.length} problem(s) at or above "${failOn}". ${fs.existsSync(outDir) ? `${path.relative(process.cwd(), outDir)}/ was left as it was.` : ''}`);
  process.exit(1);
}

/**
 * When the output folder lies outside the working directory, Astro writes the build's server
 * chunks to `<cwd>/.astro/`, shared by every such build: two at once (parallel test files,
 * several builds into /tmp) overwrite each other's chunks and fail. Those builds take turns,
 * holding a lock folder (mkdir is atomic) that names its owner so a crashed build's lock is freed.
 * Astro then copies that whole folder into the output and deletes it, so each such build starts
 * it empty: whatever an earlier `astro dev` left there (its data store, its settings) would
 * otherwise be published with the site.
 */
async function takingTurns<T>(fn: () => Promise<T>): Promise<T> {
  if (tmpDir.startsWith(process.cwd() + path.sep)) return fn();
  const lock = path.join(process.cwd(), '.dist-lock');
  let waited = 0;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let owner = NaN;
      try {
        owner = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {
        /* just created: the owner is writing its pid */
      }
      const orphaned = owner ? !alive(owner) : Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 60_000;
      if (orphaned) fs.rmSync(lock, { recursive: true, force: true });
      else {
        if (!waited++) console.error(`Waiting for another build of this project (pid ${owner || '?'}) to finish rendering…`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }
  try {
    fs.rmSync(path.join(process.cwd(), '.astro'), { recursive: true, force: true });
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// 2. Render into a fresh temporary folder beside the output. Steps that need only the data (the
//    search index, the records' data files, the workspace file, the vendored libraries) start
//    first and run alongside (src/build/build-steps.ts).
const tmpDir = `${path.join(path.dirname(outDir), `.dist-tmp-${process.pid}`)}`;
fs.rmSync(tmpDir, { recursive: true, force: true });
process.env.ATLAS_OUT_DIR = tmpDir;
// Tells astro.config.mjs that this script runs the build: the pages import the pipeline and site
// modules it has loaded, and Astro leaves the fresh output folder that the steps' `prepare` writes into.
process.env.ATLAS_SITE_BUILD = '1';
const context = { atlas, outDir: tmpDir, files: new BackgroundFileWriter() };
try {
  await phase('prepare', () => {
    for (const step of buildSteps) step.prepare?.(context);
  });
  await phase('astro', () =>
    takingTurns(() =>
      build({ root: path.resolve(import.meta.dirname, '..'), outDir: tmpDir, logLevel: values.quiet ? 'error' : 'warn', telemetry: false } as Parameters<typeof build>[0]),
    ),
  );
  // Astro's content layer leaves two empty server modules in a static build's output; nothing loads them.
  for (const f of ['content-assets.mjs', 'content-modules.mjs']) fs.rmSync(path.join(tmpDir, f), { force: true });
  // 3. What is left after the render: the exports, the wait for the search index, the writer's last files.
  for (const step of buildSteps) if (step.run) await phase(step.name, () => step.run!(context));
  await phase('files', () => context.files.close());
} catch (err) {
  await Promise.all(buildSteps.map((step) => step.abort?.(context)));
  await context.files.close().catch(() => {});
  fs.rmSync(tmpDir, { recursive: true, force: true });
  console.error(`\nBuild failed; ${path.relative(process.cwd(), outDir)}/ was left as it was.`);
  throw err;
}

// 4. Swap: the old output disappears only once the new one is complete.
const oldDir = `${outDir}.old-${process.pid}`;
if (fs.existsSync(outDir)) fs.renameSync(outDir, oldDir);
fs.renameSync(tmpDir, outDir);
fs.rmSync(oldDir, { recursive: true, force: true });

const total = Math.round(performance.now() - started);
const timing = Object.entries(phases)
  .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
  .join(', ');
console.log(`\nBuilt ${atlas.stats.records.toLocaleString('en-US')} records into ${path.relative(process.cwd(), outDir) || '.'}/ in ${(total / 1000).toFixed(1)} s (${timing}).`);
if (process.env.ATLAS_BUILD_TIMINGS) fs.writeFileSync(process.env.ATLAS_BUILD_TIMINGS, JSON.stringify({ total, phases }, null, 2));
