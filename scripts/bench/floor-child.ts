/**
 * Measured child, the renderer's floor: `astro build` of a throwaway project whose only route
 * renders `BENCH_FLOOR_PAGES` empty pages (see empty-floor.ts).
 *
 *   BENCH_FLOOR_PAGES=N node --import tsx scripts/bench/floor-child.ts <project-dir>
 */
import path from 'node:path';
import { build } from 'astro';

const root = process.argv[2];
if (!root) throw new Error('usage: floor-child.ts <project-dir>');
const t0 = performance.now();
await build({ root: path.resolve(root), logLevel: 'error', telemetry: false } as Parameters<typeof build>[0]);
process.stdout.write(`${JSON.stringify({ totalMs: performance.now() - t0, pages: Number(process.env.BENCH_FLOOR_PAGES) })}\n`);
