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
import type { PostBuildStep } from './post-build';

export const MERMAID_ENTRY = 'vendor/mermaid/mermaid.esm.min.mjs';
export const CYTOSCAPE_ENTRY = 'vendor/cytoscape/cytoscape.esm.min.mjs';

export const vendorStep: PostBuildStep = {
  name: 'vendor',
  run({ outDir }) {
    const require = createRequire(import.meta.url);
    const mermaid = path.join(path.dirname(require.resolve('mermaid/package.json')), 'dist');
    const mermaidTarget = path.join(outDir, path.dirname(MERMAID_ENTRY));
    fs.mkdirSync(path.join(mermaidTarget, 'chunks'), { recursive: true });
    fs.copyFileSync(path.join(mermaid, path.basename(MERMAID_ENTRY)), path.join(outDir, MERMAID_ENTRY));
    // Only the modules (no source maps): the entry imports them as ./chunks/mermaid.esm.min/*.mjs.
    fs.cpSync(path.join(mermaid, 'chunks', 'mermaid.esm.min'), path.join(mermaidTarget, 'chunks', 'mermaid.esm.min'), {
      recursive: true,
      filter: (src) => !src.endsWith('.map'),
    });

    // One self-contained file, beside the CommonJS entry (cytoscape exports no package.json).
    const cytoscape = path.dirname(require.resolve('cytoscape'));
    fs.mkdirSync(path.join(outDir, path.dirname(CYTOSCAPE_ENTRY)), { recursive: true });
    fs.copyFileSync(path.join(cytoscape, path.basename(CYTOSCAPE_ENTRY)), path.join(outDir, CYTOSCAPE_ENTRY));
  },
};
