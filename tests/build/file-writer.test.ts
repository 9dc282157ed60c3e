import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackgroundFileWriter } from '../../src/build/file-writer';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-writer-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the background file writer', () => {
  it('writes every queued file, creating their folders, before close() resolves', async () => {
    const dir = tempDir();
    const writer = new BackgroundFileWriter();
    // More than one batch, spread over folders, with text that is not ASCII.
    for (let i = 0; i < 600; i++) writer.write(path.join(dir, `group-${i % 7}`, 'deeper', `${i}.json`), `{"n":${i},"name":"réseau ${i}"}`);
    await writer.close();
    const written = fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.json'));
    expect(written).toHaveLength(600);
    expect(fs.readFileSync(path.join(dir, `group-${599 % 7}`, 'deeper', '599.json'), 'utf8')).toBe('{"n":599,"name":"réseau 599"}');
  });

  it('writes bytes as given, including views into a larger buffer', async () => {
    const dir = tempDir();
    const slab = Uint8Array.from({ length: 64 }, (_, i) => i);
    const writer = new BackgroundFileWriter();
    writer.write(path.join(dir, 'index', 'part.bin'), slab.subarray(10, 20));
    writer.write(path.join(dir, 'index', 'text.json'), '{"ok":true}');
    await writer.close();
    expect([...fs.readFileSync(path.join(dir, 'index', 'part.bin'))]).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(fs.readFileSync(path.join(dir, 'index', 'text.json'), 'utf8')).toBe('{"ok":true}');
  });

  it('rejects with the failing write when a file cannot be written', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'taken'), 'a file, not a folder');
    const writer = new BackgroundFileWriter();
    writer.write(path.join(dir, 'fine.json'), '{}');
    writer.write(path.join(dir, 'taken', 'inside.json'), '{}');
    await expect(writer.close()).rejects.toThrow(/EEXIST|ENOTDIR/);
    expect(fs.existsSync(path.join(dir, 'fine.json'))).toBe(true);
  });

  it('copies files, in order with the writes, creating their folders', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'source.mjs');
    fs.writeFileSync(source, 'export default "réseau";\n');
    const writer = new BackgroundFileWriter();
    writer.write(path.join(dir, 'out', 'first.json'), '{}');
    writer.copy(source, path.join(dir, 'out', 'vendor', 'lib.mjs'));
    await writer.close();
    expect(fs.readFileSync(path.join(dir, 'out', 'vendor', 'lib.mjs'), 'utf8')).toBe('export default "réseau";\n');
    expect(fs.existsSync(path.join(dir, 'out', 'first.json'))).toBe(true);
  });

  it('rejects when a file to copy is missing', async () => {
    const dir = tempDir();
    const writer = new BackgroundFileWriter();
    writer.copy(path.join(dir, 'nowhere.mjs'), path.join(dir, 'out', 'lib.mjs'));
    await expect(writer.close()).rejects.toThrow(/ENOENT/);
  });

  it('does nothing, and starts no thread, when nothing was queued', async () => {
    await expect(new BackgroundFileWriter().close()).resolves.toBeUndefined();
  });
});
