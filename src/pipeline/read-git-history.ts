/**
 * Recently changed atlas files, from git history when the atlas is in a git checkout. A reader
 * like `read-files.ts` (it asks git, outside the pure stages); no git, no list, no error.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export interface FileChange {
  /** Path relative to the atlas root. */
  file: string;
  /** ISO date of the latest commit that touched it. */
  date: string;
  /** That commit's subject line. */
  subject: string;
}

export function readRecentChanges(root: string, limit = 12): FileChange[] {
  let out: string;
  try {
    const top = execFileSync('git', ['-C', root, 'rev-parse', '--show-toplevel'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    out = execFileSync('git', ['-C', root, 'log', '-n', '200', '--format=\u0001%cs\u0002%s', '--name-only', '--', '.'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 16 * 1024 * 1024,
    });
    const rootRel = path.relative(top, path.resolve(root)).split(path.sep).join('/');
    const seen = new Set<string>();
    const changes: FileChange[] = [];
    for (const block of out.split('\u0001').slice(1)) {
      const [head, ...files] = block.split('\n');
      const [date, subject] = head!.split('\u0002') as [string, string];
      for (const f of files) {
        if (!f || !/\.(ya?ml|md)$/i.test(f)) continue;
        const rel = rootRel ? (f.startsWith(`${rootRel}/`) ? f.slice(rootRel.length + 1) : null) : f;
        // Files in the root (README.md, …) are not atlas content.
        if (!rel || !rel.includes('/') || seen.has(rel)) continue;
        seen.add(rel);
        changes.push({ file: rel, date, subject });
        if (changes.length >= limit) return changes;
      }
    }
    return changes;
  } catch {
    return [];
  }
}
