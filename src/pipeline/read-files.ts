/**
 * Stage 1, read files: the only part of the pipeline that touches the file system.
 *
 * Walks `<root>/<cluster>/**` for record YAML, `<root>/schema/**` for declarations and
 * `<root>/wiki/**` for Markdown pages, and returns their text in sorted path order so that
 * nothing downstream depends on the order a file system lists entries in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { formatBytes } from './format-bytes';
import { cmp, problem, type Problem } from './problems';

/** What a file is for, decided by the first folder under the root. */
export type FileRole = 'records' | 'schema' | 'wiki';

export interface SourceFile {
  /** Path relative to the atlas root, `/`-separated. */
  path: string;
  role: FileRole;
  /** First folder under the root (for records: the cluster). */
  cluster: string;
  /** Decoded UTF-8 text, byte-order mark removed. */
  text: string;
}

export interface ReadResult {
  /** Absolute path of the atlas root. */
  root: string;
  files: SourceFile[];
  problems: Problem[];
}

export interface ReadOptions {
  /** Files larger than this are reported and skipped (default 16 MiB). */
  maxFileBytes?: number;
}

/** Thrown when the root itself is missing: the CLI turns it into exit code 2. */
export class DomainNotFoundError extends Error {
  constructor(readonly root: string) {
    super(`atlas folder not found: ${root}`);
    this.name = 'DomainNotFoundError';
  }
}

export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

const RECORD_FILE = /\.ya?ml$/i;
const WIKI_FILE = /\.md$/i;

/** Reads every atlas file under `root`. */
export function readAtlasFiles(root: string, options: ReadOptions = {}): ReadResult {
  const absRoot = path.resolve(root);
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  let rootStat: fs.Stats;
  try {
    rootStat = fs.statSync(absRoot);
  } catch {
    throw new DomainNotFoundError(absRoot);
  }
  if (!rootStat.isDirectory()) throw new DomainNotFoundError(absRoot);

  const problems: Problem[] = [];
  const found: { rel: string; abs: string; role: FileRole; cluster: string }[] = [];

  const walk = (absDir: string, relDir: string, ancestors: Set<string>, role: FileRole | null, cluster: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(absDir, { withFileTypes: true });
    } catch (err) {
      problems.push(problem({ code: 'file-unreadable', file: relDir, message: `Cannot read folder ${relDir || '.'}: ${errorText(err)}.` }));
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.') || name.startsWith('_')) continue;
      const abs = path.join(absDir, name);
      const rel = relDir ? `${relDir}/${name}` : name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const st = fs.statSync(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch (err) {
          problems.push(problem({ code: 'file-unreadable', file: rel, message: `Broken link ${rel}: ${errorText(err)}.` }));
          continue;
        }
      }
      if (isDir) {
        let real: string;
        try {
          real = fs.realpathSync(abs);
        } catch (err) {
          problems.push(problem({ code: 'file-unreadable', file: rel, message: `Cannot resolve ${rel}: ${errorText(err)}.` }));
          continue;
        }
        if (ancestors.has(real)) {
          problems.push(problem({ code: 'symlink-loop', file: rel, message: `${rel} links back to a folder that contains it; not followed.` }));
          continue;
        }
        const childRole: FileRole = role ?? (name === 'schema' ? 'schema' : name === 'wiki' ? 'wiki' : 'records');
        const next = new Set(ancestors).add(real);
        walk(abs, rel, next, childRole, relDir ? cluster : name);
        continue;
      }
      // Files directly in the root (README.md, …) are not part of any cluster.
      if (!isFile || role === null) continue;
      const wanted = role === 'wiki' ? WIKI_FILE.test(name) : RECORD_FILE.test(name);
      if (wanted) found.push({ rel, abs, role, cluster });
    }
  };

  walk(absRoot, '', new Set([fs.realpathSync(absRoot)]), null, '');
  found.sort((a, b) => cmp(a.rel, b.rel));

  const files: SourceFile[] = [];
  for (const f of found) {
    const text = readText(f.abs, f.rel, maxBytes, problems);
    if (text !== null) files.push({ path: f.rel, role: f.role, cluster: f.cluster, text });
  }
  if (!files.some((f) => f.role === 'records')) {
    problems.push(problem({ code: 'domain-empty', file: '', message: `No record files (*.yaml, *.yml) under ${absRoot}/<cluster>/.` }));
  }
  return { root: absRoot, files, problems };
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function readText(abs: string, rel: string, maxBytes: number, problems: Problem[]): string | null {
  let bytes: Buffer;
  try {
    const size = fs.statSync(abs).size;
    if (size > maxBytes) {
      problems.push(
        problem({
          code: 'file-too-large',
          file: rel,
          message: `${rel} is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit; its records were not loaded.`,
        }),
      );
      return null;
    }
    bytes = fs.readFileSync(abs);
  } catch (err) {
    problems.push(problem({ code: 'file-unreadable', file: rel, message: `Cannot read ${rel}: ${errorText(err)}.` }));
    return null;
  }
  try {
    // TextDecoder drops a leading byte-order mark, which YAML would otherwise see as content.
    return decoder.decode(bytes);
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const bad = lossy.indexOf('\uFFFD');
    const before = bad < 0 ? '' : lossy.slice(0, bad);
    const line = before.split('\n').length;
    const column = bad - before.lastIndexOf('\n');
    problems.push(
      problem({
        code: 'file-encoding',
        file: rel,
        line,
        column,
        message: `${rel} is not valid UTF-8 (first bad byte on line ${line}); the file was skipped.`,
      }),
    );
    return null;
  }
}

function errorText(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err) return String((err as { code: unknown }).code);
  return err instanceof Error ? err.message : String(err);
}
