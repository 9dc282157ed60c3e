/**
 * Writes one small file per record, a few at a time: with several creates in flight the disk
 * work overlaps (one synchronous write after another took seconds on a busy disk), while each
 * file's content is made only when its turn comes, so the files never sit in memory together.
 * Each folder is created once.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface FileJob {
  /** Path under the output folder, `/`-separated. */
  path: string;
  content(): string;
}

/** Writes every file under `root` and returns the bytes written. */
export async function writeFiles(root: string, jobs: Iterable<FileJob>, inFlight = 8): Promise<number> {
  const queue = jobs[Symbol.iterator]();
  const folders = new Map<string, Promise<unknown>>();
  let bytes = 0;
  const writer = async () => {
    for (let next = queue.next(); !next.done; next = queue.next()) {
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
  // Every writer is settled before this returns or throws: a failed build removes the folder next.
  const outcomes = await Promise.allSettled(Array.from({ length: inFlight }, writer));
  const failed = outcomes.find((o) => o.status === 'rejected');
  if (failed) throw failed.reason;
  return bytes;
}
