/**
 * `npm run bench`: the scale benchmark (issue 10). Never part of `npm test`.
 *
 * For each size (synthetic atlases of 1k, 10k, 50k records by default, plus the sample corpus
 * when ../shared is present), in fresh child processes: pipeline stage times, `check` wall and
 * peak RSS against the raw js-yaml parse floor, then the full site build against an empty-pages
 * Astro build, the output's size and page weights, and first-search bytes in Chromium.
 *
 *   npm run bench [-- --sizes 1000,10000] [--no-sample] [--no-build] [--seed N] [--repeat N]
 *                    [--build-repeat N] [--no-search] [--keep-dist] [--timeout-min N] [--heap-mb N] [--no-docs]
 *   npm run bench -- --from bench-out/latest.json    (rewrite docs/benchmarks.md and the tables from saved results)
 *
 * Writes bench-out/results-<timestamp>.json, bench-out/latest.json and docs/benchmarks.md (whose
 * hand-written part, after HAND_WRITTEN_MARKER, it keeps), and prints the tables on stdout.
 * Progress goes to stderr.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeFloorProject } from './bench/empty-floor';
import { DEFAULT_SEED, ensureAtlas } from './bench/generate-atlas';
import { median, npmScriptNodeFlags, pageTouchCostUs, runMeasured, stopRunningChildren, type RunResult } from './bench/measure';
import { benchmarksMarkdown, buildTable, bytes, handWrittenPart, machineText, ms, pipelineTable } from './bench/report';
import {
  RESULTS_VERSION,
  type BenchResults,
  type BuildSummary,
  type FloorSummary,
  type Machine,
  type ParseFloorSummary,
  type PipelineSummary,
  type Sample,
  type SizeResult,
  type Summary,
} from './bench/results';
import { measureFirstSearch } from './bench/search-bytes';
import { measureSite } from './bench/site-metrics';

const REPO = path.resolve(import.meta.dirname, '..');
const OUT = path.join(REPO, 'bench-out');
const SAMPLE_DIR = path.resolve(REPO, '../shared/corpora/a5c-atlas-sample');
/** A word every atlas here contains (the generator's prose, and the sample's workflows). */
const SEARCH_QUERY = 'release';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,50000' },
    'no-sample': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
    'no-docs': { type: 'boolean', default: false },
    'keep-dist': { type: 'boolean', default: false },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    repeat: { type: 'string', default: '3' },
    'build-repeat': { type: 'string', default: '1' },
    'timeout-min': { type: 'string', default: '120' },
    'heap-mb': { type: 'string', default: '8192' },
    from: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
if (values.help) {
  console.log(fs.readFileSync(import.meta.filename, 'utf8').split('*/')[0]!.replace(/^\/\*\*|^ \* ?/gm, ''));
  process.exit(0);
}
if (values.from) {
  const saved = JSON.parse(fs.readFileSync(path.resolve(values.from), 'utf8')) as BenchResults;
  if (!values['no-docs']) writeDocs(saved);
  process.stdout.write(tablesText(saved));
  process.exit(0);
}
const sizes = values.sizes
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)
  .map((s) => Number(s.replace(/k$/i, '000')));
if (sizes.some((n) => !Number.isInteger(n) || n < 20)) usage(`--sizes must be whole numbers ≥ 20 (got "${values.sizes}")`);
const seed = Number(values.seed);
const repeat = Number(values.repeat);
const buildRepeat = Number(values['build-repeat']);
const timeoutMs = Number(values['timeout-min']) * 60_000;
const heapMb = Number(values['heap-mb']);
if (!Number.isInteger(seed)) usage('--seed must be an integer');
if (!Number.isInteger(repeat) || repeat < 1) usage('--repeat must be a positive integer');
if (!Number.isInteger(buildRepeat) || buildRepeat < 1) usage('--build-repeat must be a positive integer');
if (!(timeoutMs > 0)) usage('--timeout-min must be a positive number');
const withSample = !values['no-sample'] && fs.existsSync(SAMPLE_DIR);
const withBuild = !values['no-build'];

/** Rewrites docs/benchmarks.md from `results`, keeping its hand-written part. */
function writeDocs(results: BenchResults): void {
  const file = path.join(REPO, 'docs/benchmarks.md');
  const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  fs.writeFileSync(file, benchmarksMarkdown(results, handWrittenPart(previous)));
}

