/**
 * Publishes the two heavy browser libraries as their own prebuilt ES modules under `/vendor/`
 * instead of bundling them. Both are loaded with `import()` only by the views that need them
 * (mermaid by pages with a diagram, cytoscape by an opened graph), so bundling bought nothing:
 * Vite spent about 10 s and a gigabyte re-bundling mermaid's hundred modules on every build, and
 * 1.5 s re-minifying cytoscape, which ships minified.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BuildStep } from './build-steps';

export const MERMAID_ENTRY = 'vendor/mermaid/mermaid.esm.min.mjs';
export const CYTOSCAPE_ENTRY = 'vendor/cytoscape/cytoscape.esm.min.mjs';

export const vendorStep: BuildStep = {
  name: 'vendor',
  // Copied by the build's file writer, alongside Astro's render.
  prepare({ outDir, files }) {
    const require = createRequire(import.meta.url);
    const mermaid = path.join(path.dirname(require.resolve('mermaid/package.json')), 'dist');
    files.copy(path.join(mermaid, path.basename(MERMAID_ENTRY)), path.join(outDir, MERMAID_ENTRY));
    // Only the modules (no source maps): the entry imports them as ./chunks/mermaid.esm.min/*.mjs.
    const chunks = path.join(mermaid, 'chunks', 'mermaid.esm.min');
    const chunksTarget = path.join(outDir, path.dirname(MERMAID_ENTRY), 'chunks', 'mermaid.esm.min');
    for (const entry of fs.readdirSync(chunks, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || entry.name.endsWith('.map')) continue;
      const file = path.join(entry.parentPath, entry.name);
      files.copy(file, path.join(chunksTarget, path.relative(chunks, file)));
    }

    // One self-contained file, beside the CommonJS entry (cytoscape exports no package.json).
    const cytoscape = path.dirname(require.resolve('cytoscape'));
    files.copy(path.join(cytoscape, path.basename(CYTOSCAPE_ENTRY)), path.join(outDir, CYTOSCAPE_ENTRY));
  },
};
