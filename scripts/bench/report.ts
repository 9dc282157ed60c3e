/**
 * Turns benchmark results into Markdown: the tables (printed on stdout and written to
 * docs/benchmarks.md), the machine, and an analysis computed from the numbers (growth between
 * sizes, per-record costs, the dominant phase, the knee, the issue's targets).
 */
import type { StageName } from '../../src/pipeline/load-atlas';
import type { BenchResults, SizeResult } from './results';
import type { CpuSplit } from './measure';

const STAGES: StageName[] = ['read', 'parse', 'normalize', 'dedupe', 'validate', 'index'];

export function ms(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  if (v < 1000) return `${Math.round(v)} ms`;
  if (v < 100_000) return `${(v / 1000).toFixed(1)} s`;
  return `${Math.round(v / 1000)} s`;
}

export function bytes(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  if (v < 1024) return `${Math.round(v)} B`;
  if (v < 1024 * 1024) return `${(v / 1024).toFixed(1)} KiB`;
  if (v < 1024 ** 3) return `${(v / 1024 / 1024).toFixed(v < 100 * 1024 * 1024 ? 1 : 0)} MiB`;
  return `${(v / 1024 ** 3).toFixed(2)} GiB`;
}

function ratio(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '–' : `${v.toFixed(2)}×`;
}

