/**
 * Writes the machine-readable exports (src/exports/) into an output folder: after `astro build`
 * as a build step, and on its own for `atlas export`. NDJSON files are streamed chunk by
 * chunk, so a large atlas never sits in memory as one string.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pkg from '../../package.json';
import { exportFiles, type ExportFile } from '../exports/catalog';
import { buildTime, type ExportOptions } from '../exports/options';
import { recordJson, type Atlas } from '../pipeline/model';
import { siteConfig } from '../site/config';
import { BackgroundFileWriter } from './file-writer';
import type { BuildStep } from './build-steps';

/** The export options of the configured site (ATLAS_BASE, ATLAS_SITE, ATLAS_TITLE, ATLAS_STRICT). */
export function siteExportOptions(builtAt: string = buildTime(process.env)): ExportOptions {
  return {
    title: siteConfig.title,
    base: siteConfig.base,
    ...(siteConfig.site && { site: siteConfig.site }),
    builtAt,
    generator: { name: pkg.name, version: pkg.version },
    strict: siteConfig.strict,
  };
}

export interface WrittenExport {
  name: string;
  bytes: number;
}

/** Joins small chunks (one per NDJSON line) into ~64 KiB writes, counting the bytes on the way. */
function* batched(chunks: Iterable<string>, count: { bytes: number }): Generator<string> {
  let buffer = '';
  for (const c of chunks) {
    count.bytes += Buffer.byteLength(c);
    buffer += c;
    if (buffer.length >= 65536) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

async function writeFile(outDir: string, f: ExportFile): Promise<void> {
  const target = path.join(outDir, ...f.name.split('/'));
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  const count = { bytes: 0 };
  await pipeline(Readable.from(batched(f.chunks(), count)), fs.createWriteStream(target));
  f.bytes = count.bytes; // what atlas.json and llms.txt report, without serializing the file again
}

/**
 * Writes every export into `outDir`. With `siteFiles`, also ids.json (an endpoint of the site) and
 * `n/<path>.json` for each record (which the site's build writes itself), so a standalone export
 * is complete.
 */
export async function writeExports(atlas: Atlas, outDir: string, options: ExportOptions, { siteFiles = false } = {}): Promise<WrittenExport[]> {
  const written: WrittenExport[] = [];
  const files = siteFiles ? new BackgroundFileWriter() : null;
  const recordFiles = files && writeRecordJsonFiles(atlas, outDir, files);
  // atlas.json (first in the catalogue) reports the others' sizes: write it last.
  const [summary, ...rest] = exportFiles(atlas, options);
  for (const f of [...rest, summary!]) {
    if (f.renderedBySite && !siteFiles) continue;
    await writeFile(outDir, f);
    written.push({ name: f.name, bytes: f.bytes });
  }
  await files?.close();
  if (recordFiles) written.push(recordFiles);
  return written;
}

/**
 * `n/<path>.json` for every record, byte-identical to `atlas get <id>`. Written here rather than
 * by an Astro endpoint: ten thousand endpoint renders cost seconds, writing the files does not.
 */
export function writeRecordJsonFiles(atlas: Atlas, outDir: string, files: BackgroundFileWriter): WrittenExport {
  let bytes = 0;
  for (const r of atlas.recordList) {
    const text = recordJson(r);
    files.write(`${path.join(outDir, 'n', ...atlas.paths.get(r.id)!.split('/'))}.json`, text);
    bytes += Buffer.byteLength(text);
  }
  return { name: `n/*.json (${atlas.recordList.length} files)`, bytes };
}

export const exportsStep: BuildStep = {
  name: 'exports',
  // Each record's JSON is handed to the writer before Astro renders, so its thread writes them
  // alongside the render; the pages' JSON tabs then find each record serialized.
  prepare({ atlas, outDir, files }) {
    writeRecordJsonFiles(atlas, outDir, files);
  },
  async run({ atlas, outDir }) {
    await writeExports(atlas, outDir, siteExportOptions());
  },
};
