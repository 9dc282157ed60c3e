/**
 * The benchmark's report writer, on made-up results: the full run takes an hour on a quiet
 * machine, so the code that turns its numbers into docs/benchmarks.md is checked here first.
 */
import { describe, expect, it } from 'vitest';
import { analysisText, benchmarksMarkdown, HAND_WRITTEN_MARKER, handWrittenPart } from '../../scripts/bench/report';
import type { BenchResults, SizeResult, Summary } from '../../scripts/bench/results';

function summary(wallMs: number, rss: number): Summary {
  return { runs: 3, ok: 3, wallMs, wallMinMs: wallMs * 0.9, maxRssBytes: rss, treeRssBytes: rss, samples: [] };
}

function size(records: number, build: 'ok' | 'oom' = 'ok'): SizeResult {
  const k = records / 1000;
  const built = build === 'ok';
  return {
    label: String(records),
    source: 'synthetic',
    dir: `/tmp/${records}`,
    input: { files: 100 * k, bytes: 1_300_000 * k, documents: 1050 * k, records, edgesDeclared: 2100 * k, edges: 2050 * k, pages: 10 * k, problemsByCode: { 'duplicate-id': 49 * k } },
    pipeline: { ...summary(1500 + 90 * k, 150e6 + 20e6 * k), stages: { read: 10 * k, parse: 40 * k, normalize: 15 * k, dedupe: 3 * k, validate: 12 * k, index: 10 * k }, inProcessMs: 90 * k },
    check: summary(1800 + 100 * k, 160e6 + 20e6 * k),
    parseFloor: { ...summary(900 + 45 * k, 100e6 + 10e6 * k), inProcessMs: 45 * k, files: 100 * k, documents: 1050 * k },
    build: {
      status: build,
      wallMs: built ? 40_000 + 30 * records * (records > 10_000 ? 1.8 : 1) : 900_000,
      maxRssBytes: built ? 1e9 + 4e5 * records : null,
      treeRssBytes: 1.2e9 + 4e5 * records,
      timings: built ? { total: 39_000 + 30 * records, phases: { pipeline: 90 * k, astro: 30_000 + 25 * records, pagefind: 5 * records, exports: records } } : null,
    },
    floor: { status: 'ok', pages: records, wallMs: 8000 + 4 * records, inProcessMs: 3000 + 4 * records, maxRssBytes: 5e8, treeRssBytes: 5.5e8 },
    site: built
      ? {
          distBytes: 60_000 * records,
          distFiles: 3 * records + 200,
          byFolder: [],
          recordPages: records,
          recordHtmlMedian: 24_000,
          recordHtmlP95: 34_000,
          recordHtmlMax: 900_000,
          recordHtmlGzipMedian: 5000,
          recordHtmlGzipP95: 7000,
          medianPage: { page: '/n/x/', htmlBytes: 24_000, htmlGzip: 5000, jsFiles: 11, jsBytes: 15_000, jsGzip: 7800, cssBytes: 22_000, cssGzip: 6300 },
          largestPage: null,
        }
      : undefined,
    search: built ? { ok: true, value: { query: 'release', results: 20, pageLoad: { files: 15, gzip: 99_000 }, afterQuery: { files: 23, gzip: 47_000 }, pagefind: { files: 28, gzip: 134_000 }, total: { files: 38, gzip: 146_000 }, largest: [] } } : undefined,
    ratios: { checkToParse: (1800 + 100 * k) / (900 + 45 * k), pipelineToParseInProcess: 2, buildToFloor: built ? 2.5 : null, astroToFloorInProcess: null },
  };
}

/** A 10k result whose build and floor each ran several times (`--build-repeat`), taking turns. */
function repeated(buildRunsMs: number[], floorRunsMs: number[], medianRatio: number): SizeResult {
  const r = size(10_000);
  r.build!.runsMs = buildRunsMs;
  r.floor = { ...r.floor!, runsMs: floorRunsMs };
  r.ratios.buildToFloor = medianRatio;
  return r;
}

