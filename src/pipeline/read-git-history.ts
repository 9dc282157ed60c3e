/**
 * Recently changed atlas files, from git history when the atlas is in a git checkout. A reader
 * like `read-files.ts` (it asks git, outside the pure stages); no git, no list, no error.
 *
 * Asynchronous and kept per process: git can take most of a second on a long history, so the
 * build script starts it as soon as the atlas is loaded and the home page awaits the same answer
 * instead of stopping the render thread for it.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { processWide } from './process-wide';

export interface FileChange {
  /** Path relative to the atlas root. */
  file: string;
  /** ISO date of the latest commit that touched it. */
  date: string;
  /** That commit's subject line. */
  subject: string;
}

const started = processWide('recent-changes', () => new Map<string, Promise<FileChange[]>>());

/** The `limit` most recently committed record and wiki files under `root`, newest first. */
export function readRecentChanges(root: string, limit = 12): Promise<FileChange[]> {
  const key = `${path.resolve(root)}\u0000${limit}`;
  let changes = started.get(key);
  if (!changes) {
    changes = gitLog(root).then((out) => (out ? parseLog(out, limit) : []));
    started.set(key, changes);
  }
  return changes;
}

/** `git log` of the folder, paths relative to it (`--relative`), or null when there is no history. */
function gitLog(root: string): Promise<string | null> {
  const args = ['-C', root, 'log', '-n', '200', '--format=\u0001%cs\u0002%s', '--name-only', '--relative', '--', '.'];
  return new Promise((resolve) => {
    execFile('git', args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (err, stdout) => resolve(err ? null : stdout));
  });
}

/** The log's files, each once at its latest commit; files in the root (README.md, …) are not atlas content. */
export function parseLog(out: string, limit: number): FileChange[] {
  const seen = new Set<string>();
  const changes: FileChange[] = [];
  for (const block of out.split('\u0001').slice(1)) {
    const [head, ...files] = block.split('\n');
    const [date, subject] = head!.split('\u0002') as [string, string];
    for (const file of files) {
      if (!file || !/\.(ya?ml|md)$/i.test(file) || !file.includes('/') || seen.has(file)) continue;
      seen.add(file);
      changes.push({ file, date, subject });
      if (changes.length >= limit) return changes;
    }
  }
  return changes;
}
