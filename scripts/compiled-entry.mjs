/**
 * Runs a TypeScript entry point compiled by esbuild into ES modules, cached in
 * `node_modules/.cache/atlas/` and compiled again whenever a source file it was built from has
 * changed (or gone). Packages stay outside the bundle and load from node_modules as usual, except
 * the few every command loads (`BUNDLED_PACKAGES`).
 *
 * Code the entry imports lazily (`await import(...)`) goes into chunks of its own, and so do the
 * packages that code imports: in one file, esbuild would hoist them to static imports, and every
 * `atlas check` paid 0.1 s to load the MCP server's SDK, which only `atlas mcp` uses.
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
 * Packages compiled into the bundle. Loaded from node_modules, zod is about a hundred modules, and
 * resolving and linking them took 0.1 s of every `atlas check`; compiled in, they cost a fraction
 * of that. Their files count as sources, so updating either recompiles. (zod keeps its registry of
 * schema metadata on `globalThis`, so the MCP SDK, which loads its own copy, still reads ours.)
 */
const BUNDLED_PACKAGES = new Set(['zod', 'js-yaml']);

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
 * Whether every source recorded for a bundle still has the modification time it was compiled from,
 * and every file compiled from them is still there.
 * @param {string} sourcesFile
 */
function isFresh(sourcesFile) {
  /** @type {{ sources: Record<string, number>, outputs: string[] }} */
  let record;
  try {
    record = JSON.parse(fs.readFileSync(sourcesFile, 'utf8'));
  } catch {
    return false;
  }
  const { sources, outputs } = record;
  if (!sources || !Array.isArray(outputs)) return false;
  return (
    Object.entries(sources).every(([file, mtimeMs]) => fs.statSync(path.join(root, file), { throwIfNoEntry: false })?.mtimeMs === mtimeMs) &&
    outputs.every((file) => fs.existsSync(path.join(cacheDir, file)))
  );
}

/**
 * Compiles `entry` and records its sources' modification times. Every file is written under a
 * temporary name and renamed, so commands started together never read a half-written bundle.
 * @param {string} entry
 * @param {string} bundle
 * @param {string} sourcesFile
 */
async function compile(entry, bundle, sourcesFile) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { [path.basename(bundle, '.mjs')]: entry },
    bundle: true,
    splitting: true,
    plugins: [externalPackages],
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    outdir: cacheDir,
    outExtension: { '.js': '.mjs' },
    // Named by content, so a chunk never changes under a command that is already running.
    chunkNames: `${path.basename(bundle, '.mjs')}-chunks/[name]-[hash]`,
    metafile: true,
    logLevel: 'error',
  });
  /** @type {Record<string, number>} */
  const sources = {};
  // This file too: a change to how bundles are compiled makes every cached one stale.
  for (const file of [...Object.keys(result.metafile.inputs), path.relative(root, import.meta.filename)]) {
    sources[file] = fs.statSync(path.join(root, file)).mtimeMs;
  }
  const writeAtomically = (/** @type {string} */ file, /** @type {string | Uint8Array} */ contents) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, contents);
    fs.renameSync(tmp, file);
  };
  // Chunks first, then the entry that imports them, then the record that says it is fresh.
  const outputs = [...result.outputFiles].sort((a, b) => Number(a.path === bundle) - Number(b.path === bundle));
  for (const output of outputs) writeAtomically(output.path, output.contents);
  writeAtomically(sourcesFile, JSON.stringify({ sources, outputs: outputs.map((o) => path.relative(cacheDir, o.path)) }));
  pruneChunks(`${bundle.slice(0, -'.mjs'.length)}-chunks`, new Set(outputs.map((o) => o.path)));
}

/**
 * Leaves every package import but those in `BUNDLED_PACKAGES` to Node (and `node:` built-ins).
 * @type {import('esbuild').Plugin}
 */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const [scope, name] = args.path.split('/');
      const pkg = scope?.startsWith('@') ? `${scope}/${name}` : scope;
      return BUNDLED_PACKAGES.has(pkg ?? '') ? undefined : { path: args.path, external: true };
    });
  },
};

/**
 * Deletes a bundle's chunks that its latest compile did not produce, once they are an hour old (a
 * command started before the recompile may still load one lazily).
 * @param {string} dir
 * @param {Set<string>} keep
 */
function pruneChunks(dir, keep) {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const file = path.join(dir, name);
    if (keep.has(file)) continue;
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && stat.mtimeMs < hourAgo) fs.rmSync(file, { force: true });
  }
}
