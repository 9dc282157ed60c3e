/**
 * Runs a TypeScript entry point compiled by esbuild into one ES module, cached in
 * `node_modules/.cache/atlas/` and compiled again whenever a source file it was built from has
 * changed (or gone). Packages stay outside the bundle and load from node_modules as usual.
 *
 * Why not tsx, as the rest of the project runs: on Node 20 its module hooks run on a thread of
 * their own, one round trip per module. Registering them and loading the CLI's sources through
 * them took 0.2 s of every command, two thirds of what a 10k-record `atlas check` costs beyond
 * parsing its YAML. A read-only install falls back to tsx.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const cacheDir = path.join(root, 'node_modules', '.cache', 'atlas');

/**
 * Imports `entry` (a path relative to the project root) from its compiled copy `<name>.mjs`.
 * @param {string} entry
 * @param {string} name
 */
export async function importCompiled(entry, name) {
  const bundle = path.join(cacheDir, `${name}.mjs`);
  const sourcesFile = path.join(cacheDir, `${name}.sources.json`);
  if (!isFresh(sourcesFile)) {
    try {
      await compile(entry, bundle, sourcesFile);
    } catch (err) {
      if (!['EACCES', 'EPERM', 'EROFS'].includes(/** @type {NodeJS.ErrnoException} */ (err).code ?? '')) throw err;
      const { register } = await import('tsx/esm/api');
      register();
      return import(pathToFileURL(path.join(root, entry)).href);
    }
  }
  return import(pathToFileURL(bundle).href);
}

/**
 * Whether every source recorded for a bundle still has the modification time it was compiled from.
 * @param {string} sourcesFile
 */
function isFresh(sourcesFile) {
  /** @type {Record<string, number>} */
  let sources;
  try {
    sources = JSON.parse(fs.readFileSync(sourcesFile, 'utf8'));
  } catch {
    return false;
  }
  return Object.entries(sources).every(([file, mtimeMs]) => fs.statSync(path.join(root, file), { throwIfNoEntry: false })?.mtimeMs === mtimeMs);
}

/**
 * Compiles `entry` and records its sources' modification times. Both files are written under a
 * temporary name and renamed, so commands started together never read a half-written bundle.
 * @param {string} entry
 * @param {string} bundle
 * @param {string} sourcesFile
 */
async function compile(entry, bundle, sourcesFile) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    outfile: bundle,
    metafile: true,
    logLevel: 'error',
  });
  /** @type {Record<string, number>} */
  const sources = {};
  // This file too: a change to how bundles are compiled makes every cached one stale.
  for (const file of [...Object.keys(result.metafile.inputs), path.relative(root, import.meta.filename)]) {
    sources[file] = fs.statSync(path.join(root, file)).mtimeMs;
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  const writeAtomically = (/** @type {string} */ file, /** @type {string | Uint8Array} */ contents) => {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, contents);
    fs.renameSync(tmp, file);
  };
  writeAtomically(bundle, result.outputFiles[0].contents);
  writeAtomically(sourcesFile, JSON.stringify(sources));
}
