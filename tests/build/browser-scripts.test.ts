/**
 * The browser scripts are bundled by esbuild (src/build/browser-scripts-plugin.ts), so Astro has
 * no client build to run. One script tag that Astro processes would bring that build back, 1.5–2 s
 * of every site build, without any test failing: this one fails instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSER_SCRIPTS } from '../../src/build/browser-scripts-plugin';
import { SITES } from '../support/sites';

const SRC = path.resolve(import.meta.dirname, '../../src');

const astroFiles = fs
  .readdirSync(SRC, { withFileTypes: true, recursive: true })
  .filter((e) => e.isFile() && e.name.endsWith('.astro'))
  .map((e) => path.join(e.parentPath, e.name));

describe('browser scripts', () => {
  it.each(astroFiles.map((f) => [path.relative(SRC, f), f]))('%s leaves no script tag for Astro to bundle', (_name, file) => {
    const source = fs.readFileSync(file, 'utf8');
    // Astro bundles a script tag that has no attributes, or only `src`; `is:inline` and data
    // (`type="application/json"`) it writes as they stand.
    for (const [tag] of source.matchAll(/<script\b[^>]*>/g)) {
      const bundled = !/\bis:inline\b/.test(tag) && !/\btype=["']application\/(ld\+)?json["']/.test(tag);
      expect(bundled, `${tag}: load the script by name instead, as src/build/browser-scripts-plugin.ts shows`).toBe(false);
    }
  });

  it.each(Object.entries(BROWSER_SCRIPTS))('"%s" starts from a module that exists (src/scripts/%s)', (_name, entry) => {
    expect(fs.existsSync(path.join(SRC, 'scripts', entry))).toBe(true);
  });

  it('the built site loads each page script once, from its hashed file in _astro/', () => {
    const { out } = SITES.embedded;
    const page = fs.readFileSync(path.join(out, 'n', 'agent', 'aider', 'index.html'), 'utf8');
    const sources = [...page.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources).toEqual([expect.stringMatching(/^\/_astro\/record-page\.\w+\.js$/), expect.stringMatching(/^\/_astro\/site\.\w+\.js$/)]);
    for (const src of sources) expect(fs.existsSync(path.join(out, src))).toBe(true);
    // Four copy buttons, one script.
    const agents = fs.readFileSync(path.join(out, 'for-agents', 'index.html'), 'utf8');
    expect(agents.match(/<script type="module" src="[^"]*\/copy-button\.\w+\.js"/g)).toHaveLength(1);
  });
});
