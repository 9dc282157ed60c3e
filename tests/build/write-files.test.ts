import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFiles, type FileJob } from '../../src/build/write-files';

const roots: string[] = [];
const freshRoot = () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-write-files-'));
  roots.push(root);
  return root;
};
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe('writeFiles', () => {
  it('writes every file into nested folders and counts UTF-8 bytes, not characters', async () => {
    const root = freshRoot();
    const jobs: FileJob[] = [
      { path: 'n/tool/a.json', content: () => '{"name":"Ä"}' },
      { path: 'n/tool/b.json', content: () => '{}' },
      { path: 'n/deep/er/c.graph.json', content: () => '[]' },
      { path: 'top.txt', content: () => 'x' },
    ];
    const bytes = await writeFiles(root, jobs);
    expect(fs.readFileSync(path.join(root, 'n/tool/a.json'), 'utf8')).toBe('{"name":"Ä"}');
    expect(fs.readFileSync(path.join(root, 'n/deep/er/c.graph.json'), 'utf8')).toBe('[]');
    expect(fs.readFileSync(path.join(root, 'top.txt'), 'utf8')).toBe('x');
    expect(bytes).toBe(Buffer.byteLength('{"name":"Ä"}') + 2 + 2 + 1);
  });

  it('makes each file only when a writer is free: never more than the limit ahead of the disk', async () => {
    const root = freshRoot();
    let made = 0;
    let mostAhead = 0;
    const jobs = function* (): Generator<FileJob> {
      for (let i = 0; i < 50; i++)
        yield {
          path: `f/${i}.txt`,
          content: () => {
            made++;
            const onDisk = fs.existsSync(path.join(root, 'f')) ? fs.readdirSync(path.join(root, 'f')).length : 0;
            mostAhead = Math.max(mostAhead, made - onDisk);
            return String(i);
          },
        };
    };
    await writeFiles(root, jobs(), undefined, 4);
    expect(made).toBe(50);
    expect(mostAhead).toBeLessThanOrEqual(4);
    expect(fs.readdirSync(path.join(root, 'f'))).toHaveLength(50);
  });

  it('stops with the reason once aborted, and writes nothing more', async () => {
    const root = freshRoot();
    const stop = new AbortController();
    let made = 0;
    const jobs = function* (): Generator<FileJob> {
      for (let i = 0; i < 1000; i++) yield { path: `f/${i}.txt`, content: () => String(++made) };
    };
    const writing = writeFiles(root, jobs(), stop.signal, 2);
    stop.abort(new Error('The build failed.'));
    await expect(writing).rejects.toThrow('The build failed.');
    const written = fs.existsSync(path.join(root, 'f')) ? fs.readdirSync(path.join(root, 'f')).length : 0;
    expect(written).toBeLessThanOrEqual(2);
    expect(made).toBeLessThanOrEqual(2);
  });
});
