/**
 * The site build's pages import `src/{pipeline,site,exports,mcp}/` as the build script loaded them
 * under tsx, not through Vite (astro.config.mjs). That only works while those modules need
 * nothing of Vite's: no `import.meta.env`, no virtual or `astro:` modules, no `?raw`/`?url`
 * queries, no styles, components or browser scripts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');
const SHARED = ['pipeline', 'site', 'exports', 'mcp'];

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => path.join(e.parentPath, e.name));
}

/** Every module specifier in a file: static imports and exports, and dynamic `import()`. */
function specifiers(source: string): string[] {
  return [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

describe('modules the pages share with the build script', () => {
  const files = SHARED.flatMap((dir) => tsFiles(path.join(SRC, dir)));

  it('finds the folders', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files.map((f) => [path.relative(SRC, f), f]))('%s uses nothing of Vite’s', (_name, file) => {
    const source = fs.readFileSync(file, 'utf8');
    expect(source).not.toMatch(/import\.meta\.(env|glob|hot)/);
    for (const spec of specifiers(source)) {
      expect(spec, `import of "${spec}"`).not.toMatch(/^(astro:|virtual:)|\?/);
      if (!spec.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), spec);
      const folder = path.relative(SRC, target).split(path.sep)[0];
      expect(SHARED, `import of "${spec}" leaves the shared folders`).toContain(folder);
      expect(spec, `import of "${spec}": only TypeScript modules`).not.toMatch(/\.(css|astro|json|md|svg)$/);
    }
  });
});
