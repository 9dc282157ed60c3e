/** Shared helpers for the pipeline tests: in-memory atlases and temporary atlas folders. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { runPipeline, type PipelineOptions } from '../../src/pipeline/load-atlas';
import type { Atlas } from '../../src/pipeline/model';
import { mergeContributions, readContributions } from '../../src/pipeline/normalize-records';
import { parseYamlDocuments } from '../../src/pipeline/parse-documents';
import { cmp, type Problem } from '../../src/pipeline/problems';
import type { FileRole, SourceFile } from '../../src/pipeline/read-files';

/** Source files as the reader would produce them (role and cluster from the first folder), sorted. */
export function sourceFiles(files: Record<string, string>): SourceFile[] {
  return Object.keys(files)
    .sort(cmp)
    .map((p) => {
      const cluster = p.split('/')[0]!;
      const role: FileRole = cluster === 'schema' ? 'schema' : cluster === 'wiki' ? 'wiki' : 'records';
      return { path: p, role, cluster, text: files[p]! };
    });
}

/** Runs every stage after reading on in-memory files. */
export function atlasOf(files: Record<string, string>, options: PipelineOptions = {}): Atlas {
  return runPipeline('/virtual', sourceFiles(files), [], options);
}

/** Parses and normalizes record files (no schema, no dedupe). */
export function normalize(files: Record<string, string>) {
  const docs = sourceFiles(files).flatMap((f) => {
    const parsed = parseYamlDocuments(f.path, f.text);
    if (parsed.problems.length) throw new Error(`fixture does not parse: ${JSON.stringify(parsed.problems)}`);
    return parsed.documents.map((doc) => ({ doc, cluster: f.cluster }));
  });
  const read = readContributions(docs);
  const merged = mergeContributions(read.contributions);
  return { ...merged, problems: [...read.problems, ...merged.problems], contributions: read.contributions };
}

export function codes(problems: readonly Problem[]): string[] {
  return problems.map((p) => p.code);
}

export function only(problems: readonly Problem[], code: string): Problem[] {
  return problems.filter((p) => p.code === code);
}

/** Writes files (text or bytes) under a fresh temporary folder; removed after the test file. */
export function tempAtlas(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-test-'));
  created.push(dir);
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
}

const created: string[] = [];
afterAll(() => {
  for (const dir of created.splice(0)) {
    try {
      fs.chmodSync(dir, 0o755);
    } catch {
      /* already gone */
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/pipeline');
