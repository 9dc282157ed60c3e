/**
 * Preloaded into every measured child (`node --import`): on exit, writes the process's peak
 * resident set size, its CPU time (every thread, ended ones included) and, where /proc is, its
 * main thread's CPU time and run-queue wait to `$BENCH_STATS_DIR/<pid>.json`. Keyed by pid because
 * a child may start node processes of its own with the same flags; the runner reads the file of
 * the pid it spawned, and splits the CPU time of the run's process tree with it (measure.ts).
 */
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.BENCH_STATS_DIR;
if (dir) {
  process.on('exit', () => {
    try {
      const usage = process.resourceUsage();
      fs.writeFileSync(
        path.join(dir, `${process.pid}.json`),
        JSON.stringify({
          // maxRSS is in kibibytes, the CPU times in microseconds.
          maxRssBytes: usage.maxRSS * 1024,
          processCpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
          mainThread: mainThread(),
        }),
      );
    } catch {
      // Measuring must never change how the child exits.
    }
  });
}

/** The main thread's CPU time and its time ready to run without a core, in ms; null without /proc. */
function mainThread() {
  try {
    const [runNs, waitNs] = fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').trim().split(/\s+/).map(Number);
    return { cpuMs: runNs / 1e6, waitMs: waitNs / 1e6 };
  } catch {
    return null;
  }
}
