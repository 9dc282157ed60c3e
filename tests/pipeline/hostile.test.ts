/**
 * Hostile and broken input: each case must end in a clear problem (or a correct record), never a
 * crash, a hang, or a silently wrong record.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main, type Io } from '../../src/cli/main';
import { clearAtlasCache, loadAtlas, runPipeline } from '../../src/pipeline/load-atlas';
import { recordJson, recordPayload } from '../../src/pipeline/model';
import { DEFAULT_MAX_FILE_BYTES, readAtlasFiles } from '../../src/pipeline/read-files';
import { codes, only, tempAtlas } from './helpers';

const OK = 'nodeKind: Thing\nid: thing:ok\nattributes:\n  displayName: Fine\n';
const load = (files: Record<string, string | Buffer>, options = {}) => loadAtlas(tempAtlas(files), options);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('hostile input: encodings and line endings', () => {
  it('a file that is not UTF-8 is skipped with `file-encoding` at the first bad byte; other files load', () => {
    const latin1 = Buffer.concat([Buffer.from('nodeKind: Thing\nid: thing:latin\nattributes:\n  name: caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const atlas = load({ 'c/latin1.yaml': latin1, 'c/ok.yaml': OK });
    const enc = only(atlas.problems, 'file-encoding');
    expect(enc).toHaveLength(1);
    expect(enc[0]).toMatchObject({ severity: 'error', file: 'c/latin1.yaml', line: 4, column: 12 });
    expect(enc[0]!.message).toContain('not valid UTF-8');
    expect(atlas.records.has('thing:latin')).toBe(false);
    expect(atlas.records.has('thing:ok')).toBe(true);
  });

  it('a UTF-8 byte-order mark is dropped: first key, id and positions are right', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('nodeKind: Thing\nid: thing:bom\nedges:\n  uses: [thing:nowhere]\n')]);
    const atlas = load({ 'c/bom.yaml': bom });
    const rec = atlas.records.get('thing:bom')!;
    expect(rec.kind).toBe('Thing');
    expect(rec.source).toEqual({ file: 'c/bom.yaml', line: 1, column: 1 });
    expect(atlas.problems).toMatchObject([{ code: 'dangling-edge', line: 4, column: 10 }]);
  });

  it('CRLF line endings load like LF, with the same lines and columns and no stray \\r in values', () => {
    const text = 'nodeKind: Thing\r\nid: thing:crlf\r\nattributes:\r\n  note: |\r\n    two\r\n    lines\r\nedges:\r\n  uses:\r\n    - thing:nowhere\r\n';
    const atlas = load({ 'c/crlf.yaml': text });
    const rec = atlas.records.get('thing:crlf')!;
    expect(recordPayload(rec).attributes).toEqual({ note: 'two\nlines\n' });
    expect(recordJson(rec)).not.toContain('\\r');
    expect(atlas.problems).toMatchObject([{ code: 'dangling-edge', line: 9, column: 7 }]);
  });

  it('tabs in indentation give `yaml-syntax` at the tab line; the rest of the atlas loads', () => {
    const atlas = load({ 'c/tabs.yaml': 'nodeKind: Thing\nid: thing:tabs\nattributes:\n\tname: x\n', 'c/ok.yaml': OK });
    expect(atlas.problems).toMatchObject([{ code: 'yaml-syntax', severity: 'error', file: 'c/tabs.yaml', line: 4 }]);
    expect(atlas.problems[0]!.message).toMatch(/tab/);
    expect([...atlas.records.keys()]).toEqual(['thing:ok']);
  });
});

describe('hostile input: size', () => {
  it('a file over the size limit is skipped with `file-too-large`', () => {
    const atlas = load({ 'c/big.yaml': `${OK}---\nnodeKind: Thing\nid: thing:big\nattributes: {pad: "${'x'.repeat(2000)}"}\n`, 'c/ok.yaml': OK }, { maxFileBytes: 1024 });
    expect(atlas.problems).toMatchObject([{ code: 'file-too-large', severity: 'error', file: 'c/big.yaml', line: 0 }]);
    expect(atlas.problems[0]!.message).toContain('1.0 KiB limit');
    expect(atlas.records.has('thing:big')).toBe(false);
    expect(atlas.stats.files).toBe(1);
  });

  it('a ~20 MB file (over the 16 MiB default) is refused from its size alone, without being read', () => {
    const dir = tempAtlas({ 'c/ok.yaml': OK });
    const big = path.join(dir, 'c', 'huge.yaml');
    const chunk = Buffer.from('- {nodeKind: Thing, id: "thing:pad", attributes: {pad: "xxxxxxxxxxxxxxxxxxxxxxxxxxxx"}}\n');
    const fd = fs.openSync(big, 'w');
    const block = Buffer.concat(Array.from({ length: 1024 }, () => chunk));
    for (let written = 0; written < 20 * 1024 * 1024; written += block.length) fs.writeSync(fd, block);
    fs.closeSync(fd);
    expect(fs.statSync(big).size).toBeGreaterThan(DEFAULT_MAX_FILE_BYTES);

    const reads = vi.spyOn(fs, 'readFileSync');
    const result = readAtlasFiles(dir);
    expect(reads.mock.calls.map((c) => String(c[0]))).not.toContain(big);
    expect(reads.mock.calls.map((c) => String(c[0]))).toContain(path.join(dir, 'c', 'ok.yaml'));
    expect(result.files.map((f) => f.path)).toEqual(['c/ok.yaml']);
    expect(result.problems).toMatchObject([{ code: 'file-too-large', file: 'c/huge.yaml' }]);
    expect(result.problems[0]!.message).toMatch(/2\d\.\d MiB, over the 16\.0 MiB limit/);
  });

  it('10,000 documents in one file are all loaded', () => {
    const docs = Array.from({ length: 10_000 }, (_, i) => `nodeKind: Thing\nid: thing:n${i}\nedges:\n  next: thing:n${(i + 1) % 10_000}\n`);
    const atlas = load({ 'c/many.yaml': docs.join('---\n') });
    expect(atlas.problems).toEqual([]);
    expect(atlas.stats).toMatchObject({ documents: 10_000, records: 10_000, edges: 10_000, danglingEdges: 0 });
    const last = atlas.records.get('thing:n9999')!;
    expect(last.source.line).toBe(9999 * 5 + 1);
    expect(recordPayload(last).outgoingEdges).toEqual([{ from: 'thing:n9999', to: 'thing:n0', kind: 'next' }]);
  });
});

describe('hostile input: structure', () => {
  it('attributes nested past depth 64 are refused with `yaml-too-complex`; the other documents load', () => {
    let nested = 'leaf';
    for (let i = 0; i < 70; i++) nested = `{k: ${nested}}`;
    const atlas = load({ 'c/deep.yaml': `${OK}---\nnodeKind: Thing\nid: thing:deep\nattributes: ${nested}\n` });
    expect(atlas.problems).toMatchObject([{ code: 'yaml-too-complex', severity: 'error', file: 'c/deep.yaml', line: 6 }]);
    expect(atlas.problems[0]!.message).toContain('deeper than 64');
    expect([...atlas.records.keys()]).toEqual(['thing:ok']);
  });

  it('thousands of nesting levels (flow and block) give a problem, never a stack overflow', () => {
    const flow = `nodeKind: Thing\nid: thing:flow\nattributes:\n  x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    let block = 'nodeKind: Thing\nid: thing:block\nattributes:\n';
    for (let i = 1; i <= 2000; i++) block += `${' '.repeat(i * 2)}k${i}:\n`;
    const atlas = load({ 'c/flow.yaml': flow, 'c/block.yaml': block, 'c/ok.yaml': OK });
    const byFile = Object.fromEntries(atlas.problems.map((p) => [p.file, p.code]));
    expect(Object.keys(byFile).sort()).toEqual(['c/block.yaml', 'c/flow.yaml']);
    for (const code of Object.values(byFile)) expect(['yaml-syntax', 'yaml-too-complex']).toContain(code);
    expect([...atlas.records.keys()]).toEqual(['thing:ok']);
  });

  it('a billion-laughs alias bomb is refused with `yaml-too-complex`', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array.from({ length: 10 }, () => `*${prev}`).join(',')}]`);
    }
    const bomb = `nodeKind: Thing\nid: thing:bomb\nattributes:\n${levels.map((l) => `  ${l}`).join('\n')}\n`;
    const atlas = load({ 'c/bomb.yaml': bomb, 'c/ok.yaml': OK });
    expect(atlas.problems).toMatchObject([{ code: 'yaml-too-complex', severity: 'error', file: 'c/bomb.yaml', line: 1 }]);
    expect(atlas.problems[0]!.message).toMatch(/expands to more than/);
    expect(atlas.records.has('thing:bomb')).toBe(false);
  });

  it('a few aliases well under the limit are fine', () => {
    const atlas = load({ 'c/alias.yaml': 'nodeKind: Thing\nid: thing:alias\nattributes:\n  base: &b {x: 1}\n  copy: *b\n' });
    expect(atlas.problems).toEqual([]);
    expect(recordPayload(atlas.records.get('thing:alias')!).attributes).toEqual({ base: { x: 1 }, copy: { x: 1 } });
  });

  it('`!!js/function` and other custom tags are not executed: `yaml-syntax`', () => {
    const g = globalThis as { atlasPwned?: unknown };
    delete g.atlasPwned;
    const atlas = load({
      'c/fn.yaml': 'nodeKind: Thing\nid: thing:fn\nattributes:\n  run: !!js/function "function () { globalThis.atlasPwned = true; return 1 }"\n',
      'c/tag.yaml': 'nodeKind: Thing\nid: thing:tag\nattributes:\n  x: !custom value\n',
      'c/regexp.yaml': 'nodeKind: Thing\nid: thing:re\nattributes:\n  x: !!js/regexp /a/\n',
    });
    expect(atlas.problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ['yaml-syntax', 'c/fn.yaml', 4],
      ['yaml-syntax', 'c/regexp.yaml', 4],
      ['yaml-syntax', 'c/tag.yaml', 4],
    ]);
    expect(atlas.problems[0]!.message).toContain('unknown tag');
    expect(g.atlasPwned).toBeUndefined();
    expect(atlas.records.size).toBe(0);
  });

  it('`__proto__` and `constructor` keys stay data: no prototype pollution, kept in the payload JSON', () => {
    const text = [
      'nodeKind: Thing',
      'id: thing:proto',
      'attributes:',
      '  __proto__: {polluted: attributes}',
      '  constructor: {prototype: {polluted: constructor}}',
      '  nested: {__proto__: {polluted: nested}}',
      'edges:',
      '  uses:',
      '    - target: thing:other',
      '      __proto__: {polluted: edge}',
      '      attributes: {constructor: {prototype: {polluted: edge-nested}}}',
      '  __proto__: [thing:other]',
      '---',
      'kind: NodeDocument',
      'nodes:',
      '  - {kind: Thing, id: thing:other, __proto__: {polluted: bundle}}',
      '---',
      'extendsNode: {nodeKind: Thing, id: thing:other}',
      'attributes: {__proto__: {polluted: extension}}',
      '---',
      'patch: true',
      'nodeKind: Thing',
      'id: thing:proto',
      'attributes: {__proto__: {polluted: patch}}',
      '',
    ].join('\n');
    const atlas = load({ 'c/proto.yaml': text });
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect((Object.prototype as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.create(null).polluted).toBeUndefined();

    const proto = JSON.parse(recordJson(atlas.records.get('thing:proto')!)) as Record<string, any>;
    // JSON.parse keeps "__proto__" as an own property.
    expect(Object.hasOwn(proto.attributes, '__proto__')).toBe(true);
    expect(proto.attributes.__proto__).toEqual({ polluted: 'patch' });
    expect(proto.attributes.constructor).toEqual({ prototype: { polluted: 'constructor' } });
    expect(Object.hasOwn(proto.attributes.nested, '__proto__')).toBe(true);
    const uses = proto.outgoingEdges.find((e: { kind: string }) => e.kind === 'uses');
    expect(Object.hasOwn(uses.attributes, '__proto__')).toBe(true);
    expect(uses.attributes.__proto__).toEqual({ polluted: 'edge' });
    expect(uses.attributes.constructor).toEqual({ prototype: { polluted: 'edge-nested' } });
    expect(proto.outgoingEdges.map((e: { kind: string }) => e.kind)).toEqual(['uses', '__proto__']);

    const other = JSON.parse(recordJson(atlas.records.get('thing:other')!)) as Record<string, any>;
    expect(other.attributes.__proto__).toEqual({ polluted: 'bundle' });
    expect(Object.hasOwn(atlas.stats.byEdgeKind, '__proto__')).toBe(true);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('ids with spaces, HTML or control characters are kept, with an `invalid-id` warning each', () => {
    const atlas = load({
      'c/ids.yaml': [
        'nodeKind: Thing\nid: "thing:with space"',
        'nodeKind: Thing\nid: "<script>alert(1)</script>"',
        'nodeKind: Thing\nid: "thing:bell\\u0007"',
        'nodeKind: Thing\nid: " thing:padded "',
      ].join('\n---\n'),
    });
    const invalid = only(atlas.problems, 'invalid-id');
    expect(invalid.map((p) => [p.severity, p.line])).toEqual([
      ['warning', 2],
      ['warning', 5],
      ['warning', 8],
      ['warning', 11],
    ]);
    expect([...atlas.records.keys()].sort()).toEqual([' thing:padded ', '<script>alert(1)</script>', 'thing:bell\u0007', 'thing:with space'].sort());
    expect(JSON.parse(recordJson(atlas.records.get('<script>alert(1)</script>')!)).id).toBe('<script>alert(1)</script>');
  });

  it('an id that is a number is read as a string with `invalid-id`; numeric ids in extendsNode too', () => {
    const atlas = load({ 'c/num.yaml': 'nodeKind: Thing\nid: 42\n---\nextendsNode: {nodeKind: Thing, id: 42}\nattributes: {x: 1}\n---\nnodeKind: Thing\nid: 1.5\n' });
    expect(only(atlas.problems, 'invalid-id').map((p) => p.line)).toEqual([2, 4, 8]);
    expect(atlas.records.get('42')!.id).toBe('42');
    expect(recordPayload(atlas.records.get('42')!).attributes).toEqual({ x: 1 });
    expect(atlas.records.has('1.5')).toBe(true);
    expect(codes(atlas.problems).filter((c) => c !== 'invalid-id')).toEqual([]);
  });

  it('an `edges` value that is a string or a number gives `invalid-edges`; the record is kept without edges', () => {
    const atlas = load({ 'c/e.yaml': 'nodeKind: Thing\nid: thing:s\nedges: thing:other\n---\nnodeKind: Thing\nid: thing:n\nedges: 42\n---\nnodeKind: Thing\nid: thing:t\nedges:\n  uses: 7\n' });
    expect(atlas.problems.map((p) => [p.code, p.line])).toEqual([
      ['invalid-edges', 3],
      ['invalid-edges', 7],
      ['invalid-edges', 12],
    ]);
    for (const id of ['thing:s', 'thing:n', 'thing:t']) expect(atlas.records.get(id)!.outgoing).toEqual([]);
    expect(atlas.edges).toEqual([]);
  });

  it('a self-referencing alias does not hang', () => {
    const atlas = load({ 'c/cycle.yaml': 'nodeKind: Thing\nid: thing:cycle\nattributes:\n  a: &x [1, *x]\n' });
    expect(atlas.problems.length).toBeGreaterThan(0);
    expect(['yaml-syntax', 'yaml-too-complex']).toContain(atlas.problems[0]!.code);
  });
});

describe('hostile input: the file system', () => {
  it('a symbolic link loop is reported as `symlink-loop` and not followed', () => {
    const dir = tempAtlas({ 'c/sub/a.yaml': OK });
    fs.symlinkSync('..', path.join(dir, 'c', 'sub', 'up'));
    fs.symlinkSync(dir, path.join(dir, 'c', 'root'));
    const { files, problems } = readAtlasFiles(dir);
    expect(files.map((f) => f.path)).toEqual(['c/sub/a.yaml']);
    expect(problems.map((p) => [p.code, p.severity, p.file])).toEqual([
      ['symlink-loop', 'warning', 'c/root'],
      ['symlink-loop', 'warning', 'c/sub/up'],
    ]);
  });

  it('a link that points to itself is reported, not followed', () => {
    const dir = tempAtlas({ 'c/a.yaml': OK });
    fs.symlinkSync('self', path.join(dir, 'c', 'self'));
    const { files, problems } = readAtlasFiles(dir);
    expect(files).toHaveLength(1);
    expect(problems).toMatchObject([{ code: 'file-unreadable', file: 'c/self' }]);
  });

  it('a broken link is reported as `file-unreadable`', () => {
    const dir = tempAtlas({ 'c/a.yaml': OK });
    fs.symlinkSync(path.join(dir, 'nowhere.yaml'), path.join(dir, 'c', 'broken.yaml'));
    const { files, problems } = readAtlasFiles(dir);
    expect(files.map((f) => f.path)).toEqual(['c/a.yaml']);
    expect(problems).toMatchObject([{ code: 'file-unreadable', severity: 'error', file: 'c/broken.yaml' }]);
    expect(problems[0]!.message).toContain('ENOENT');
  });

  it('a file without read permission is reported as `file-unreadable` (as root, which can read anything, it loads)', () => {
    const dir = tempAtlas({ 'c/a.yaml': OK, 'c/locked.yaml': 'nodeKind: Thing\nid: thing:locked\n' });
    const locked = path.join(dir, 'c', 'locked.yaml');
    fs.chmodSync(locked, 0o000);
    let canRead = true;
    try {
      fs.readFileSync(locked);
    } catch {
      canRead = false;
    }
    const { files, problems } = readAtlasFiles(dir);
    fs.chmodSync(locked, 0o644);
    if (canRead) {
      expect(files.map((f) => f.path)).toEqual(['c/a.yaml', 'c/locked.yaml']);
      expect(problems).toEqual([]);
    } else {
      expect(files.map((f) => f.path)).toEqual(['c/a.yaml']);
      expect(problems).toMatchObject([{ code: 'file-unreadable', file: 'c/locked.yaml' }]);
    }
  });

  it('an unreadable folder is reported as `file-unreadable`', () => {
    const dir = tempAtlas({ 'c/a.yaml': OK });
    // Permissions do not stop root, so the folder read itself is made to fail.
    const original = fs.readdirSync;
    vi.spyOn(fs, 'readdirSync').mockImplementation(((p: fs.PathLike, o?: unknown) => {
      if (String(p).endsWith(`${path.sep}c`)) throw Object.assign(new Error('denied'), { code: 'EACCES' });
      return (original as (p: fs.PathLike, o?: unknown) => unknown)(p, o);
    }) as typeof fs.readdirSync);
    const { files, problems } = readAtlasFiles(dir);
    expect(files).toEqual([]);
    expect(codes(problems)).toEqual(['file-unreadable', 'domain-empty']);
    expect(problems[0]).toMatchObject({ file: 'c' });
    expect(problems[0]!.message).toContain('EACCES');
  });

  it('an empty domain folder gives `domain-empty` and an empty atlas', () => {
    const atlas = load({});
    expect(atlas.problems).toMatchObject([{ code: 'domain-empty', severity: 'warning', file: '', line: 0 }]);
    expect(atlas.stats).toMatchObject({ files: 0, records: 0, edges: 0 });
    const empty = runPipeline('/nowhere', [], []);
    expect(empty.records.size).toBe(0);
  });

  it('a missing domain folder: the CLI exits 2 and prints the path it looked for', async () => {
    const parent = tempAtlas();
    const missing = path.join(parent, 'no-such-atlas');
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = { out: (s) => out.push(s), err: (s) => err.push(s), cwd: parent, env: {} };
    clearAtlasCache();
    expect(await main(['check', '--domain', 'no-such-atlas'], io)).toBe(2);
    expect(out.join('')).toBe('');
    expect(err.join('')).toContain(missing);
    err.length = 0;
    expect(await main(['stats'], io)).toBe(2);
    expect(err.join('')).toContain(path.join(parent, 'domain'));
  });
});
