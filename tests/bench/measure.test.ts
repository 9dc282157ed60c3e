/**
 * The benchmark's measured child: a real node process, preloaded as the benchmark preloads its
 * builds, that spends CPU on its main thread, on a worker thread and in a child process.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { npmScriptNodeFlags, pageTouchCostUs, runMeasured } from '../../scripts/bench/measure';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-measure-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Busy-loops until the process has used `ms` more of CPU time (Node 20 has no per-thread clock; the other threads are near idle meanwhile). */
const SPIN = `const spin = (ms) => { const end = process.cpuUsage().user + ms * 1000; while (process.cpuUsage().user < end); };`;

describe('runMeasured', () => {
  it('reports the peak RSS and how the CPU time divides between the main thread, other threads and child processes', async () => {
    const script = path.join(dir, 'work.mjs');
    fs.writeFileSync(
      script,
      `import { Worker } from 'node:worker_threads';
import { execFileSync } from 'node:child_process';
${SPIN}
spin(300);
await new Promise((resolve) => new Worker(${JSON.stringify(SPIN)} + 'spin(300);', { eval: true }).once('exit', resolve));
execFileSync(process.execPath, ['-e', ${JSON.stringify(`${SPIN} spin(300);`)}]);
// 32 MiB of new memory, touched: at least 8,192 fresh pages.
Buffer.allocUnsafeSlow(32 * 1024 * 1024).fill(1);
console.log(JSON.stringify(process.execArgv));
`,
    );
    const r = await runMeasured([script], { label: 'work', logDir: dir, cwd: dir, timeoutMs: 120_000, maxOldSpaceMb: 512, nodeFlags: ['--max-semi-space-size=4'] });
    expect(r.status).toBe('ok');
    // The command's own flags reach node, beside the heap limit and the preload.
    const execArgv = JSON.parse(fs.readFileSync(path.join(dir, 'work.out'), 'utf8')) as string[];
    expect(execArgv.slice(0, 2)).toEqual(['--max-old-space-size=512', '--max-semi-space-size=4']);
    expect(r.maxRssBytes).toBeGreaterThan(10 * 1024 * 1024);
    if (process.platform !== 'linux') {
      console.warn('No /proc here: the CPU split is not measured, so only its absence is checked.');
      expect(r.cpuSplit).toBeNull();
      return;
    }
    const split = r.cpuSplit!;
    // Each spin is 300 ms of the process's CPU, nearly all of it on the spinning thread.
    expect(split.mainThreadMs).toBeGreaterThanOrEqual(200);
    // The worker's spin is the other threads' share (process CPU counts threads that have ended).
    expect(split.otherThreadsMs).toBeGreaterThanOrEqual(200);
    // The reaped child's spin, plus its own start-up.
    expect(split.childProcessesMs).toBeGreaterThanOrEqual(200);
    expect(split.mainThreadWaitMs).toBeGreaterThanOrEqual(0);
    expect(r.treeMinorFaults).toBeGreaterThanOrEqual(8192);
  });
});

describe('pageTouchCostUs', () => {
  it('finds touching new memory dearer than touching it again', () => {
    const { fresh, again } = pageTouchCostUs();
    expect(again).toBeGreaterThanOrEqual(0);
    expect(fresh).toBeGreaterThan(again);
  });
});

describe('npmScriptNodeFlags', () => {
  it('reads the flags an npm script gives node, and none when it gives none', () => {
    const scripts = {
      build: 'ASTRO_TELEMETRY_DISABLED=1 node --max-semi-space-size=64 --trace-warnings scripts/build.mjs --quiet',
      check: 'node scripts/atlas.mjs check',
      test: 'vitest run',
    };
    expect(npmScriptNodeFlags(scripts, 'build')).toEqual(['--max-semi-space-size=64', '--trace-warnings']);
    expect(npmScriptNodeFlags(scripts, 'check')).toEqual([]);
    expect(() => npmScriptNodeFlags(scripts, 'test')).toThrow(/does not run node/);
    expect(() => npmScriptNodeFlags(scripts, 'serve')).toThrow(/no "serve" script/);
  });

  it('finds the same flags in `npm run check` as in the atlas bin, which runs the same command', () => {
    const { scripts } = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> };
    const shebang = fs.readFileSync(path.resolve(import.meta.dirname, '../../scripts/atlas.mjs'), 'utf8').split('\n')[0]!;
    const binFlags = shebang.split(/\s+/).filter((w) => w.startsWith('--'));
    expect(npmScriptNodeFlags(scripts, 'check')).toEqual(binFlags);
    expect(npmScriptNodeFlags(scripts, 'atlas')).toEqual(binFlags);
  });
});
