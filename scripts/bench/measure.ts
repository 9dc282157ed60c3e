/**
 * Runs one measured child process: wall time from spawn to exit, the node process's own peak RSS
 * (from `exit-stats-preload.mjs`), the peak RSS of its whole process tree (sampled from /proc, so
 * helpers such as Pagefind's binary count too), the CPU time the tree used, and how that time
 * divides. Output goes to log files, not memory.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const PRELOAD = pathToFileURL(path.join(import.meta.dirname, 'exit-stats-preload.mjs')).href;

export type RunStatus = 'ok' | 'failed' | 'timeout' | 'oom';

export interface RunResult {
  status: RunStatus;
  exitCode: number | null;
  signal: string | null;
  wallMs: number;
  /** Peak RSS of the node process itself; null when it died before writing it. */
  maxRssBytes: number | null;
  /** Peak summed RSS of the process and its descendants, sampled every 100 ms; null without /proc. */
  treeRssBytes: number | null;
  /** User + system CPU time of the process and the descendants it waited for (Pagefind's binary, esbuild); null without /proc. */
  treeCpuMs: number | null;
  /** Minor page faults of the same tree (each a fresh page of memory given to it); null without /proc. */
  treeMinorFaults: number | null;
  /** How the node process's CPU time divides; null without /proc or when it died before writing it. */
  cpuSplit: CpuSplit | null;
  stdoutFile: string;
  stderrFile: string;
  /** Last lines of stderr, for the report when something failed. */
  stderrTail: string;
}

/** A run's tree CPU time divided, in milliseconds. */
export interface CpuSplit {
  /** CPU time of the main thread, which renders the pages. */
  mainThreadMs: number;
  /** Time the main thread was ready to run but waited for a core. */
  mainThreadWaitMs: number;
  /** CPU time of the process's other threads: V8's compiler and garbage collector, libuv's file I/O, the file writer. */
  otherThreadsMs: number;
  /** CPU time of the child processes it started and reaped (Pagefind's binary, esbuild, git). */
  childProcessesMs: number;
}

export interface RunOptions {
  /** Name of the log files under `logDir`. */
  label: string;
  logDir: string;
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** V8 heap limit for the child, in MiB. */
  maxOldSpaceMb: number;
  /** Node flags of the command being measured (`npmScriptNodeFlags`), given to its floor as well. */
  nodeFlags: readonly string[];
  /** Exit codes that count as success (default: 0). `check` exits 1 when it finds errors, which is a result, not a failure. */
  okExitCodes?: readonly number[];
  /** Called every `heartbeatMs` while the child runs (progress for long builds). */
  onHeartbeat?: (elapsedMs: number, treeRssBytes: number | null) => void;
  heartbeatMs?: number;
}

/**
 * The flags an npm script gives `node` (those between `node` and the script it runs), so the
 * benchmark runs each command as `npm run` does, and its floor alike: `check` has Node's default
 * young generation, the build a larger one.
 */
export function npmScriptNodeFlags(scripts: Record<string, string>, name: string): string[] {
  const script = scripts[name];
  if (script === undefined) throw new Error(`package.json has no "${name}" script`);
  const words = script.split(/\s+/);
  const node = words.indexOf('node');
  if (node < 0) throw new Error(`the "${name}" script does not run node: ${script}`);
  const flags: string[] = [];
  for (const word of words.slice(node + 1)) {
    if (!word.startsWith('--')) break;
    flags.push(word);
  }
  return flags;
}

/** Process groups of the children running now, so an interrupted benchmark can stop them. */
const running = new Set<number>();

/** Kills every running child's process group (they are detached, so Ctrl-C does not reach them). */
export function stopRunningChildren(): void {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  running.clear();
}

/**
 * Spawns `node --max-old-space-size=… <nodeFlags> --import exit-stats-preload <args>` and measures it.
 */
export async function runMeasured(args: readonly string[], options: RunOptions): Promise<RunResult> {
  fs.mkdirSync(options.logDir, { recursive: true });
  const stdoutFile = path.join(options.logDir, `${options.label}.out`);
  const stderrFile = path.join(options.logDir, `${options.label}.err`);
  const out = fs.openSync(stdoutFile, 'w');
  const err = fs.openSync(stderrFile, 'w');
  const statsDir = fs.mkdtempSync(path.join(options.logDir, '.stats-'));
  const before = waitedChildren();
  const started = performance.now();
  const child = spawn(process.execPath, [`--max-old-space-size=${options.maxOldSpaceMb}`, ...options.nodeFlags, '--import', PRELOAD, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, BENCH_STATS_DIR: statsDir },
    stdio: ['ignore', out, err],
    // Own process group, so a timeout can stop the child and everything it started.
    detached: true,
  });
  fs.closeSync(out);
  fs.closeSync(err);
  if (child.pid) running.add(child.pid);

  let treePeak: number | null = null;
  let treeNow: number | null = null;
  const sampler = setInterval(() => {
    treeNow = treeRss(child.pid!);
    if (treeNow !== null) treePeak = Math.max(treePeak ?? 0, treeNow);
  }, 100);
  const heartbeat = options.onHeartbeat ? setInterval(() => options.onHeartbeat!(performance.now() - started, treeNow), options.heartbeatMs ?? 60_000) : null;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, options.timeoutMs);

  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c, s) => resolve({ code: c, signal: s }));
  });
  const wallMs = performance.now() - started;
  const after = waitedChildren();
  running.delete(child.pid!);
  clearInterval(sampler);
  if (heartbeat) clearInterval(heartbeat);
  clearTimeout(timer);

  let stats: ExitStats | null = null;
  try {
    stats = JSON.parse(fs.readFileSync(path.join(statsDir, `${child.pid}.json`), 'utf8')) as ExitStats;
  } catch {
    // The child died without running its exit handlers (killed, or out of memory).
  }
  fs.rmSync(statsDir, { recursive: true, force: true });

  const stderrTail = tail(stderrFile, 30);
  if (!stderrTail) fs.rmSync(stderrFile, { force: true });
  const oom = /heap out of memory|Allocation failed|ENOMEM/i.test(stderrTail);
  const status: RunStatus = timedOut ? 'timeout' : oom ? 'oom' : code !== null && (options.okExitCodes ?? [0]).includes(code) ? 'ok' : 'failed';
  const treeCpuMs = before && after ? after.cpuMs - before.cpuMs : null;
  const treeMinorFaults = before && after ? after.minorFaults - before.minorFaults : null;
  return { status, exitCode: code, signal, wallMs, maxRssBytes: stats?.maxRssBytes ?? null, treeRssBytes: treePeak, treeCpuMs, treeMinorFaults, cpuSplit: cpuSplit(stats, treeCpuMs), stdoutFile, stderrFile, stderrTail };
}

