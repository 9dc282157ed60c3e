import { describe, expect, it } from 'vitest';
import { recordPayload } from '../../src/pipeline/model';
import { parseWikiPage } from '../../src/pipeline/parse-wiki';
import { findWikiLinks, isRelativeMarkdown, resolveWikiPath } from '../../src/pipeline/wiki-links';
import { atlasOf, only } from './helpers';

const page = (path: string, text: string) => parseWikiPage({ path, role: 'wiki', cluster: 'wiki', text });

describe('parseWikiPage', () => {
  it('turns frontmatter into a Page record document and keeps the article as body', () => {
    const text = [
      '---',
      'id: page:schema-changes',
      'nodeKind: Page',
      'title: Schema changes',
      'slug: guides/schema',
      'articlePath: wiki/guides/schema-changes.md',
      'documents: [workflow:schema-migration, 42]',
      '---',
      '# Heading',
      '',
      'Body text.',
      '',
    ].join('\n');
    const { page: p, document, problems } = page('wiki/guides/schema-changes.md', text);
    expect(problems).toEqual([]);
    expect(p).toEqual({
      id: 'page:schema-changes',
      file: 'wiki/guides/schema-changes.md',
      slug: 'guides/schema',
      title: 'Schema changes',
      body: '# Heading\n\nBody text.\n',
      bodyLine: 9,
      documents: ['workflow:schema-migration'],
    });
    expect(document!.value).toMatchObject({ nodeKind: 'Page', id: 'page:schema-changes' });
    expect(document!.locate(['attributes', 'title'])).toEqual({ line: 4, column: 1 });
  });

  it('a page without frontmatter gets an id from its path, a `wiki-frontmatter` warning, and a title from its heading', () => {
    const { page: p, problems } = page('wiki/guides/intro.md', '# Getting started\n\nHello.\n');
    expect(p).toMatchObject({ id: 'page:guides-intro', slug: 'guides/intro', title: 'Getting started', bodyLine: 1, documents: [] });
    expect(problems).toMatchObject([{ code: 'wiki-frontmatter', severity: 'warning', file: 'wiki/guides/intro.md', line: 1, id: 'page:guides-intro' }]);
    expect(problems[0]!.message).toContain('no frontmatter');
  });

  it('frontmatter without an id also derives one, and falls back to the file name for the title', () => {
    const { page: p, problems } = page('wiki/notes.md', '---\ntitle: ""\n---\nno heading\n');
    expect(p).toMatchObject({ id: 'page:notes', title: 'notes' });
    expect(problems[0]!.message).toContain('no `id`');
  });

  it('reports broken frontmatter YAML at its line in the file', () => {
    const { problems } = page('wiki/x.md', '---\nid: page:x\ntitle: [unclosed\n---\nbody\n');
    expect(problems.find((p) => p.code === 'yaml-syntax')!.line).toBeGreaterThanOrEqual(3);
  });

  it('handles CRLF frontmatter', () => {
    const { page: p, problems } = page('wiki/x.md', '---\r\nid: page:x\r\ntitle: X\r\n---\r\nbody\r\n');
    expect(problems).toEqual([]);
    expect(p).toMatchObject({ id: 'page:x', title: 'X', bodyLine: 5 });
  });

  it('becomes a Page record in the wiki cluster whose attributes carry title, slug, articlePath and body', () => {
    const atlas = atlasOf({ 'wiki/a.md': '---\nid: page:a\ntitle: A\n---\nText\n', 'c/x.yaml': 'nodeKind: X\nid: x:1\n' });
    const p = recordPayload(atlas.records.get('page:a')!);
    expect(p).toMatchObject({ id: 'page:a', _kind: 'Page', _file: 'wiki/a.md', _cluster: 'wiki' });
    expect(p.attributes).toEqual({ title: 'A', slug: 'a', articlePath: 'wiki/a.md', documents: [], body: 'Text\n' });
    expect(atlas.records.get('page:a')!.definitions[0]!.form).toBe('wiki');
  });
});

describe('wiki links', () => {
  it('finds relative .md links, [[id]] and atlas: links, with line and column (of the href for Markdown links)', () => {
    const md = ['See [other](other.md) and [[workflow:a]].', 'Also [[tool:b|the tool]] and [x](atlas:role%3Ac).', 'External [y](https://x.org/a.md), [z](/abs.md), [w](#top).'].join('\n');
    expect(findWikiLinks(md)).toEqual([
      { type: 'record', target: 'workflow:a', line: 1, column: 27 },
      { type: 'page', target: 'other.md', line: 1, column: 13 },
      { type: 'record', target: 'tool:b', line: 2, column: 6 },
      { type: 'record', target: 'role:c', line: 2, column: 34 },
    ]);
  });

  it('ignores links inside code spans and fenced code blocks', () => {
    const md = ['`[[not:a-link]]` and ``[x](y.md)``', '```', '[[in:fence]]', '```', '~~~md', '[z](z.md)', '~~~', '[[real:one]]'].join('\n');
    expect(findWikiLinks(md)).toEqual([{ type: 'record', target: 'real:one', line: 8, column: 1 }]);
  });

  it('resolves relative links against the page and refuses to climb out of the atlas', () => {
    expect(resolveWikiPath('wiki/guides/a.md', 'b.md')).toBe('wiki/guides/b.md');
    expect(resolveWikiPath('wiki/guides/a.md', '../c.md#part')).toBe('wiki/c.md');
    expect(resolveWikiPath('wiki/guides/a.md', './sub/d%20e.md')).toBe('wiki/guides/sub/d e.md');
    expect(resolveWikiPath('wiki/a.md', '../../../x.md')).toBeNull();
    expect(resolveWikiPath('wiki/a.md', 'https://x/y.md')).toBeNull();
    expect(isRelativeMarkdown('x.md#a')).toBe(true);
    expect(isRelativeMarkdown('mailto:x.md')).toBe(false);
  });

  it('reports broken links as `broken-wiki-link` at their line in the file, and unknown `documents:` ids', () => {
    const atlas = atlasOf({
      'c/x.yaml': 'nodeKind: X\nid: x:1\n',
      'wiki/guides/a.md': [
        '---', // 1
        'id: page:a', // 2
        'documents: [x:1, x:missing]', // 3
        '---', // 4
        '# A', // 5
        '', // 6
        'Good: [[x:1]], [b](b.md), [up](../top.md), [r](atlas:x:1).', // 7
        '', // 8
        'Bad: [[x:nope]] and [gone](missing.md)', // 9
        '`[[x:in-code]]`', // 10
        'and [r](atlas:x:absent).', // 11
      ].join('\n'),
      'wiki/guides/b.md': '# B\n\n[[page:a]] [back](./a.md)\n',
      'wiki/top.md': '---\nid: page:top\n---\n',
    });
    const broken = only(atlas.problems, 'broken-wiki-link');
    expect(broken.map((p) => [p.file, p.line, p.column, p.id])).toEqual([
      ['wiki/guides/a.md', 1, 1, 'page:a'],
      ['wiki/guides/a.md', 9, 6, 'page:a'],
      ['wiki/guides/a.md', 9, 28, 'page:a'],
      ['wiki/guides/a.md', 11, 9, 'page:a'],
    ]);
    expect(broken.map((p) => p.message).join('\n')).toMatch(/x:missing[\s\S]*x:nope[\s\S]*missing\.md[\s\S]*x:absent/);
    // b.md has no frontmatter: its own warning, but no broken links.
    expect(atlas.problems.filter((p) => p.file === 'wiki/guides/b.md').map((p) => p.code)).toEqual(['wiki-frontmatter']);
  });
});
