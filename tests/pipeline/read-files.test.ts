import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/pipeline/format-bytes';
import { DomainNotFoundError, readAtlasFiles } from '../../src/pipeline/read-files';
import { FIXTURES, codes, tempAtlas } from './helpers';

describe('readAtlasFiles', () => {
  it('visits files in byte-order path order with `/` separators, whatever order they were created in', () => {
    const dir = tempAtlas({
      'b/z.yaml': 'x: 1\n',
      'B/a.yaml': 'x: 1\n',
      'a/sub/deep.yml': 'x: 1\n',
      'a/Z.yaml': 'x: 1\n',
      'a/a.yaml': 'x: 1\n',
      'a/a-b.yaml': 'x: 1\n',
      'a/a_b.yaml': 'x: 1\n',
    });
    const { files } = readAtlasFiles(dir);
    // Byte order: upper case before lower case, `-` (0x2d) before `.` (0x2e) before `/` (0x2f) before `_` (0x5f).
    expect(files.map((f) => f.path)).toEqual(['B/a.yaml', 'a/Z.yaml', 'a/a-b.yaml', 'a/a.yaml', 'a/a_b.yaml', 'a/sub/deep.yml', 'b/z.yaml']);
  });

  it('byte order is UTF-8 byte (code point) order, also for characters beyond the BMP', () => {
    // UTF-16 order would put the emoji (a surrogate pair) before the full-width letter.
    const dir = tempAtlas({ 'c/\u{1F600}.yaml': 'x: 1\n', 'c/\uFF21.yaml': 'x: 1\n', 'c/z.yaml': 'x: 1\n', 'c/\u00e9.yaml': 'x: 1\n' });
    const paths = readAtlasFiles(dir).files.map((f) => f.path);
    expect(paths).toEqual(['c/z.yaml', 'c/\u00e9.yaml', 'c/\uFF21.yaml', 'c/\u{1F600}.yaml']);
    const bytes = [...paths].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect(paths).toEqual(bytes);
  });

  it('takes the cluster from the first folder under the root, however deep the file is', () => {
    const dir = tempAtlas({ 'domain/workflows/x/y.yaml': 'a: 1\n', 'compute/m.yaml': 'a: 1\n' });
    const { files } = readAtlasFiles(dir);
    expect(files.map((f) => [f.path, f.cluster, f.role])).toEqual([
      ['compute/m.yaml', 'compute', 'records'],
      ['domain/workflows/x/y.yaml', 'domain', 'records'],
    ]);
  });

  it('ignores folders starting with `.` or `_`, files of other types and files directly in the root', () => {
    const { files, problems } = readAtlasFiles(path.join(FIXTURES, 'basic'));
    const paths = files.map((f) => f.path);
    expect(paths).toEqual([
      'people/roles.yaml',
      'schema/attribute-types.yaml',
      'schema/edge-kinds.yaml',
      'schema/node-kinds/core.yaml',
      'tools/tools.yaml',
      'wiki/guide.md',
      'work/workflows.yaml',
    ]);
    expect(paths.some((p) => p.includes('_drafts') || p.includes('.hidden') || p.endsWith('.txt') || p === 'README.md')).toBe(false);
    expect(problems).toEqual([]);
  });

  it('ignores `.`/`_` folders and files at any depth, and accepts .yml and upper-case extensions', () => {
    const dir = tempAtlas({
      'c/.git/x.yaml': 'a: 1\n',
      'c/sub/_wip/x.yaml': 'a: 1\n',
      'c/_x.yaml': 'a: 1\n',
      'c/.x.yaml': 'a: 1\n',
      'c/ok.YAML': 'a: 1\n',
      'c/ok2.yml': 'a: 1\n',
      'c/ok.json': '{}',
      'c/ok.md': '# not a wiki page outside wiki/',
    });
    expect(readAtlasFiles(dir).files.map((f) => f.path)).toEqual(['c/ok.YAML', 'c/ok2.yml']);
  });

  it('gives schema/ files the schema role and wiki/ Markdown the wiki role (YAML in wiki/ is not read)', () => {
    const dir = tempAtlas({
      'schema/node-kinds/a.yaml': 'nodeKinds: []\n',
      'schema/edge-kinds.yaml': 'edgeKinds: []\n',
      'wiki/guides/page.md': '# Page\n',
      'wiki/data.yaml': 'a: 1\n',
      'records/r.yaml': 'a: 1\n',
    });
    const { files } = readAtlasFiles(dir);
    expect(files.map((f) => [f.path, f.role, f.cluster])).toEqual([
      ['records/r.yaml', 'records', 'records'],
      ['schema/edge-kinds.yaml', 'schema', 'schema'],
      ['schema/node-kinds/a.yaml', 'schema', 'schema'],
      ['wiki/guides/page.md', 'wiki', 'wiki'],
    ]);
  });

  it('returns the absolute root and decoded text', () => {
    const dir = tempAtlas({ 'c/a.yaml': 'id: é\n' });
    const result = readAtlasFiles(dir);
    expect(result.root).toBe(path.resolve(dir));
    expect(result.files[0]!.text).toBe('id: é\n');
  });

  it('throws DomainNotFoundError naming the absolute path when the root is missing or a file', () => {
    const dir = tempAtlas({ 'file.yaml': 'a: 1\n' });
    const missing = path.join(dir, 'nope');
    expect(() => readAtlasFiles(missing)).toThrow(DomainNotFoundError);
    try {
      readAtlasFiles(missing);
    } catch (err) {
      expect((err as DomainNotFoundError).root).toBe(missing);
      expect((err as Error).message).toContain(missing);
    }
    expect(() => readAtlasFiles(path.join(dir, 'file.yaml'))).toThrow(DomainNotFoundError);
  });

  it('reports `domain-empty` when no record file exists (schema only counts as empty)', () => {
    const dir = tempAtlas({ 'schema/edge-kinds.yaml': 'edgeKinds: []\n' });
    const { problems } = readAtlasFiles(dir);
    expect(codes(problems)).toEqual(['domain-empty']);
    expect(problems[0]!.severity).toBe('warning');
  });

  it('skips files over maxFileBytes with `file-too-large`', () => {
    const dir = tempAtlas({ 'c/small.yaml': 'a: 1\n', 'c/big.yaml': `a: "${'x'.repeat(200)}"\n` });
    const { files, problems } = readAtlasFiles(dir, { maxFileBytes: 100 });
    expect(files.map((f) => f.path)).toEqual(['c/small.yaml']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'file-too-large', severity: 'error', file: 'c/big.yaml' });
    expect(problems[0]!.message).toContain('100 B');
  });

  it('formats byte counts', () => {
    expect(formatBytes(12)).toBe('12 B');
    expect(formatBytes(2048)).toBe('2.0 KiB');
    expect(formatBytes(16 * 1024 * 1024)).toBe('16.0 MiB');
  });

  it('follows a symbolic link to a folder outside the atlas', () => {
    const outside = tempAtlas({ 'x.yaml': 'a: 1\n' });
    const dir = tempAtlas({ 'c/a.yaml': 'a: 1\n' });
    fs.symlinkSync(outside, path.join(dir, 'c', 'linked'));
    expect(readAtlasFiles(dir).files.map((f) => f.path)).toEqual(['c/a.yaml', 'c/linked/x.yaml']);
  });
});