/** What exit-stats-preload.mjs writes. */
interface ExitStats {
  maxRssBytes: number;
  /** CPU time of every thread of the node process, ended ones included. */
  processCpuMs: number;
  /** Null without /proc. */
  mainThread: { cpuMs: number; waitMs: number } | null;
}

/** The tree's CPU time less the node process's is its reaped children's; the process's less its main thread's, the other threads'. */
function cpuSplit(stats: ExitStats | null, treeCpuMs: number | null): CpuSplit | null {
  if (!stats?.mainThread || treeCpuMs === null) return null;
  return {
    mainThreadMs: Math.round(stats.mainThread.cpuMs),
    mainThreadWaitMs: Math.round(stats.mainThread.waitMs),
    otherThreadsMs: Math.round(Math.max(0, stats.processCpuMs - stats.mainThread.cpuMs)),
    // The tree's time is counted in 10 ms clock ticks, the process's in microseconds.
    childProcessesMs: Math.round(Math.max(0, treeCpuMs - stats.processCpuMs)),
  };
}

/**
 * CPU time (user + system) and minor page faults of every child this process has waited for, with
 * their own waited-for descendants: the kernel adds a child's counts to its parent's when the
 * parent reaps it. Measured children run one at a time, so the difference across one run is that
 * run's process tree. Null where /proc is missing.
 */
function waitedChildren(): { cpuMs: number; minorFaults: number } | null {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name, from field 3 (state): cminflt is field 11, cutime and cstime
    // are fields 16 and 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // CPU times are in clock ticks, which are 1/100 s on Linux (USER_HZ).
    return { cpuMs: (Number(fields[13]) + Number(fields[14])) * 10, minorFaults: Number(fields[8]) };
  } catch {
    return null;
  }
}

/**
 * The CPU time it takes to touch a 4 KiB page of memory, in microseconds: the first time (the page
 * fault, the zeroing and whatever a hypervisor adds) and again. Medians of three 64 MiB samples.
 * On the machine this was built on the first figure was 70 times the second, and a build touches
 * several times the memory its floor does, so it says how much a machine penalizes the build.
 */
export function pageTouchCostUs(): { fresh: number; again: number } {
  const size = 64 * 1024 * 1024;
  const pages = size / 4096;
  const fresh: number[] = [];
  const again: number[] = [];
  const cpu = () => {
    const u = process.cpuUsage();
    return u.user + u.system;
  };
  for (let i = 0; i < 3; i++) {
    // Uninitialized and large, so it comes straight from the kernel, untouched.
    const memory = Buffer.allocUnsafeSlow(size);
    const t0 = cpu();
    memory.fill(1);
    const t1 = cpu();
    memory.fill(2);
    const t2 = cpu();
    fresh.push((t1 - t0) / pages);
    again.push((t2 - t1) / pages);
  }
  return { fresh: median(fresh), again: median(again) };
}

/** Summed RSS of `pid` and its descendants, or null when /proc cannot tell. */
export function treeRss(pid: number): number | null {
  let total = 0;
  let any = false;
  const stack = [pid];
  const seen = new Set<number>();
  while (stack.length) {
    const p = stack.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    try {
      const statm = fs.readFileSync(`/proc/${p}/statm`, 'utf8').split(' ');
      total += Number(statm[1]) * 4096;
      any = true;
      for (const task of fs.readdirSync(`/proc/${p}/task`)) {
        const children = fs.readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        if (children) for (const c of children.split(/\s+/)) stack.push(Number(c));
      }
    } catch {
      // The process exited between two reads.
    }
  }
  return any ? total : null;
}

function tail(file: string, lines: number): string {
  try {
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r');
    const length = Math.min(size, 16 * 1024);
    const buffer = Buffer.alloc(length);
    fs.readSync(fd, buffer, 0, length, size - length);
    fs.closeSync(fd);
    return buffer.toString('utf8').split('\n').slice(-lines).join('\n').trim();
  } catch {
    return '';
  }
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Linear-interpolated quantile of `values` (0 ≤ q ≤ 1); NaN for an empty list. */
export function quantile(values: readonly number[], q: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}
