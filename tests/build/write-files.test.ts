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
    await writeFiles(root, jobs(), 4);
    expect(made).toBe(50);
    expect(mostAhead).toBeLessThanOrEqual(4);
    expect(fs.readdirSync(path.join(root, 'f'))).toHaveLength(50);
  });

  it('fails with the first error only after every write in flight has settled', async () => {
    const root = freshRoot();
    fs.writeFileSync(path.join(root, 'blocker'), 'a file where a folder should be');
    const jobs: FileJob[] = [
      { path: 'ok/1.txt', content: () => '1' },
      { path: 'blocker/x.txt', content: () => 'x' },
      { path: 'ok/2.txt', content: () => '2' },
      { path: 'ok/3.txt', content: () => '3' },
    ];
    await expect(writeFiles(root, jobs, 2)).rejects.toThrow(/blocker/);
    // The other writer finished its queue: nothing is still writing once the promise has settled.
    expect(fs.readdirSync(path.join(root, 'ok')).sort()).toEqual(['1.txt', '2.txt', '3.txt']);
  });

});