function results(list: SizeResult[]): BenchResults {
  return {
    version: 1,
    startedAt: '2025-01-01T00:00:00.000Z',
    finishedAt: '2025-01-01T01:00:00.000Z',
    options: { sizes: list.map((r) => Number(r.label)), sample: false, build: true, seed: 1, repeat: 3, search: true, heapMb: 8192 },
    machine: { cpuModel: 'Test CPU', cores: 2, memoryBytes: 24e9, node: 'v20', os: 'Linux', loadStart: 0.5, loadEnd: 0.7, commit: 'abc1234' },
    results: list,
    notes: [],
  };
}

describe('benchmarksMarkdown', () => {
  it('renders tables, machine, growth, knee, memory and targets for a full run', () => {
    const md = benchmarksMarkdown(results([size(1000), size(10_000), size(50_000)]));
    expect(md).toContain('| 50000 |');
    expect(md).toContain('Test CPU, 2 cores');
    expect(md).toMatch(/1000→10000: ×[\d.]+ for ×10 records/);
    expect(md).toMatch(/\*\*Knee\.\*\* site build wall: each added record costs/);
    expect(md).toContain('`check` within 3× the raw parse floor at every size: **met**');
    expect(md).toContain('Site build within 3× the empty-pages floor at 10k: **met** (2.50×)');
    expect(md).toContain('50k build completes: **yes**');
    expect(md).toMatch(/per 1,000 records; on that line 100,000 records/);
    expect(md).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('reports a failed 50k build and a one-size run without inventing numbers', () => {
    const failed = benchmarksMarkdown(results([size(1000), size(10_000), size(50_000, 'oom')]));
    expect(failed).toContain('50k build completes: **no (oom)**');
    expect(failed).not.toMatch(/NaN|undefined|Infinity/);
    const one = analysisText(results([size(1000)]));
    expect(one).toContain('Only one synthetic size');
    expect(one).toContain('not measured in this run');
    expect(one).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('sets the CPU time of each build beside its floor, with the bound it puts on two cores', () => {
    const r = size(10_000);
    r.build!.wallMs = 25_000;
    r.build!.treeCpuMs = 46_000;
    r.floor = { ...r.floor!, wallMs: 6_500, treeCpuMs: 9_200 };
    const md = benchmarksMarkdown(results([r]));
    expect(md).toContain('| 46.0 s / 9.2 s (5.00×) |');
    expect(md).toContain('the build used 46.0 s of CPU in 25.0 s (1.8 cores busy on average), the floor 9.2 s in 6.5 s (1.4); CPU ratio 5.00×');
    expect(md).toContain('On 2 cores the build cannot take less than 23.0 s, 3.54× the floor');
    // Runs without CPU figures (older results, no /proc) show a dash and no paragraph.
    const old = benchmarksMarkdown(results([size(10_000)]));
    expect(old).not.toContain('**CPU time** (user + system');
    expect(old).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('splits the CPU time between the main thread, its wait for a core, the other threads and the child processes', () => {
    const r = size(10_000);
    r.build!.treeCpuMs = 31_700;
    r.build!.cpuSplit = { mainThreadMs: 14_000, mainThreadWaitMs: 4_100, otherThreadsMs: 9_400, childProcessesMs: 8_300 };
    r.floor = { ...r.floor!, treeCpuMs: 6_400, cpuSplit: { mainThreadMs: 4_600, mainThreadWaitMs: 500, otherThreadsMs: 1_700, childProcessesMs: 100 } };
    const md = benchmarksMarkdown(results([r]));
    expect(md).toContain(
      'Split (build / floor): main thread 14.0 s / 4.6 s, plus 4.1 s / 500 ms waiting for a core; other threads (V8\'s compiler and garbage collector, file I/O) 9.4 s / 1.7 s; child processes (Pagefind, esbuild, git) 8.3 s / 100 ms.',
    );
    // Without the split on either side (no /proc, or older results) the sentence is left out.
    r.floor.cpuSplit = null;
    expect(benchmarksMarkdown(results([r]))).not.toContain('Split (build / floor)');
  });

  it('counts the page faults of each build beside its floor, and what they cost on the machine that ran them', () => {
    const r = size(10_000);
    r.build!.treeCpuMs = 57_000;
    r.build!.treeMinorFaults = 633_000;
    r.floor = { ...r.floor!, treeCpuMs: 14_000, treeMinorFaults: 133_000 };
    const run = results([r]);
    run.machine.pageTouchUs = { fresh: 16, again: 0.28 };
    r.check.treeMinorFaults = 40_000;
    r.parseFloor.treeMinorFaults = 19_000;
    const md = benchmarksMarkdown(run);
    expect(md).toContain('Page faults (fresh 4 KiB pages, the whole tree): 633,000 / 133,000 (4.76×), about 10.1 s / 2.1 s of CPU at 16.0 µs a page.');
    expect(md).toContain('**Page faults** of `check` / the parse floor (fresh 4 KiB pages, and their CPU time at 16.0 µs a page): 10000 40,000 (640 ms) / 19,000 (304 ms).');
    expect(md).toContain('- Memory: touching a 4 KiB page the first time (a page fault) took 16.0 µs of CPU, and 0.28 µs again');
    // Results from before faults were counted show neither.
    delete run.machine.pageTouchUs;
    r.floor.treeMinorFaults = undefined;
    r.check.treeMinorFaults = undefined;
    const old = benchmarksMarkdown(run);
    expect(old).not.toContain('Page faults');
    expect(old).not.toContain('- Memory:');
  });

  it('shows each build over the floor that ran after it, beside the median ratio', () => {
    const r = repeated([29_400, 28_800, 27_200], [8_100, 8_300, 7_900], 3.55);
    const md = benchmarksMarkdown(results([r]));
    expect(md).toContain('| 3.55× (pairs: 3.63×, 3.47×, 3.44×) |');
    expect(md).toContain('**not met** (3.55×; pairs 3.63×, 3.47×, 3.44×)');
    // A failed floor leaves fewer floor runs than builds: no pairs rather than mismatched ones.
    r.floor!.runsMs = [8_100, 8_300];
    expect(benchmarksMarkdown(results([r]))).not.toContain('pairs');
  });

  it('calls the build target met only when every pair is under 3×, and flags a floor whose runs drifted apart', () => {
    // The eleventh session's run: one floor ran twice as slowly as the others.
    const md = benchmarksMarkdown(results([repeated([24_200, 27_100, 24_500], [17_300, 8_900, 8_000], 2.76)]));
    expect(md).toContain('at 10k: **met by the median only** (2.76×; pairs 1.40×, 3.04×, 3.06×, 2 of 3 above 3×).');
    expect(md).toContain("The floor's runs took 8.0 s to 17.3 s: the machine changed speed during the run");

    const steady = benchmarksMarkdown(results([repeated([20_000, 21_000, 19_000], [7_000, 7_400, 7_100], 2.9)]));
    expect(steady).toContain('at 10k: **met** (2.90×; pairs 2.86×, 2.84×, 2.68×).');
    expect(steady).not.toContain('changed speed');
  });
});

describe('the hand-written part of docs/benchmarks.md', () => {
  it('is kept after the generated part when the run rewrites the file', () => {
    const previous = `# Benchmarks\n\nold tables\n\n${HAND_WRITTEN_MARKER}\n\n## What the sessions found\n\nA finding.\n`;
    const kept = handWrittenPart(previous);
    expect(kept.startsWith(HAND_WRITTEN_MARKER)).toBe(true);
    const md = benchmarksMarkdown(results([size(1000)]), kept);
    expect(md).not.toContain('old tables');
    expect(md.indexOf('## How it is measured')).toBeLessThan(md.indexOf(HAND_WRITTEN_MARKER));
    expect(md.endsWith(`${HAND_WRITTEN_MARKER}\n\n## What the sessions found\n\nA finding.\n`)).toBe(true);
    // Written again from its own output, the file does not grow.
    expect(benchmarksMarkdown(results([size(1000)]), handWrittenPart(md))).toBe(md);
  });

  it('is empty for a file without the marker, which the run then writes whole', () => {
    expect(handWrittenPart('# Benchmarks\n\n## Analysis\n')).toBe('');
    expect(benchmarksMarkdown(results([size(1000)]))).not.toContain(HAND_WRITTEN_MARKER);
  });
});
