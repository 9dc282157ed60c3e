/** The benchmark's static page-weight measurements, on a tiny hand-made `dist/`. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileFor, measureSite, pageWeight } from '../../scripts/bench/site-metrics';

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-dist-'));
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

const files: Record<string, string> = {
  'index.html': '<html><body>home</body></html>',
  'n/tool/x/index.html':
    '<html><head><link rel="stylesheet" href="/_astro/site.css"><script type="module" src="/_astro/a.js"></script></head>' +
    '<body><script type="module">import "/_astro/c.js";</script><script>console.log("classic, not a module")</script>' +
    `<p>${'x'.repeat(2000)}</p></body></html>`,
  'n/tool/x.json': '{"id":"tool:x"}',
  'n/role/y/index.html': '<html><body><script type="module" src="/_astro/a.js"></script>small</body></html>',
  '_astro/a.js': 'import{x as y}from"./b.js";const lazy=()=>import("./lazy.js");export{y,lazy};',
  '_astro/b.js': 'export const x=1;export*from"./d.js";',
  '_astro/c.js': 'console.log(1);',
  '_astro/d.js': 'export const d=2;',
  '_astro/lazy.js': `export const big="${'z'.repeat(5000)}";`,
  '_astro/site.css': 'body{color:red}',
};
for (const [rel, text] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(path.join(dist, rel)), { recursive: true });
  fs.writeFileSync(path.join(dist, rel), text);
}

describe('pageWeight', () => {
  it('counts module scripts, inline module imports and static imports, but not lazy import() chunks', () => {
    const w = pageWeight(dist, '/n/tool/x/');
    const expected = ['a.js', 'b.js', 'c.js', 'd.js'].reduce((n, f) => n + files[`_astro/${f}`]!.length, 0) + 'import "/_astro/c.js";'.length;
    expect(w.jsFiles).toBe(4);
    expect(w.jsBytes).toBe(expected);
    expect(w.jsGzip).toBeGreaterThan(0);
    expect(w.cssBytes).toBe(files['_astro/site.css']!.length);
    expect(w.htmlBytes).toBe(files['n/tool/x/index.html']!.length);
  });
});

describe('measureSite', () => {
  it('sums the output and reads record pages from n/**/index.html only', () => {
    const m = measureSite(dist);
    expect(m.distFiles).toBe(Object.keys(files).length);
    expect(m.distBytes).toBe(Object.values(files).reduce((n, t) => n + t.length, 0));
    expect(m.recordPages).toBe(2);
    expect(m.recordHtmlMax).toBe(files['n/tool/x/index.html']!.length);
    expect(m.largestPage?.page).toBe('/n/tool/x/');
    expect(m.byFolder[0]!.folder).toBe('_astro');
  });

  it('maps site paths to built files the way a static host does', () => {
    expect(fileFor(dist, '/n/tool/x/')).toBe(path.join(dist, 'n/tool/x/index.html'));
    expect(fileFor(dist, '/n/tool/x.json')).toBe(path.join(dist, 'n/tool/x.json'));
    expect(fileFor(dist, '/missing/')).toBeNull();
    expect(fileFor(dist, '/../etc/passwd')).toBeNull();
  });
});
