/**
 * Measured child, the renderer's floor: `astro build` of a throwaway project whose only route
 * renders `BENCH_FLOOR_PAGES` empty pages (see empty-floor.ts).
 *
 *   BENCH_FLOOR_PAGES=N node scripts/bench/floor-child.mjs <project-dir>
 *
 * Plain JavaScript, as the `astro` command is: under tsx's module hooks the same build took a
 * quarter longer, which flattered every ratio against this floor.
 */
import path from 'node:path';
import { build } from 'astro';

const root = process.argv[2];
if (!root) throw new Error('usage: floor-child.mjs <project-dir>');
const t0 = performance.now();
await build({ root: path.resolve(root), logLevel: 'error', telemetry: false });
process.stdout.write(`${JSON.stringify({ totalMs: performance.now() - t0, pages: Number(process.env.BENCH_FLOOR_PAGES) })}\n`);
