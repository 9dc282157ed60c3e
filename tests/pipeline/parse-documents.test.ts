import { describe, expect, it } from 'vitest';
import { LineIndex, parseYamlDocuments } from '../../src/pipeline/parse-documents';

const NODE = [
  'nodeKind: Workflow', // 1
  'id: workflow:a', // 2
  'edges:', // 3
  '  involves_role:', // 4
  '    - role:one', // 5
  '    - role:two', // 6
  '    - target: role:three', // 7
  '      confidence: high', // 8
  '  applies_to_domain: domain:x', // 9
  'attributes:', // 10
  '  nested:', // 11
  '    deeper: [1, 2, {k: v}]', // 12
  '',
].join('\n');

describe('parseYamlDocuments', () => {
  it('reads every document of a multi-document file and skips empty ones, keeping their index', () => {
    const text = ['---', 'id: a', '---', '---', '# only a comment', '---', 'id: b', '...', '---', 'id: c', ''].join('\n');
    const { documents, problems } = parseYamlDocuments('f.yaml', text);
    expect(problems).toEqual([]);
    expect(documents.map((d) => [d.index, (d.value as { id: string }).id])).toEqual([
      [0, 'a'],
      [3, 'b'],
      [4, 'c'],
    ]);
    expect(documents.map((d) => d.pos.line)).toEqual([2, 7, 10]);
    expect(documents.every((d) => d.file === 'f.yaml')).toBe(true);
  });

  it('returns nothing for an empty file or a file of comments', () => {
    expect(parseYamlDocuments('f.yaml', '')).toEqual({ documents: [], problems: [] });
    expect(parseYamlDocuments('f.yaml', '# nothing\n---\n# still nothing\n').documents).toEqual([]);
  });

  it('locates values by path: sequence items, mapping keys, nested values', () => {
    const [doc] = parseYamlDocuments('f.yaml', NODE).documents;
    expect(doc!.pos).toEqual({ line: 1, column: 1 });
    expect(doc!.locate([])).toEqual({ line: 1, column: 1 });
    expect(doc!.locate(['id'])).toEqual({ line: 2, column: 1 });
    expect(doc!.locate(['edges'])).toEqual({ line: 3, column: 1 });
    expect(doc!.locate(['edges', 'involves_role'])).toEqual({ line: 4, column: 3 });
    expect(doc!.locate(['edges', 'involves_role', 0])).toEqual({ line: 5, column: 7 });
    expect(doc!.locate(['edges', 'involves_role', 1])).toEqual({ line: 6, column: 7 });
    expect(doc!.locate(['edges', 'involves_role', 2])).toEqual({ line: 7, column: 7 });
    expect(doc!.locate(['edges', 'involves_role', 2, 'confidence'])).toEqual({ line: 8, column: 7 });
    expect(doc!.locate(['edges', 'applies_to_domain'])).toEqual({ line: 9, column: 3 });
    expect(doc!.locate(['attributes', 'nested', 'deeper'])).toEqual({ line: 12, column: 5 });
    expect(doc!.locate(['attributes', 'nested', 'deeper', 2, 'k'])).toEqual({ line: 12, column: 21 });
  });

  it('falls back to the nearest ancestor for paths that do not exist', () => {
    const [doc] = parseYamlDocuments('f.yaml', NODE).documents;
    expect(doc!.locate(['edges', 'involves_role', 99])).toEqual({ line: 4, column: 3 });
    expect(doc!.locate(['edges', 'nope'])).toEqual({ line: 3, column: 1 });
    expect(doc!.locate(['nope', 'deeper'])).toEqual({ line: 1, column: 1 });
  });

  it('locates within later documents of the same file', () => {
    const text = `id: a\n---\n# comment\nnodeKind: X\nid: b\nedges:\n  k: [t:1, t:2, t:3]\n`;
    const { documents } = parseYamlDocuments('f.yaml', text);
    const b = documents[1]!;
    expect(b.pos).toEqual({ line: 4, column: 1 });
    expect(b.locate(['edges', 'k', 2])).toEqual({ line: 7, column: 17 });
  });

  it('locates in flow mappings and with anchors and aliases', () => {
    const text = `base: &b {x: 1}\nid: a\nlist: [*b, {y: 2}]\n`;
    const [doc] = parseYamlDocuments('f.yaml', text).documents;
    expect(doc!.locate(['id'])).toEqual({ line: 2, column: 1 });
    expect(doc!.locate(['list', 1, 'y'])).toEqual({ line: 3, column: 13 });
  });

  it('handles CRLF line endings: same values, same lines and columns as LF', () => {
    const crlf = NODE.replace(/\n/g, '\r\n');
    const lf = parseYamlDocuments('f.yaml', NODE).documents[0]!;
    const [doc] = parseYamlDocuments('f.yaml', crlf).documents;
    expect(doc!.value).toEqual(lf.value);
    expect(JSON.stringify(doc!.value)).not.toContain('\\r');
    expect(doc!.locate(['edges', 'involves_role', 2])).toEqual({ line: 7, column: 7 });
    expect(doc!.locate(['edges', 'applies_to_domain'])).toEqual({ line: 9, column: 3 });
  });

  it('ignores a byte-order mark left in the text: same values and positions', () => {
    const { documents, problems } = parseYamlDocuments('f.yaml', '\uFEFFa: 1\nb: 2\nc: [x, y]\n');
    expect(problems).toEqual([]);
    expect(documents[0]!.value).toEqual({ a: 1, b: 2, c: ['x', 'y'] });
    expect(documents[0]!.locate(['b'])).toEqual({ line: 2, column: 1 });
    expect(documents[0]!.locate(['c', 1])).toEqual({ line: 3, column: 8 });
  });

  it('reports CRLF syntax errors at the right line', () => {
    const text = 'id: a\r\nattributes:\r\n  x: 1\r\n   y: 2\r\n';
    const { documents, problems } = parseYamlDocuments('f.yaml', text);
    expect(documents).toEqual([]);
    expect(problems).toMatchObject([{ code: 'yaml-syntax', line: 4 }]);
  });

  it('rejects tabs used for indentation with `yaml-syntax` at the tab line; tabs inside values are fine', () => {
    const bad = parseYamlDocuments('t.yaml', 'nodeKind: X\nid: a\nattributes:\n\tname: x\n');
    expect(bad.documents).toEqual([]);
    expect(bad.problems).toHaveLength(1);
    expect(bad.problems[0]).toMatchObject({ code: 'yaml-syntax', severity: 'error', file: 't.yaml', line: 4 });
    expect(bad.problems[0]!.message).toMatch(/tab/i);
    const ok = parseYamlDocuments('t.yaml', 'nodeKind: X\nid: a\nattributes:\n  name: "a\\tb"\n  other:\tvalue\n');
    expect(ok.problems).toEqual([]);
    expect(ok.documents[0]!.value).toEqual({ nodeKind: 'X', id: 'a', attributes: { name: 'a\tb', other: 'value' } });
  });

  it('loses the whole file on a syntax error in any document, naming line and column', () => {
    const text = 'id: a\n---\nid: b\nlist: [1, 2\n---\nid: c\n';
    const { documents, problems } = parseYamlDocuments('f.yaml', text);
    expect(documents).toEqual([]);
    expect(problems).toHaveLength(1);
    const p = problems[0]!;
    expect(p.code).toBe('yaml-syntax');
    expect(p.line).toBeGreaterThanOrEqual(4);
    expect(p.line).toBeLessThanOrEqual(5);
    expect(p.column).toBeGreaterThan(0);
    expect(p.message).toContain('no document of this file was loaded');
  });

  it('reports a duplicate mapping key as yaml-syntax at its line', () => {
    const { problems } = parseYamlDocuments('f.yaml', 'id: a\nnodeKind: X\nid: b\n');
    expect(problems).toMatchObject([{ code: 'yaml-syntax', line: 3 }]);
  });

  it('keeps dates as Date values (the normalizer turns them into strings)', () => {
    const [doc] = parseYamlDocuments('f.yaml', 'since: 2024-03-01\n').documents;
    expect((doc!.value as { since: unknown }).since).toBeInstanceOf(Date);
  });

  it('refuses a document nested past the depth limit with `yaml-too-complex`, keeping the other documents', () => {
    const deep = `a: ${'['.repeat(10)}1${']'.repeat(10)}\n`;
    const text = `id: ok\n---\n${deep}`;
    const { documents, problems } = parseYamlDocuments('f.yaml', text, { maxDepth: 5, maxNodes: 1000 });
    expect(documents.map((d) => d.value)).toEqual([{ id: 'ok' }]);
    expect(problems).toMatchObject([{ code: 'yaml-too-complex', line: 3, column: 1 }]);
    expect(problems[0]!.message).toContain('deeper than 5');
  });

  it('refuses a document expanding past maxNodes', () => {
    const { documents, problems } = parseYamlDocuments('f.yaml', `a: [${Array.from({ length: 50 }, (_, i) => i).join(', ')}]\n`, {
      maxDepth: 64,
      maxNodes: 20,
    });
    expect(documents).toEqual([]);
    expect(problems).toMatchObject([{ code: 'yaml-too-complex' }]);
  });
});

describe('LineIndex', () => {
  it('maps offsets to 1-based lines and columns', () => {
    const idx = new LineIndex('ab\ncd\r\nef');
    expect(idx.pos(0)).toEqual({ line: 1, column: 1 });
    expect(idx.pos(1)).toEqual({ line: 1, column: 2 });
    expect(idx.pos(3)).toEqual({ line: 2, column: 1 });
    expect(idx.pos(7)).toEqual({ line: 3, column: 1 });
    expect(idx.pos(8)).toEqual({ line: 3, column: 2 });
  });
});
