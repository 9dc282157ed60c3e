/**
 * Writes one small file per record without holding up the thread Astro renders on: a few writes
 * in flight at a time, each file's content made only when its turn comes, each folder created
 * once.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface FileJob {
  /** Path under the output folder, `/`-separated. */
  path: string;
  content(): string;
}

/** Writes every file under `root` and returns the bytes written; stops with the signal's reason once it is aborted. */
export async function writeFiles(root: string, jobs: Iterable<FileJob>, signal?: AbortSignal, inFlight = 8): Promise<number> {
  const queue = jobs[Symbol.iterator]();
  const folders = new Map<string, Promise<unknown>>();
  let bytes = 0;
  const writer = async () => {
    for (let next = queue.next(); !next.done; next = queue.next()) {
      signal?.throwIfAborted();
      const target = path.join(root, ...next.value.path.split('/'));
      const folder = path.dirname(target);
      let made = folders.get(folder);
      if (!made) folders.set(folder, (made = fs.promises.mkdir(folder, { recursive: true })));
      await made;
      const text = next.value.content();
      bytes += Buffer.byteLength(text);
      await fs.promises.writeFile(target, text);
    }
  };
  // Every writer is settled before this returns or throws: the caller may remove the folder next.
  const outcomes = await Promise.allSettled(Array.from({ length: inFlight }, writer));
  const failed = outcomes.find((o) => o.status === 'rejected');
  if (failed) throw failed.reason;
  return bytes;
}
