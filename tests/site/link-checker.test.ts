/** The link checker itself, on a tiny hand-made site: it must catch what it claims to catch. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks, cssUrls, decodeEntities, remoteImports, scanTags } from '../support/link-checker';

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'sitetests-lc-'));
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dist, rel)), { recursive: true });
  fs.writeFileSync(path.join(dist, rel), text);
}

write('index.html', `<!doctype html><html><head>
  <link rel="stylesheet" href="/atlas/_astro/site.css">
  <link rel="canonical" href="https://atlas.example.org/atlas/">
  <link rel="icon" href="https://cdn.example.com/icon.svg">
  <script type="module" src="/atlas/_astro/app.js"></script>
  <script>var x = '<a href="/atlas/not-a-link/">'; import("https://esm.example.com/lib.js");</script>
</head><body>
  <a href="/atlas/n/thing/a~2Fb~7Ec/">ok, encoded tilde path</a>
  <a href="n/thing/Gr%C3%BC%C3%9Fe/?tab=json#x">ok, relative, percent-encoded, query and hash</a>
  <a href="/atlas/n/thing">ok, a folder without slash</a>
  <a href="/atlas/n/thing/a~2Fb~7Ec.json">ok, a file</a>
  <a href="https://atlas.example.org/atlas/kinds/">ok, absolute to the site</a>
  <a href="https://other.example.org/x">ok, another host (a plain link)</a>
  <a href="mailto:a@b.c">skip</a> <a href="#top">skip</a> <a href="data:text/plain,x">skip</a>
  <a href="/atlas/n/missing/">broken 1</a>
  <a href='/atlas/n/thing/a~2Fb~7Ec.json?x=1&amp;y=2'>ok, entity in the query</a>
  <a href="/elsewhere/">broken 2: outside the base</a>
  <a href="/atlas/%E0%A4%A">broken 3: bad percent-encoding</a>
  <a href="../../../etc/passwd">broken 4: escapes (resolves outside the base)</a>
  <img src="https://images.example.com/x.png" alt="">
  <div style="background: url('https://bg.example.com/a.png')"></div>
  <!-- <a href="/atlas/commented-out/"> -->
  <record-table data-src="/atlas/kinds/Thing.json"></record-table>
</body></html>`);
write('n/thing/a~2Fb~7Ec/index.html', '<a href="../../../">up to the home page</a><a href="../Grüße/">sibling, unencoded</a>');
write('n/thing/a~2Fb~7Ec.json', '{}');
write('n/thing/Grüße/index.html', '<p>umlauts</p>');
write('n/thing/index.html', '<p>folder</p>');
write('kinds/index.html', '<p>kinds</p>');
write('404.html', '<a href="/atlas/">home</a><a href="kinds/">broken 5: relative on the 404 page</a>');
write('_astro/site.css', 'body{background:url(./bg.svg)} .x{background:url("https://fonts.example.com/f.woff2")} .y{background:url(data:image/png;base64,AAAA)}');
write('_astro/bg.svg', '<svg/>');
write('_astro/app.js', 'import{a}from"./chunk.js";import("https://cdn.example.com/graph.js");');

describe('checkLinks', () => {
  const report = checkLinks(dist, '/atlas/', { site: 'https://atlas.example.org' });

  it('reports exactly the broken internal links, with their page', () => {
    const broken = report.broken.map((b) => `${b.page} ${b.href}`).sort();
    expect(broken).toEqual(
      [
        '404.html kinds/',
        'index.html ../../../etc/passwd',
        'index.html /atlas/%E0%A4%A',
        'index.html /atlas/n/missing/',
        'index.html /atlas/kinds/Thing.json',
        'index.html /elsewhere/',
      ].sort(),
    );
    expect(report.broken.find((b) => b.href === '/atlas/n/missing/')!.reason).toBe('no file n/missing/index.html');
    expect(report.pages).toBe(6);
  });

  it('lists every resource loaded from another host, but not canonical links or plain outbound links', () => {
    const external = report.external.map((e) => `${e.file} ${e.via} ${e.url}`).sort();
    expect(external).toEqual(
      [
        '_astro/app.js import https://cdn.example.com/graph.js',
        '_astro/site.css css url() https://fonts.example.com/f.woff2',
        'index.html img https://images.example.com/x.png',
        'index.html inline import https://esm.example.com/lib.js',
        'index.html link[rel=icon] https://cdn.example.com/icon.svg',
        'index.html style="" url() https://bg.example.com/a.png',
      ].sort(),
    );
  });
});

describe('the HTML and CSS readers', () => {
  it('reads attributes in all quoting styles, decodes entities, skips comments and raw text', () => {
    const tags = scanTags(`<a HREF=/x?a=1&amp;b=2 title='it&#39;s'><!-- <img src=y> --><script>"<a href=z>"</script><img src="&#x2F;p">`);
    expect(tags.map((t) => [t.name, Object.fromEntries(t.attrs)])).toEqual([
      ['a', { href: '/x?a=1&b=2', title: "it's" }],
      ['script', {}],
      ['img', { src: '/p' }],
    ]);
    expect(decodeEntities('&lt;&unknown;&#128512;')).toBe('<&unknown;😀');
  });

  it('finds CSS url() and @import, and remote module imports', () => {
    expect(cssUrls(`@import "a.css"; x{background:url( 'b.png' )} y{src:url(c.woff)}`).sort()).toEqual(['a.css', 'b.png', 'c.woff']);
    expect(remoteImports(`import "https://a.example/x.js";import('//b.example/y.js');import"./local.js"`)).toEqual(['https://a.example/x.js', '//b.example/y.js']);
  });
});
