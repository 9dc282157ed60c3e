/**
 * Preloaded into every measured child (`node --import`): on exit, writes the process's peak
 * resident set size and, where /proc is, how its CPU time divides to `$BENCH_STATS_DIR/<pid>.json`.
 * Keyed by pid because a child may start node processes of its own with the same flags; the
 * runner reads the file of the pid it spawned.
 *
 * The split says why a build on a small machine takes the wall time it does: the main thread
 * renders every page, so its CPU time and the time it spent ready to run but without a core (the
 * other threads and Pagefind's process took it) together bound the build from below.
 */
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.BENCH_STATS_DIR;
if (dir) {
  process.on('exit', () => {
    try {
      const usage = process.resourceUsage();
      // resourceUsage().maxRSS is in kibibytes; its CPU times (microseconds) cover every thread, ended ones included.
      const stats = { maxRssBytes: usage.maxRSS * 1024, cpu: cpuSplit((usage.userCPUTime + usage.systemCPUTime) / 1000) };
      fs.writeFileSync(path.join(dir, `${process.pid}.json`), JSON.stringify(stats));
    } catch {
      // Measuring must never change how the child exits.
    }
  });
}

/** Main thread's CPU and run-queue wait, the other threads' CPU, and the reaped child processes' CPU, in ms; null without /proc. */
function cpuSplit(processCpuMs) {
  try {
    const task = `/proc/self/task/${process.pid}`;
    const [runNs, waitNs] = fs.readFileSync(`${task}/schedstat`, 'utf8').trim().split(/\s+/).map(Number);
    // /proc/<pid>/stat: fields after the command's closing parenthesis; cutime and cstime (the
    // reaped children's CPU) are the 14th and 15th, in clock ticks (100 per second on Linux).
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const mainCpuMs = runNs / 1e6;
    return {
      mainThreadMs: Math.round(mainCpuMs),
      mainThreadWaitMs: Math.round(waitNs / 1e6),
      otherThreadsMs: Math.round(Math.max(0, processCpuMs - mainCpuMs)),
      childProcessesMs: (Number(fields[13]) + Number(fields[14])) * 10,
    };
  } catch {
    return null;
  }
}