function usage(message: string): never {
  console.error(`bench: ${message}\nUsage: npm run bench [-- --sizes 1000,10000] [--no-sample] [--no-build] [--seed N] [--repeat N]`);
  process.exit(2);
}

if (!Number.isInteger(heapMb) || heapMb < 512) usage('--heap-mb must be a whole number of MiB, at least 512');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopRunningChildren();
    console.error(`\nbench: interrupted; partial results (if any) are in bench-out/latest.json`);
    process.exit(130);
  });
}

const t0 = performance.now();
function log(message: string): void {
  const elapsed = ((performance.now() - t0) / 1000).toFixed(0).padStart(5);
  process.stderr.write(`[bench ${elapsed} s] ${message}\n`);
}

const notes: string[] = [];
if (!values['no-sample'] && !withSample) notes.push(`Sample corpus not found at ${SAMPLE_DIR}; skipped.`);

const startedAt = new Date();
const stamp = startedAt.toISOString().replace(/[:.]/g, '-').replace(/Z$/, '');
const logDir = path.join(OUT, 'logs', stamp);
fs.mkdirSync(logDir, { recursive: true });
const machineStart = machine();

const env = { ASTRO_TELEMETRY_DISABLED: '1', ATLAS_STRICT: '', ATLAS_BASE: '/', FORCE_COLOR: '0' };
const scripts = (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const nodeFlags = { check: npmScriptNodeFlags(scripts, 'check'), build: npmScriptNodeFlags(scripts, 'build') };
const run = (label: string, flags: readonly string[], args: string[], extra: { env?: NodeJS.ProcessEnv; okExitCodes?: number[] } = {}) =>
  runMeasured(args, {
    label,
    nodeFlags: flags,
    logDir,
    cwd: REPO,
    env: { ...env, ...extra.env },
    timeoutMs,
    maxOldSpaceMb: heapMb,
    okExitCodes: extra.okExitCodes,
    onHeartbeat: (elapsed, rss) => log(`${label}: still running after ${ms(elapsed)}, process tree RSS now ${bytes(rss)}`),
    heartbeatMs: 60_000,
  });

const targets: { label: string; source: 'synthetic' | 'sample'; records?: number }[] = [
  ...sizes.map((n) => ({ label: String(n), source: 'synthetic' as const, records: n })),
  ...(withSample ? [{ label: 'sample', source: 'sample' as const }] : []),
];
log(`sizes ${targets.map((t) => t.label).join(', ')}; ${repeat} run(s) per pipeline measurement; build ${withBuild ? 'on' : 'off'}; logs in ${path.relative(REPO, logDir)}/`);
if (machineStart.loadStart > machineStart.cores) log(`note: load average ${machineStart.loadStart.toFixed(2)} on ${machineStart.cores} cores — timings will be noisy`);

/**
 * Output trees are set aside during the run and deleted at its end. On a journal-less ext4 (this
 * machine's disk) the kernel will not reuse an inode freed less than 60 s ago, or 300 s ago while
 * its inode table block is unwritten (fs/ext4/ialloc.c, `recently_deleted`), and creating files
 * dirties those blocks again: for five minutes after a mass deletion every new file skips the
 * freed inodes one by one. A 10k build run in that window took a third longer, and the build
 * writes four times the floor's files, so it paid four times the penalty. The deletion's time is
 * kept in a marker file, and a run that starts within five minutes of one waits.
 */
const TRASH = path.join(OUT, 'trash');
const TRASH_EMPTIED = path.join(OUT, 'trash-emptied-at');
const INODE_REUSE_MS = 305_000;
function setAside(dir: string): void {
  if (!fs.existsSync(dir)) return;
  fs.mkdirSync(TRASH, { recursive: true });
  fs.renameSync(dir, path.join(TRASH, `${path.basename(dir)}-${Date.now()}`));
}
/** Deletes the set-aside trees, flushes the disk, and notes when. Returns how long it took. */
function emptyTrash(): number {
  const t0 = performance.now();
  fs.rmSync(TRASH, { recursive: true, force: true });
  try {
    execFileSync('sync', ['-f', OUT]);
  } catch {
    /* no coreutils sync (not Linux): the kernel writes back on its own schedule */
  }
  fs.writeFileSync(TRASH_EMPTIED, new Date().toISOString());
  return performance.now() - t0;
}
// The atlas bin compiles the CLI on its first run after a change (scripts/compiled-entry.mjs):
// compile it now, so no measured check pays for that.
execFileSync(process.execPath, ['scripts/atlas.mjs', 'codes'], { cwd: REPO, stdio: 'ignore' });
if (fs.existsSync(TRASH)) {
  emptyTrash();
  log("removed the previous run's output trees");
}
{
  const emptiedAt = fs.statSync(TRASH_EMPTIED, { throwIfNoEntry: false })?.mtimeMs;
  const waitMs = emptiedAt === undefined ? 0 : emptiedAt + INODE_REUSE_MS - Date.now();
  if (waitMs > 0) {
    log(`output trees were deleted ${ms(Date.now() - emptiedAt!)} ago; waiting ${ms(waitMs)} until the disk reuses their inodes`);
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
}

const results: SizeResult[] = [];
for (const target of targets) {
  results.push(await measureAtlas(target));
  writeResults(false);
}
writeResults(true);
log(`removed the output trees set aside during the run in ${ms(emptyTrash())}`);

// ---------------------------------------------------------------------------------------------

async function measureAtlas(target: { label: string; source: 'synthetic' | 'sample'; records?: number }): Promise<SizeResult> {
  let dir = SAMPLE_DIR;
  let generated: SizeResult['generated'];
  if (target.source === 'synthetic') {
    const g0 = performance.now();
    const atlas = ensureAtlas(path.join(OUT, 'atlases'), target.records!, seed);
    dir = atlas.dir;
    generated = { ...atlas.stats, reused: atlas.reused, generateMs: performance.now() - g0 };
    log(`${target.label}: atlas ${atlas.reused ? 'reused' : 'generated'} in ${path.relative(REPO, dir)}/ (${atlas.stats.files} files, ${bytes(atlas.stats.bytes)}, ${ms(generated.generateMs)})`);
  }

  // Pipeline, check and the raw-parse floor, interleaved so load changes hit all three alike.
  const samples = { parse: [] as Sample[], check: [] as Sample[], pipeline: [] as Sample[] };
  for (let i = 1; i <= repeat; i++) {
    samples.parse.push(sample(await run(`${target.label}-parse-${i}`, nodeFlags.check, ['scripts/bench/parse-floor-child.mjs', dir]), true));
    samples.check.push(
      sample(await run(`${target.label}-check-${i}`, nodeFlags.check, ['scripts/atlas.mjs', 'check', '--domain', dir, '--format', 'json'], { okExitCodes: [0, 1] }), false),
    );
    samples.pipeline.push(sample(await run(`${target.label}-pipeline-${i}`, nodeFlags.check, ['--import', 'tsx', 'scripts/bench/pipeline-child.ts', dir]), true));
    log(`${target.label}: run ${i}/${repeat}: parse floor ${ms(samples.parse.at(-1)!.wallMs)}, check ${ms(samples.check.at(-1)!.wallMs)}, pipeline ${ms(samples.pipeline.at(-1)!.wallMs)}`);
  }
  const parseFloor = parseSummary(samples.parse);
  const check = summarize(samples.check);
  const pipeline = pipelineSummary(samples.pipeline);
  const firstPipeline = samples.pipeline.find((s) => s.status === 'ok')?.output;
  const input: SizeResult['input'] = firstPipeline
    ? {
        files: firstPipeline.files as number,
        bytes: dirBytes(dir),
        documents: firstPipeline.documents as number,
        records: firstPipeline.records as number,
        edgesDeclared: firstPipeline.edgesDeclared as number,
        edges: firstPipeline.edges as number,
        pages: firstPipeline.pages as number,
        problemsByCode: firstPipeline.problemsByCode as Record<string, number>,
      }
    : null;
  if (!input) notes.push(`${target.label}: the pipeline child failed: ${samples.pipeline[0]?.error ?? 'no output'}`);
  const result: SizeResult = {
    label: target.label,
    source: target.source,
    dir,
    generated,
    input,
    pipeline,
    check,
    parseFloor,
    ratios: {
      checkToParse: check.ok && parseFloor.ok ? check.wallMs / parseFloor.wallMs : null,
      pipelineToParseInProcess: pipeline.ok && parseFloor.ok ? pipeline.inProcessMs / parseFloor.inProcessMs : null,
      buildToFloor: null,
      astroToFloorInProcess: null,
    },
  };
  if (!withBuild || !input) return result;

  // The site build. The sample corpus has an error-level problem (a YAML syntax error) that the
  // build would refuse; `--fail-on none` publishes what loads, and the run says so.
  const errorFiles = (firstPipeline?.errorFiles as string[] | undefined) ?? [];
  const failOn = errorFiles.length ? ['--fail-on', 'none'] : [];
  if (errorFiles.length) notes.push(`${target.label}: built with --fail-on none because of error-level problems in ${errorFiles.join(', ')} (those files' records are missing from the site).`);
  // Builds and floors take turns, `--build-repeat` times each; the tables show the median run of each.
  const builds: { summary: BuildSummary; dist: string; stderrFile: string }[] = [];
  const floors: FloorSummary[] = [];
  for (let i = 1; i <= buildRepeat; i++) {
    const tag = buildRepeat > 1 ? ` (run ${i}/${buildRepeat})` : '';
    const dist = path.join(OUT, `dist-${target.label}${buildRepeat > 1 ? `-${i}` : ''}`);
    const timingsFile = path.join(logDir, `${target.label}-build-${i}-timings.json`);
    log(`${target.label}: site build (${input.records.toLocaleString('en-US')} records)${tag}…`);
    const b = await run(`${target.label}-build-${i}`, nodeFlags.build, ['scripts/build.mjs', '--out', dist, '--quiet', ...failOn], {
      env: { ATLAS_DOMAIN_DIR: dir, ATLAS_BUILD_TIMINGS: timingsFile },
    });
    const refused = b.status === 'failed' && /Build refused/.test(fs.existsSync(b.stderrFile) ? fs.readFileSync(b.stderrFile, 'utf8').slice(-4000) : '');
    const build: BuildSummary = {
      status: refused ? 'refused' : b.status,
      wallMs: b.wallMs,
      maxRssBytes: b.maxRssBytes,
      treeRssBytes: b.treeRssBytes,
      treeCpuMs: b.treeCpuMs,
      treeMinorFaults: b.treeMinorFaults,
      cpuSplit: b.cpuSplit,
      timings: readJson(timingsFile) as BuildSummary['timings'],
    };
    if (build.status !== 'ok') {
      result.build = build;
      build.error = b.stderrTail.split('\n').slice(-8).join('\n');
      notes.push(
        refused
          ? `${target.label}: the site build refused the atlas (problems at "error" level, e.g. ${firstError(input.problemsByCode)}); no site figures for it. Build ÷ floor needs a buildable atlas.`
          : `${target.label}: the site build ended with status "${build.status}" after ${ms(b.wallMs)} (tree RSS ${bytes(b.treeRssBytes)}); see ${path.relative(REPO, b.stderrFile)}.`,
      );
      log(`${target.label}: site build ${build.status} after ${ms(b.wallMs)}`);
      return result;
    }
    log(`${target.label}: site build ${ms(b.wallMs)}${tag} (${Object.entries(build.timings?.phases ?? {}).map(([k, v]) => `${k} ${ms(v)}`).join(', ')}), RSS ${bytes(b.maxRssBytes)} / tree ${bytes(b.treeRssBytes)}`);
    if (builds.length) setAside(builds.at(-1)!.dist);
    builds.push({ summary: build, dist, stderrFile: b.stderrFile });

    // The empty-pages floor, same page count as records.
    const floorRoot = writeFloorProject(path.join(OUT, 'floor'));
    setAside(path.join(floorRoot, 'dist'));
    log(`${target.label}: empty-pages floor (${input.records.toLocaleString('en-US')} pages)${tag}…`);
    const f = await run(`${target.label}-floor-${i}`, nodeFlags.build, ['scripts/bench/floor-child.mjs', floorRoot], { env: { BENCH_FLOOR_PAGES: String(input.records) } });
    const floorOut = f.status === 'ok' ? (readJsonLine(f.stdoutFile) as { totalMs: number } | null) : null;
    floors.push({
      status: f.status,
      pages: input.records,
      wallMs: f.wallMs,
      inProcessMs: floorOut?.totalMs ?? null,
      maxRssBytes: f.maxRssBytes,
      treeRssBytes: f.treeRssBytes,
      treeCpuMs: f.treeCpuMs,
      treeMinorFaults: f.treeMinorFaults,
      cpuSplit: f.cpuSplit,
      ...(f.status === 'ok' ? {} : { error: `${f.stderrTail.split('\n').slice(-8).join('\n')} (see ${path.relative(REPO, f.stderrFile)})` }),
    });
    setAside(path.join(floorRoot, 'dist'));
    log(`${target.label}: floor ${ms(f.wallMs)}${tag}`);
  }
  const medianOf = <T extends { wallMs: number }>(runs: T[]): T => [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor((runs.length - 1) / 2)]!;
  const build: BuildSummary = { ...medianOf(builds.map((b) => b.summary)), runsMs: builds.map((b) => b.summary.wallMs) };
  const dist = builds.at(-1)!.dist;
  result.build = build;
  const okFloors = floors.filter((f) => f.status === 'ok');
  const floor: FloorSummary = okFloors.length ? { ...medianOf(okFloors), runsMs: okFloors.map((f) => f.wallMs) } : floors.at(-1)!;
  result.floor = floor;
  if (floor.status === 'ok') {
    result.ratios.buildToFloor = build.wallMs / floor.wallMs;
    const astro = build.timings?.phases.astro;
    if (astro && floor.inProcessMs) result.ratios.astroToFloorInProcess = astro / floor.inProcessMs;
  } else notes.push(`${target.label}: the empty-pages floor ended with status "${floor.status}": ${floor.error ?? ''}`);
  log(`${target.label}: build ${ms(build.wallMs)}, floor ${ms(floor.wallMs)}${buildRepeat > 1 ? ' (medians)' : ''} → build ÷ floor ${result.ratios.buildToFloor?.toFixed(2) ?? '–'}`);

  // What the output weighs.
  result.site = measureSite(dist);
  log(`${target.label}: dist ${bytes(result.site.distBytes)} in ${result.site.distFiles.toLocaleString('en-US')} files; record page median ${bytes(result.site.recordHtmlMedian)}, JS ${bytes(result.site.medianPage?.jsGzip)} gz`);
  if (!values['no-search']) {
    result.search = await measureFirstSearch(dist, SEARCH_QUERY);
    if (result.search.ok) log(`${target.label}: first search "${SEARCH_QUERY}": ${bytes(result.search.value.total.gzip)} gz in ${result.search.value.total.files} files (Pagefind ${bytes(result.search.value.pagefind.gzip)}), ${result.search.value.results ?? '?'} results shown`);
    else {
      notes.push(`${target.label}: first-search bytes skipped: ${result.search.reason}.`);
      log(`${target.label}: first search skipped: ${result.search.reason}`);
    }
  }
  if (!values['keep-dist']) setAside(dist);
  return result;
}

function tablesText(all: BenchResults): string {
  return [
    `\n## Pipeline, check and the raw-parse floor\n\n${pipelineTable(all.results)}\n`,
    `## Site build\n\n${buildTable(all.results)}\n`,
    `## Machine\n\n${machineText(all)}\n`,
    all.notes.length ? `## Notes\n\n${all.notes.map((n) => `- ${n}`).join('\n')}\n` : '',
  ].join('\n');
}

function sample(r: RunResult, json: boolean): Sample {
  const s: Sample = { status: r.status, wallMs: r.wallMs, maxRssBytes: r.maxRssBytes, treeRssBytes: r.treeRssBytes, treeMinorFaults: r.treeMinorFaults };
  if (json && r.status === 'ok') {
    const output = readJsonLine(r.stdoutFile);
    if (output) s.output = output as Record<string, unknown>;
  }
  if (r.status !== 'ok') s.error = r.stderrTail.split('\n').slice(-8).join('\n');
  else fs.rmSync(r.stdoutFile, { force: true });
  return s;
}

function summarize(samples: Sample[]): Summary {
  const ok = samples.filter((s) => s.status === 'ok');
  const nums = (get: (s: Sample) => number | null) => ok.map(get).filter((v): v is number => v !== null);
  const rss = nums((s) => s.maxRssBytes);
  const tree = nums((s) => s.treeRssBytes);
  const faults = nums((s) => s.treeMinorFaults ?? null);
  return {
    runs: samples.length,
    ok: ok.length,
    wallMs: median(nums((s) => s.wallMs)),
    wallMinMs: Math.min(...nums((s) => s.wallMs)),
    maxRssBytes: rss.length ? median(rss) : null,
    treeRssBytes: tree.length ? median(tree) : null,
    treeMinorFaults: faults.length ? median(faults) : null,
    samples,
  };
}

function pipelineSummary(samples: Sample[]): PipelineSummary {
  const base = summarize(samples);
  const outs = samples.filter((s) => s.status === 'ok' && s.output).map((s) => s.output as { totalMs: number; stages: Record<string, number> });
  const stages: PipelineSummary['stages'] = {};
  for (const stage of ['read', 'parse', 'normalize', 'dedupe', 'validate', 'index'] as const) {
    const v = outs.map((o) => o.stages[stage]).filter((x): x is number => typeof x === 'number');
    if (v.length) stages[stage] = median(v);
  }
  return { ...base, stages, inProcessMs: median(outs.map((o) => o.totalMs)) };
}

function parseSummary(samples: Sample[]): ParseFloorSummary {
  const base = summarize(samples);
  const outs = samples.filter((s) => s.status === 'ok' && s.output).map((s) => s.output as { totalMs: number; files: number; documents: number });
  return { ...base, inProcessMs: median(outs.map((o) => o.totalMs)), files: outs[0]?.files ?? 0, documents: outs[0]?.documents ?? 0 };
}

function firstError(byCode: Record<string, number>): string {
  const errors = ['yaml-syntax', 'file-unreadable', 'file-too-large', 'file-encoding', 'yaml-too-complex', 'document-invalid', 'missing-id', 'missing-node-kind', 'extension-target-missing'];
  const found = errors.filter((c) => byCode[c]).map((c) => `${byCode[c]}× ${c}`);
  return found.join(', ') || 'see the log';
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** The last line of a child's stdout that parses as JSON. */
function readJsonLine(file: string): unknown {
  try {
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    for (let i = lines.length - 1; i >= 0; i--) {
      try {
        return JSON.parse(lines[i]!);
      } catch {
        // Not JSON; keep looking.
      }
    }
  } catch {
    // No output.
  }
  return null;
}

/** Bytes of the files the pipeline reads: YAML under every top folder, Markdown under wiki/. */
function dirBytes(dir: string): number {
  let total = 0;
  const walk = (d: string, top: string | null) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
      const abs = path.join(d, entry.name);
      if (entry.isDirectory()) walk(abs, top ?? entry.name);
      else if (top !== null && (top === 'wiki' ? /\.md$/i : /\.ya?ml$/i).test(entry.name)) total += fs.statSync(abs).size;
    }
  };
  walk(dir, null);
  return total;
}

function machine(): Machine {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpuModel = m[1]!.trim();
  } catch {
    // Not Linux: os.cpus() it is.
  }
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // Not a git checkout.
  }
  const load = os.loadavg()[0]!;
  return {
    cpuModel,
    cores: os.cpus().length,
    memoryBytes: os.totalmem(),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadStart: load,
    loadEnd: load,
    commit,
    pageTouchUs: pageTouchCostUs(),
  };
}

/** Writes the JSON after every atlas (so a long run that dies still leaves numbers), and the docs at the end. */
function writeResults(final: boolean): void {
  const all: BenchResults = {
    version: RESULTS_VERSION,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    options: { sizes, sample: withSample, build: withBuild, seed, repeat, buildRepeat, search: !values['no-search'], heapMb, nodeFlags },
    machine: { ...machineStart, loadEnd: os.loadavg()[0]! },
    results,
    notes,
  };
  const json = `${JSON.stringify(all, null, 2)}\n`;
  fs.writeFileSync(path.join(OUT, `results-${stamp}.json`), json);
  fs.writeFileSync(path.join(OUT, 'latest.json'), json);
  if (!final) return;
  if (!values['no-docs']) writeDocs(all);
  process.stdout.write(tablesText(all));
  log(`done in ${ms(performance.now() - t0)}: ${path.relative(REPO, path.join(OUT, `results-${stamp}.json`))}, bench-out/latest.json${values['no-docs'] ? '' : ', docs/benchmarks.md'}`);
}
