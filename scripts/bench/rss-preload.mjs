/**
 * Preloaded into every measured child (`node --import`): on exit, writes the process's peak
 * resident set size to `$BENCH_RSS_DIR/rss-<pid>.json`. Keyed by pid because a child may start
 * node processes of its own with the same flags; the runner reads the file of the pid it spawned.
 */
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.BENCH_RSS_DIR;
if (dir) {
  process.on('exit', () => {
    try {
      // resourceUsage().maxRSS is in kibibytes.
      fs.writeFileSync(path.join(dir, `rss-${process.pid}.json`), JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
    } catch {
      // Measuring must never change how the child exits.
    }
  });
}
