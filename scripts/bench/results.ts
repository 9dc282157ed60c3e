/**
 * The shape of a benchmark run, as written to bench-out/results-<timestamp>.json and read back
 * by the report writer.
 */
import type { StageName } from '../../src/pipeline/load-atlas';
import type { GeneratedStats } from './generate-atlas';
import type { CpuSplit, RunStatus } from './measure';
import type { SearchBytes } from './search-bytes';
import type { SiteMetrics } from './site-metrics';

export const RESULTS_VERSION = 1;

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  node: string;
  os: string;
  /** 1-minute load average when the run started and ended: above the core count means the timings are noisy. */
  loadStart: number;
  loadEnd: number;
  /** Commit the run measured (read-only `git rev-parse`), when available. */
  commit: string | null;
  /** CPU time to touch a 4 KiB page the first time and again, in µs (`pageTouchCostUs`); absent before the 13th session. */
  pageTouchUs?: { fresh: number; again: number };
}

/** One measured child process. */
export interface Sample {
  status: RunStatus | 'refused';
  wallMs: number;
  maxRssBytes: number | null;
  treeRssBytes: number | null;
  /** Minor page faults of the child's process tree; null without /proc. */
  treeMinorFaults?: number | null;
  /** What the child printed as JSON (stage times, counts), when it did. */
  output?: Record<string, unknown>;
  /** The end of stderr when the run did not succeed. */
  error?: string;
}

/** Medians over the successful samples of one measurement. */
export interface Summary {
  runs: number;
  ok: number;
  wallMs: number;
  wallMinMs: number;
  maxRssBytes: number | null;
  treeRssBytes: number | null;
  /** Median minor page faults; absent before the 13th session, null without /proc. */
  treeMinorFaults?: number | null;
  samples: Sample[];
}

export interface PipelineSummary extends Summary {
  /** Median in-process time of each stage. */
  stages: Partial<Record<StageName, number>>;
  /** Median in-process time of `loadAtlas`, all stages. */
  inProcessMs: number;
}

export interface ParseFloorSummary extends Summary {
  /** Median in-process read + loadAll time. */
  inProcessMs: number;
  files: number;
  documents: number;
}

export interface BuildSummary {
  status: Sample['status'];
  wallMs: number;
  maxRssBytes: number | null;
  treeRssBytes: number | null;
  /** CPU time (user + system) of the build and the helpers it started (Pagefind, esbuild); null without /proc. */
  treeCpuMs?: number | null;
  /** How the build process's CPU time divides (main thread, its wait for a core, other threads, helpers); null without /proc. */
  cpuSplit?: CpuSplit | null;
  /** Minor page faults of the build's process tree; null without /proc. */
  treeMinorFaults?: number | null;
  /** From ATLAS_BUILD_TIMINGS: total and per phase (pipeline, prepare, astro, one per step run after Astro, files). */
  timings: { total: number; phases: Record<string, number> } | null;
  /** Wall time of every run when the build was repeated (`--build-repeat`); the fields above are the median run's. */
  runsMs?: number[];
  error?: string;
}

export interface FloorSummary {
  status: Sample['status'];
  pages: number;
  wallMs: number;
  /** `astro build` alone, without process start-up. */
  inProcessMs: number | null;
  maxRssBytes: number | null;
  treeRssBytes: number | null;
  /** CPU time (user + system) of the floor's process tree; null without /proc. */
  treeCpuMs?: number | null;
  /** How the floor process's CPU time divides; null without /proc. */
  cpuSplit?: CpuSplit | null;
  /** Minor page faults of the floor's process tree; null without /proc. */
  treeMinorFaults?: number | null;
  /** Wall time of every run when repeated; the fields above are the median run's. */
  runsMs?: number[];
  error?: string;
}

export interface SizeResult {
  /** `1000`, `10000`, … or `sample`. */
  label: string;
  source: 'synthetic' | 'sample';
  dir: string;
  /** What the generator wrote (synthetic atlases only). */
  generated?: GeneratedStats & { reused: boolean; generateMs: number };
  /** What the pipeline read. */
  input: {
    files: number;
    bytes: number;
    documents: number;
    records: number;
    edgesDeclared: number;
    edges: number;
    pages: number;
    problemsByCode: Record<string, number>;
  } | null;
  pipeline: PipelineSummary;
  check: Summary;
  parseFloor: ParseFloorSummary;
  build?: BuildSummary;
  floor?: FloorSummary;
  site?: SiteMetrics;
  search?: { ok: true; value: SearchBytes } | { ok: false; reason: string };
  ratios: {
    /** `check` wall ÷ raw-parse wall (both whole processes): target ≤ 3. */
    checkToParse: number | null;
    /** In-process pipeline ÷ in-process read + parse. */
    pipelineToParseInProcess: number | null;
    /** Site build wall ÷ empty-pages floor wall: target ≤ 3 at 10k. */
    buildToFloor: number | null;
    /** Astro phase of the build ÷ floor's in-process astro build. */
    astroToFloorInProcess: number | null;
  };
}

export interface BenchResults {
  version: number;
  startedAt: string;
  finishedAt: string;
  options: {
    sizes: number[];
    sample: boolean;
    build: boolean;
    seed: number;
    repeat: number;
    buildRepeat?: number;
    search: boolean;
    heapMb?: number;
    /** Node flags each command ran with, read from its npm script (absent before the 13th session, when all had `--max-semi-space-size=64`). */
    nodeFlags?: { check: string[]; build: string[] };
  };
  machine: Machine;
  results: SizeResult[];
  /** Things that went wrong or were skipped, in plain words. */
  notes: string[];
}
