/**
 * Publishes mermaid's own prebuilt ES modules under `/vendor/mermaid/` instead of bundling them:
 * Vite spent most of every build (about 10 s and a gigabyte) re-bundling mermaid's hundred
 * modules, for a library that only pages with a diagram ever load.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PostBuildStep } from './post-build';

export const MERMAID_ENTRY = 'vendor/mermaid/mermaid.esm.min.mjs';

export const vendorStep: PostBuildStep = {
  name: 'vendor',
  run({ outDir }) {
    const require = createRequire(import.meta.url);
    const dist = path.join(path.dirname(require.resolve('mermaid/package.json')), 'dist');
    const target = path.join(outDir, 'vendor', 'mermaid');
    fs.mkdirSync(path.join(target, 'chunks'), { recursive: true });
    fs.copyFileSync(path.join(dist, 'mermaid.esm.min.mjs'), path.join(target, 'mermaid.esm.min.mjs'));
    // Only the modules (no source maps): the entry imports them as ./chunks/mermaid.esm.min/*.mjs.
    fs.cpSync(path.join(dist, 'chunks', 'mermaid.esm.min'), path.join(target, 'chunks', 'mermaid.esm.min'), {
      recursive: true,
      filter: (src) => !src.endsWith('.map'),
    });
  },
};