function count(v: number | null | undefined): string {
  return v === null || v === undefined ? '–' : v.toLocaleString('en-US');
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function statusNote(status: string | undefined): string {
  return status && status !== 'ok' ? ` (${status})` : '';
}

/** Pipeline, `check` and the raw-parse floor, one row per atlas. */
export function pipelineTable(results: readonly SizeResult[]): string {
  return table(
    ['Atlas', 'Records', 'Files', 'YAML', ...STAGES, 'Pipeline', 'check wall', 'check RSS', 'Parse floor wall', 'Floor RSS', 'check ÷ floor', 'In-process ÷ floor'],
    results.map((r) => [
      r.label,
      count(r.input?.records),
      count(r.input?.files),
      bytes(r.input?.bytes),
      ...STAGES.map((s) => ms(r.pipeline.stages[s])),
      ms(r.pipeline.inProcessMs),
      ms(r.check.wallMs) + statusNote(r.check.ok < r.check.runs ? `${r.check.runs - r.check.ok} failed` : 'ok'),
      bytes(r.check.maxRssBytes),
      ms(r.parseFloor.wallMs),
      bytes(r.parseFloor.maxRssBytes),
      ratio(r.ratios.checkToParse),
      ratio(r.ratios.pipelineToParseInProcess),
    ]),
  );
}

/** ` (median of 31.2 s, 33.0 s, 40.1 s)` for a repeated measurement. */
function runsNote(runs: readonly number[] | undefined): string {
  return runs && runs.length > 1 ? ` (median of ${[...runs].sort((a, b) => a - b).map(ms).join(', ')})` : '';
}

/**
 * ` (pairs: 3.63×, 3.47×, 3.44×)`: each build over the floor run that followed it. The machine's
 * speed drifts between pairs, and a pair shares most of the drift, so the spread shows how much
 * of the median ratio is the machine.
 */
function pairsNote(r: SizeResult): string {
  const pairs = pairValues(r);
  return pairs.length ? ` (pairs: ${pairs.map(ratio).join(', ')})` : '';
}

/** Each build's wall time over its floor's, in run order; empty unless both ran the same number of times. */
function pairValues(r: SizeResult): number[] {
  const builds = r.build?.runsMs;
  const floors = r.floor?.runsMs;
  if (!builds || !floors || builds.length < 2 || builds.length !== floors.length) return [];
  return builds.map((b, i) => b / floors[i]!);
}

/** A floor whose slowest run took this many times its fastest: the machine changed speed mid-run. */
const FLOOR_SPREAD_WARNING = 1.5;

/**
 * The build target's verdict. A median under 3× is only called met when every pair is too: the
 * machine's speed drifts, a slow phase hurts the small floor more than the build, and a single
 * slow floor run can pull the median ratio under the line on its own.
 */
function buildTargetText(r: SizeResult): string {
  const median = r.ratios.buildToFloor!;
  const pairs = pairValues(r);
  const over = pairs.filter((p) => p > 3).length;
  const verdict = median > 3 ? 'not met' : over ? 'met by the median only' : 'met';
  const overText = verdict === 'met by the median only' ? `, ${over} of ${pairs.length} above 3×` : '';
  const pairsText = pairs.length ? `; pairs ${pairs.map(ratio).join(', ')}${overText}` : '';
  const floors = r.floor?.runsMs ?? [];
  const [fastest, slowest] = [Math.min(...floors), Math.max(...floors)];
  const warning =
    floors.length > 1 && slowest > FLOOR_SPREAD_WARNING * fastest
      ? ` The floor's runs took ${ms(fastest)} to ${ms(slowest)}: the machine changed speed during the run, and a slow floor flatters the ratio.`
      : '';
  return `**${verdict}** (${ratio(median)}${pairsText}).${warning}`;
}

/**
 * `main thread 14.0 s / 4.6 s, plus 4.1 s / 500 ms waiting for a core; …`: where a run's CPU
 * went. The main thread renders every page, so its CPU time plus its wait for a core is the floor
 * under the build's wall time that no other thread can shorten.
 */
export function cpuSplitText(build: CpuSplit, floor: CpuSplit): string {
  return [
    `main thread ${ms(build.mainThreadMs)} / ${ms(floor.mainThreadMs)}, plus ${ms(build.mainThreadWaitMs)} / ${ms(floor.mainThreadWaitMs)} waiting for a core`,
    `other threads (V8's compiler and garbage collector, file I/O) ${ms(build.otherThreadsMs)} / ${ms(floor.otherThreadsMs)}`,
    `child processes (Pagefind, esbuild, git) ${ms(build.childProcessesMs)} / ${ms(floor.childProcessesMs)}`,
  ].join('; ');
}

/** The CPU time `faults` fresh pages cost at `freshPageUs` each. */
function faultsCpu(faults: number, freshPageUs: number): string {
  return ms((faults * freshPageUs) / 1000);
}

/**
 * ` Page faults (fresh 4 KiB pages, the whole tree): 633,000 / 133,000 (4.76×), about 10.1 s /
 * 2.1 s of CPU at 16.0 µs a page.`: how much new memory each tree touched, and what that cost.
 */
function faultsText(build: { treeMinorFaults?: number | null }, floor: { treeMinorFaults?: number | null }, freshPageUs: number | undefined): string {
  const b = build.treeMinorFaults;
  const f = floor.treeMinorFaults;
  if (!b || !f) return '';
  const cost = freshPageUs ? `, about ${faultsCpu(b, freshPageUs)} / ${faultsCpu(f, freshPageUs)} of CPU at ${freshPageUs.toFixed(1)} µs a page` : '';
  return ` Page faults (fresh 4 KiB pages, the whole tree): ${count(b)} / ${count(f)} (${ratio(b / f)})${cost}.`;
}

/** `46.2 s / 9.1 s (5.08×)`: CPU time of the build's and the floor's process trees. */
function cpuCell(r: SizeResult): string {
  const build = r.build?.treeCpuMs;
  const floor = r.floor?.treeCpuMs;
  if (!build) return '–';
  return floor ? `${ms(build)} / ${ms(floor)} (${ratio(build / floor)})` : ms(build);
}

/** Site build, its floor and the output, one row per atlas that was built. */
export function buildTable(results: readonly SizeResult[]): string {
  const built = results.filter((r) => r.build);
  if (!built.length) return '_No site builds in this run (`--no-build`)._';
  return table(
    ['Atlas', 'Build wall', 'Build RSS (node / tree)', 'Phases', 'Empty-pages floor', 'Build ÷ floor', 'CPU time: build / floor', 'dist', 'Files', 'Record HTML median / p95 / max', 'Record page JS (gz)', 'First search (gz)'],
    built.map((r) => {
      const b = r.build!;
      const phases = b.timings ? Object.entries(b.timings.phases).map(([k, v]) => `${k} ${ms(v)}`).join(', ') : '–';
      const search = r.search?.ok ? `${bytes(r.search.value.total.gzip)} (Pagefind ${bytes(r.search.value.pagefind.gzip)})` : r.search ? 'skipped' : '–';
      return [
        r.label,
        ms(b.wallMs) + statusNote(b.status) + runsNote(b.runsMs),
        `${bytes(b.maxRssBytes)} / ${bytes(b.treeRssBytes)}`,
        phases,
        r.floor ? `${ms(r.floor.wallMs)}${statusNote(r.floor.status)}${runsNote(r.floor.runsMs)}` : '–',
        ratio(r.ratios.buildToFloor) + pairsNote(r),
        cpuCell(r),
        bytes(r.site?.distBytes),
        count(r.site?.distFiles),
        r.site ? `${bytes(r.site.recordHtmlMedian)} / ${bytes(r.site.recordHtmlP95)} / ${bytes(r.site.recordHtmlMax)}` : '–',
        r.site?.medianPage ? `${bytes(r.site.medianPage.jsGzip)} (${r.site.medianPage.jsFiles} files)` : '–',
        search,
      ];
    }),
  );
}

export function machineText(results: BenchResults): string {
  const m = results.machine;
  const noisy = Math.max(m.loadStart, m.loadEnd) > m.cores;
  return [
    `- CPU: ${m.cpuModel}, ${m.cores} cores; memory ${bytes(m.memoryBytes)}; Node ${m.node}; ${m.os}`,
    `- Load average (1 min) at start / end: ${m.loadStart.toFixed(2)} / ${m.loadEnd.toFixed(2)}${noisy ? ' — above the core count, so other work shared the machine and absolute timings are noisy; the ratios, measured in the same run, hold up better' : ''}`,
    `- Commit: ${m.commit ?? 'unknown'}; run ${results.startedAt} → ${results.finishedAt}`,
    ...(m.pageTouchUs ? [`- Memory: touching a 4 KiB page the first time (a page fault) took ${m.pageTouchUs.fresh.toFixed(1)} µs of CPU, and ${m.pageTouchUs.again.toFixed(2)} µs again (a run's page faults, times the first figure, is what new memory cost it)`] : []),
    `- Options: sizes ${results.options.sizes.join(', ') || 'none'}${results.options.sample ? ' + sample corpus' : ''}, seed ${results.options.seed}, ${results.options.repeat} run(s) per pipeline measurement (medians), site build ${results.options.build ? `on, ${results.options.buildRepeat ?? 1} run(s) of it and of its floor, taking turns (medians)` : 'off'}`,
    // Runs before the 13th session gave every process `--max-semi-space-size=64` and kept no record of it.
    `- Node flags (from the npm scripts): ${nodeFlagsText(results.options.nodeFlags ?? { check: ['--max-semi-space-size=64'], build: ['--max-semi-space-size=64'] })}`,
  ].join('\n');
}

function nodeFlagsText(flags: { check: readonly string[]; build: readonly string[] }): string {
  const list = (f: readonly string[]) => (f.length ? f.map((x) => `\`${x}\``).join(' ') : 'none');
  return `\`check\` and the parse floor ${list(flags.check)}; the build and the empty-pages floor ${list(flags.build)}`;
}

/** Growth exponent k in cost ∝ records^k between two sizes. */
function exponent(n1: number, v1: number, n2: number, v2: number): number {
  return Math.log(v2 / v1) / Math.log(n2 / n1);
}

function shape(k: number): string {
  if (k < 0.85) return 'sub-linear (fixed costs still dominate)';
  if (k <= 1.15) return 'about linear';
  if (k <= 1.4) return 'somewhat super-linear';
  return 'clearly super-linear';
}

/** The analysis paragraphs, computed from the numbers. */
export function analysisText(results: BenchResults): string {
  const out: string[] = [];
  const synthetic = results.results.filter((r) => r.source === 'synthetic' && r.input).sort((a, b) => a.input!.records - b.input!.records);
  const metrics: { name: string; get: (r: SizeResult) => number | null | undefined }[] = [
    { name: 'pipeline (in-process)', get: (r) => r.pipeline.inProcessMs },
    { name: '`check` wall', get: (r) => r.check.wallMs },
    { name: 'raw parse floor wall', get: (r) => r.parseFloor.wallMs },
    { name: '`check` peak RSS', get: (r) => r.check.maxRssBytes },
    { name: 'site build wall', get: (r) => (r.build?.status === 'ok' ? r.build.wallMs : null) },
    { name: 'Astro render phase', get: (r) => (r.build?.status === 'ok' ? r.build.timings?.phases.astro : null) },
    { name: 'empty-pages floor wall', get: (r) => (r.floor?.status === 'ok' ? r.floor.wallMs : null) },
    { name: 'site build peak RSS (tree)', get: (r) => (r.build?.status === 'ok' ? r.build.treeRssBytes : null) },
    { name: '`dist/` size', get: (r) => r.site?.distBytes },
  ];

  /** Consecutive synthetic sizes where the metric was measured at both. */
  const sizeSteps = (metric: (typeof metrics)[number]) =>
    synthetic.slice(1).flatMap((b, i) => {
      const a = synthetic[i]!;
      const va = metric.get(a);
      const vb = metric.get(b);
      return va && vb ? [{ a, b, va, vb }] : [];
    });

  if (synthetic.length >= 2) {
    out.push('**Growth.** For each step between synthetic sizes, the cost ratio against the record ratio, and the exponent k in cost ∝ records^k:', '');
    for (const metric of metrics) {
      const steps = sizeSteps(metric).map(({ a, b, va, vb }) => {
        const k = exponent(a.input!.records, va, b.input!.records, vb);
        return `${a.label}→${b.label}: ×${(vb / va).toFixed(1)} for ×${(b.input!.records / a.input!.records).toFixed(0)} records (k = ${k.toFixed(2)}, ${shape(k)})`;
      });
      if (steps.length) out.push(`- ${metric.name}: ${steps.join('; ')}`);
    }
    out.push('');

    // The knee: where the marginal cost per added record jumps.
    const knees: string[] = [];
    for (const metric of metrics.slice(0, 2).concat(metrics[4]!, metrics[5]!)) {
      const marginal = sizeSteps(metric).map(({ a, b, va, vb }) => ({ from: a.label, to: b.label, perRecord: (vb - va) / (b.input!.records - a.input!.records) }));
      for (let i = 1; i < marginal.length; i++) {
        if (marginal[i - 1]!.perRecord > 0 && marginal[i]!.perRecord > 1.5 * marginal[i - 1]!.perRecord) {
          knees.push(`${metric.name}: each added record costs ${(marginal[i]!.perRecord / marginal[i - 1]!.perRecord).toFixed(1)}× more between ${marginal[i]!.from} and ${marginal[i]!.to} than between ${marginal[i - 1]!.from} and ${marginal[i - 1]!.to}`);
        }
      }
    }
    out.push(knees.length ? `**Knee.** ${knees.join('; ')}.` : '**Knee.** None measured: the marginal cost per added record does not jump by more than 1.5× between consecutive sizes for the pipeline, `check` or the build.', '');
  } else {
    out.push('**Growth.** Only one synthetic size in this run, so no growth ratios; run `npm run bench` (1k, 10k, 50k) for them.', '');
  }

  const largest = synthetic[synthetic.length - 1];
  const perRecord: string[] = [];
  for (const r of synthetic) {
    const n = r.input!.records;
    const parts = [`pipeline ${((r.pipeline.inProcessMs * 1000) / n).toFixed(0)} µs/record`];
    if (r.build?.status === 'ok') parts.push(`build ${(r.build.wallMs / n).toFixed(1)} ms/record`);
    if (r.build?.timings?.phases.astro && r.site) parts.push(`Astro ${(r.build.timings.phases.astro / r.site.distFiles).toFixed(1)} ms per output file`);
    perRecord.push(`${r.label}: ${parts.join(', ')}`);
  }
  if (perRecord.length) out.push(`**Per-record cost.** ${perRecord.join('; ')}.`, '');
  const builtOk = synthetic.filter((r) => r.build?.status === 'ok');
  if (builtOk.length >= 2) {
    const a = builtOk[builtOk.length - 2]!;
    const b = builtOk[builtOk.length - 1]!;
    const slope = (b.build!.wallMs - a.build!.wallMs) / (b.input!.records - a.input!.records);
    const fixed = a.build!.wallMs - slope * a.input!.records;
    out.push(
      `**Fixed vs. per-record build cost.** Between ${a.label} and ${b.label} each added record costs ${slope.toFixed(1)} ms of build time; the line through both points implies about ${ms(Math.max(0, fixed))} of fixed cost (start-up, Vite's server bundle, the site-wide pages), which is why small atlases sit far above the empty-pages floor.`,
      '',
    );
  }

  if (largest) {
    const stages = Object.entries(largest.pipeline.stages).sort((a, b) => b[1] - a[1]);
    const total = stages.reduce((s, [, v]) => s + v, 0);
    if (stages.length && total > 0) {
      out.push(`**Dominant pipeline stage** at ${largest.label}: ${stages[0]![0]} (${Math.round((100 * stages[0]![1]) / total)} % of the pipeline), then ${stages[1]?.[0] ?? '–'} (${Math.round((100 * (stages[1]?.[1] ?? 0)) / total)} %).`, '');
    }
    const phases = largest.build?.timings ? Object.entries(largest.build.timings.phases).sort((a, b) => b[1] - a[1]) : [];
    if (phases.length) {
      const sum = largest.build!.timings!.total;
      const shown = phases.filter(([, v]) => v / sum >= 0.01);
      out.push(`**Dominant build phase** at ${largest.label}: ${shown.map(([k, v]) => `${k} ${Math.round((100 * v) / sum)} %`).join(', ')} of ${ms(sum)}${shown.length < phases.length ? ' (the other phases under 1 % each)' : ''}.`, '');
    }
  }

  // CPU: on a machine with few cores the build's CPU time bounds its wall time from below.
  const withCpu = results.results.filter((r) => r.build?.status === 'ok' && r.build.treeCpuMs && r.floor?.treeCpuMs);
  if (withCpu.length) {
    const cores = results.machine.cores;
    const lines = withCpu.map((r) => {
      const b = r.build!;
      const f = r.floor!;
      const bound = b.treeCpuMs! / cores;
      const split = b.cpuSplit && f.cpuSplit ? ` Split (build / floor): ${cpuSplitText(b.cpuSplit, f.cpuSplit)}.` : '';
      return `- ${r.label}: the build used ${ms(b.treeCpuMs!)} of CPU in ${ms(b.wallMs)} (${(b.treeCpuMs! / b.wallMs).toFixed(1)} cores busy on average), the floor ${ms(f.treeCpuMs!)} in ${ms(f.wallMs)} (${(f.treeCpuMs! / f.wallMs).toFixed(1)}); CPU ratio ${ratio(b.treeCpuMs! / f.treeCpuMs!)}. On ${cores} cores the build cannot take less than ${ms(bound)}, ${ratio(bound / f.wallMs)} the floor's wall time.${split}${faultsText(b, f, results.machine.pageTouchUs?.fresh)}`;
    });
    out.push(`**CPU time** (user + system, the whole process tree: Node's threads, Pagefind's binary, esbuild):`, '', ...lines, '');
  }

  // Fresh memory: what `check` touches beyond its floor, where a page fault is dear.
  const faulted = results.results.filter((r) => r.check.treeMinorFaults && r.parseFloor.treeMinorFaults);
  if (faulted.length) {
    const us = results.machine.pageTouchUs?.fresh;
    const cost = (n: number) => (us ? ` (${faultsCpu(n, us)})` : '');
    const rows = faulted.map((r) => `${r.label} ${count(r.check.treeMinorFaults)}${cost(r.check.treeMinorFaults!)} / ${count(r.parseFloor.treeMinorFaults)}${cost(r.parseFloor.treeMinorFaults!)}`);
    out.push(`**Page faults** of \`check\` / the parse floor (fresh 4 KiB pages${us ? `, and their CPU time at ${us.toFixed(1)} µs a page` : ''}): ${rows.join('; ')}.`, '');
  }

  // The issue's targets.
  const targets: string[] = [];
  const measured = results.results.filter((r) => r.ratios.checkToParse !== null);
  if (measured.length) {
    const worst = measured.reduce((a, b) => (b.ratios.checkToParse! > a.ratios.checkToParse! ? b : a));
    const pass = measured.every((r) => r.ratios.checkToParse! <= 3);
    targets.push(`- \`check\` within 3× the raw parse floor at every size: **${pass ? 'met' : 'not met'}** (worst ${ratio(worst.ratios.checkToParse)} at ${worst.label}).`);
  }
  const tenK = results.results.find((r) => r.label === '10000');
  if (tenK?.ratios.buildToFloor) targets.push(`- Site build within 3× the empty-pages floor at 10k: ${buildTargetText(tenK)}`);
  else targets.push('- Site build within 3× the empty-pages floor at 10k: not measured in this run.');
  const fiftyK = results.results.find((r) => r.label === '50000');
  if (fiftyK?.build) targets.push(`- 50k build completes: **${fiftyK.build.status === 'ok' ? 'yes' : `no (${fiftyK.build.status})`}**${fiftyK.build.treeRssBytes ? `, peak RSS ${bytes(fiftyK.build.treeRssBytes)} for the whole process tree` : ''}.`);
  else targets.push('- 50k build completes: not measured in this run.');
  out.push('**Targets (issue 10).**', '', ...targets);
  return out.join('\n');
}

/** Peak memory per atlas and what it means for a 24 GB machine. */
export function memoryText(results: BenchResults): string {
  const heap = results.options.heapMb ?? 8192;
  const rows = results.results.map((r) => [
    r.label,
    bytes(r.check.maxRssBytes),
    r.build ? `${bytes(r.build.maxRssBytes)} / ${bytes(r.build.treeRssBytes)}${statusNote(r.build.status)}` : '–',
    r.floor ? bytes(r.floor.treeRssBytes) : '–',
  ]);
  const lines = [
    table(['Atlas', '`check` peak RSS', 'Build peak RSS (node / tree)', 'Empty-pages floor peak RSS'], rows),
    '',
    `Children run with \`--max-old-space-size=${heap}\` (V8 heap limit ${bytes(heap * 1024 * 1024)}; the machine has ${bytes(results.machine.memoryBytes)}). The build holds the pipeline result for the whole atlas while Astro renders every page, with \`build.concurrency: 16\` (astro.config.mjs), so up to sixteen pages are in flight while others wait on the disk; Pagefind indexes in its own process, counted in the tree RSS. A build that runs out of memory is recorded as \`oom\`, with the tree RSS it reached.`,
  ];
  const built = results.results.filter((r) => r.source === 'synthetic' && r.build?.status === 'ok' && r.build.treeRssBytes && r.input).sort((a, b) => a.input!.records - b.input!.records);
  if (built.length >= 2) {
    const a = built[built.length - 2]!;
    const b = built[built.length - 1]!;
    const perRecord = (b.build!.treeRssBytes! - a.build!.treeRssBytes!) / (b.input!.records - a.input!.records);
    const at = (n: number) => b.build!.treeRssBytes! + perRecord * (n - b.input!.records);
    lines.push(
      '',
      `Between ${a.label} and ${b.label} the build's peak grows by ${bytes(perRecord * 1000)} per 1,000 records; on that line 100,000 records would need about ${bytes(at(100_000))} and the heap limit would be reached near ${Math.round((heap * 1024 * 1024 - b.build!.treeRssBytes!) / Math.max(perRecord, 1) + b.input!.records).toLocaleString('en-US')} records (a rough linear extrapolation of the whole tree, which overstates the heap).`,
    );
  }
  return lines.join('\n');
}

const METHOD = `## How it is measured

- **Atlases.** \`scripts/bench/generate-atlas.ts\` writes a deterministic synthetic atlas per size
  (seeded mulberry32): 15 node kinds in 5 clusters plus wiki pages, declared in a generated
  \`schema/\`; multi-document files of 5–20 documents, a few \`kind: NodeDocument\` bundles,
  extension and patch documents; about 2 outgoing edges per record with Zipf-like target choice
  (a few hubs with hundreds to thousands of incoming edges); duplicate definitions for 4.9 % of
  ids and repeated edge declarations for about 2 % of declarations (the real atlas's rates), a few
  dangling targets, 15 % of edges as objects with confidence and evidence, descriptions with the
  sample's length distribution (median 211 characters, 90th percentile 649) and Markdown rate (20 %
  of descriptions over 600 characters, 1.5 % of the rest), and wiki pages for 1 % of records.
  (Generator version 1, used for the figures before 2026-11-25 17:00, gave every record a
  200–1,500 character Markdown description: 26× the real atlas's Markdown.) Atlases are cached in
  \`bench-out/atlases/<size>/\` and reused while the generator version and seed match. The sample
  corpus (\`../shared/corpora/a5c-atlas-sample\`) is measured as it is, when present; its site is
  built with \`--fail-on none\`, since one of its files has a YAML syntax error that the build would otherwise refuse.
- **Fresh processes.** Every measurement is a new \`node --max-old-space-size=8192 …\`
  process with the Node flags of its command's npm script (listed under "Machine"), and each
  floor gets its command's flags, so a ratio compares like with like. The floors are
  plain JavaScript; \`check\` runs the \`atlas\` bin's compiled CLI (compiled before the first
  measurement), the build \`scripts/build.mjs\`, the in-process stage timer tsx. Wall time is spawn to exit (start-up included, the same for the floor); peak RSS of the
  node process comes from \`process.resourceUsage().maxRSS\` written on exit by a preloaded module;
  "tree" RSS is the peak of the summed RSS of the process and its children (Pagefind's binary),
  sampled from /proc every 100 ms. **CPU time** is user + system time of the process and of the
  descendants it waited for (Pagefind's binary, esbuild), read from the benchmark's own
  \`/proc/self/stat\` (cutime, cstime) before and after each run; runs never overlap, so the
  difference is that run's tree. The same preloaded module splits the node process's CPU time on
  exit: the main thread's (\`/proc/self/task/<pid>/schedstat\`, which also gives the time it was
  ready to run but had no core), the other threads' (the process total less the main thread's)
  and the child processes' (the tree's time less the process total).
- **Pipeline.** \`loadAtlas(dir, { onStage })\` in-process stage times; \`check\` is
  \`scripts/atlas.mjs check --format json\`; the **raw parse floor** reads the same record and schema
  YAML files and \`js-yaml.loadAll\`s them, nothing else. Pipeline measurements run several times,
  interleaved, and the tables show medians.
- **Site.** \`scripts/build.mjs --quiet\` (Astro, then tsx, then \`scripts/build-site.ts\`) with \`ATLAS_BUILD_TIMINGS\` (phases: pipeline;
  \`prepare\`, where the work that needs only the data starts: the search index, and the records'
  JSON and graph files, the workspace file and the vendored libraries, handed to a writer thread
  that works alongside Astro (the index's files join them when Pagefind is done); astro; one per
  step that runs after it (the exports, and \`pagefind\`, only the wait for the index); then
  \`files\`, the wait for the writer thread). With \`--build-repeat N\` the build and its floor run N times,
  taking turns, and the tables show the median run of each. The **empty-pages floor** is an Astro build of a throwaway
  project (\`bench-out/floor/\`) with one route rendering as many empty pages as the atlas has
  records, same build settings (\`format: 'directory'\`, \`build.concurrency: 16\`). Note the real
  site writes four files per record (the page, its JSON, its graph neighbourhood and its Pagefind
  fragment) plus listing pages, so the floor is a lower bound, not a like-for-like file count.
- **Disk.** Output trees are moved aside during a run and deleted at its end, then flushed with
  \`sync\`. On a journal-less ext4 the kernel will not reuse an inode freed in the last 60 s (300 s
  while its inode table block is unwritten, and creating files dirties it again), and each file
  created meanwhile skips the freed inodes one by one: a 10k build run within minutes of deleting
  an earlier output took a third longer. A run that starts less than five minutes after the
  previous run's deletion waits out the rest (the time is kept in \`bench-out/trash-emptied-at\`).
  Deleting large trees on the same disk shortly before a run has the same effect, which the
  benchmark cannot see.
- **Page weight.** Record page HTML sizes over every \`dist/n/**/index.html\`; JS on a record
  page = the module scripts its HTML references (and inline module scripts), plus their static
  imports, transitively, gzip-compressed — lazily \`import()\`ed chunks (graph, mermaid,
  Pagefind) are not counted. **First search**: Chromium opens \`/search/\` on a cold cache,
  types one query and presses Enter; the gzip sizes of every built file it fetched are summed
  (Pagefind's own files shown separately).`;

/**
 * The line after which docs/benchmarks.md is written by hand (findings, what was tried): a run
 * rewrites everything above it and keeps everything from it on.
 */
export const HAND_WRITTEN_MARKER = '<!-- Written by hand from here on: `npm run bench` keeps everything below this line. -->';

/** The hand-written part of an existing docs/benchmarks.md, marker included, or '' when it has none. */
export function handWrittenPart(doc: string): string {
  const at = doc.indexOf(HAND_WRITTEN_MARKER);
  return at === -1 ? '' : doc.slice(at);
}

/** The whole docs/benchmarks.md: the generated part, then `handWritten` (see handWrittenPart). */
export function benchmarksMarkdown(results: BenchResults, handWritten = ''): string {
  return `# Benchmarks

_Written by \`npm run bench\` (\`scripts/bench.ts\`); the tables, the machine and the analysis below
come from the latest run. Raw numbers: \`bench-out/latest.json\` (not committed)._

Run it on a quiet machine:

\`\`\`sh
npm run bench                          # 1k, 10k, 50k synthetic records + the sample corpus
npm run bench -- --sizes 1000          # quick check (a couple of minutes)
npm run bench -- --no-build            # pipeline only
npm run bench -- --sizes 1000,10000 --no-sample --seed 7 --repeat 5
npm run bench -- --sizes 10000 --no-sample --build-repeat 3   # build and floor three times each, medians
\`\`\`

## Latest results

### Pipeline, \`check\` and the raw-parse floor

${pipelineTable(results.results)}

### Site build, its floor, and page weight

${buildTable(results.results)}

### Machine

${machineText(results)}
${results.notes.length ? `\n### Notes from the run\n\n${results.notes.map((n) => `- ${n}`).join('\n')}\n` : ''}
## Analysis

${analysisText(results)}

## Memory

${memoryText(results)}

${METHOD}
${handWritten ? `\n${handWritten.trimEnd()}\n` : ''}`;
}
