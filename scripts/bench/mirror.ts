/**
 * A symlink view of an atlas without some files: how the benchmark builds a site from the sample
 * corpus, which has a file with a YAML syntax error that makes the build refuse it. The corpus
 * stays read-only and is never copied; the view is a folder of links in the system temp folder.
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * Fills `dest` (created fresh) with links into `src`, leaving out `exclude` (paths relative to
 * `src`, `/`-separated). Folders with nothing excluded below them are linked whole.
 */
export function symlinkView(src: string, dest: string, exclude: readonly string[]): void {
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(dest, { recursive: true });
  const excluded = new Set(exclude);
  const touched = (rel: string) => exclude.some((e) => e.startsWith(`${rel}/`));
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(src, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (excluded.has(child)) continue;
      if (entry.isDirectory() && touched(child)) {
        fs.mkdirSync(path.join(dest, child));
        walk(child);
      } else fs.symlinkSync(path.join(src, child), path.join(dest, child));
    }
  };
  walk('');
}
