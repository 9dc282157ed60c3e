/**
 * Vite plugin: the site's browser scripts, bundled by esbuild instead of by Astro's client build.
 *
 * A page or component loads a script by name, with a tag Astro leaves as it is:
 *   `<script is:inline type="module" src={scriptUrls['record-page']}></script>`,
 * where `scriptUrls` is the default export of `virtual:atlas/browser-scripts`. (A component used
 * several times on one page, like the copy button, leaves the tag to its page: the browser would
 * run the module once anyway, but the page would carry the tag each time.) The URLs are:
 *   - in a build, a hashed module in `_astro/`. When the server build starts, esbuild bundles
 *     every entry below at once (shared code split into chunks, `import()` targets into files of
 *     their own); the server build's module for that lookup waits for it, and emits the files as
 *     its assets, which Astro moves beside the styles;
 *   - in `astro dev`, the TypeScript source, which Vite serves as a module.
 *
 * Why not Astro's `<script>`: with no script left for Astro to bundle, Astro skips its client
 * build, a Vite and Rollup pass of 1–2 s on the thread that then renders the pages, at every atlas
 * size (docs/benchmarks.md, "Sixteenth session"). esbuild does the same work in its own process,
 * with about a third of the CPU time.
 *
 * The workspace's checker runs as a worker, which needs a script file of its own: it is bundled
 * beside the others as an IIFE (it runs as the module worker the page starts, and as the classic
 * worker the offline fallback starts from a blob URL), and `virtual:atlas/workspace-worker-url`
 * gives its URL.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild, type BuildFailure, type BuildOptions, type OutputFile, type Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin, ResolvedConfig } from 'vite';

const SCRIPTS = fileURLToPath(new URL('../scripts', import.meta.url));

/** Every script a page can load, by name: the module under `src/scripts/` it starts from. */
export const BROWSER_SCRIPTS = {
  /** Every page: the header's search box and the theme toggle. */
  site: 'site.ts',
  'record-page': 'record-page.ts',
  'copy-button': 'copy-button.ts',
  'record-table': 'record-table.ts',
  'wiki-article': 'wiki-article.ts',
  'save-view-button': 'workspace/save-view-button.ts',
  'graph-explorer': 'graph/graph-explorer.ts',
  'graph-schema': 'graph/schema-graph.ts',
  'search-page': 'search/search-page.ts',
  workspace: 'workspace/main.ts',
  'not-found': 'not-found.ts',
} as const;

export type BrowserScriptName = keyof typeof BROWSER_SCRIPTS;

const WORKER = { name: 'workspace-worker', entry: 'workspace/worker.ts' };
const SCRIPTS_ID = 'virtual:atlas/browser-scripts';
const WORKER_URL_ID = 'virtual:atlas/workspace-worker-url';

/** What the bundling produced: the files, named as they go into the assets folder, and each script's file. */
interface Bundle {
  files: { name: string; contents: Uint8Array }[];
  scripts: Record<BrowserScriptName, string>;
}

export function browserScriptsPlugin(): Plugin {
  let config: ResolvedConfig;
  let bundle: Promise<Bundle> | undefined;
  return {
    name: 'atlas:browser-scripts',
    configResolved(resolved) {
      config = resolved;
    },
    buildStart() {
      // esbuild starts with the server build and works in its own process while Vite compiles the pages.
      if (config.command !== 'build' || bundle) return;
      bundle = bundleScripts();
      // A failure is reported where the lookup module awaits it, not as an unhandled rejection before.
      bundle.catch(() => {});
    },
    resolveId(id) {
      return id === SCRIPTS_ID || id === WORKER_URL_ID ? `\0${id}` : undefined;
    },
    async load(id) {
      if (id === `\0${WORKER_URL_ID}`) {
        // Only `astro dev` gets here: in a build, esbuild resolves the worker's URL itself.
        return `export default ${JSON.stringify(sourceUrl(config, WORKER.entry))};`;
      }
      if (id !== `\0${SCRIPTS_ID}`) return undefined;
      if (config.command === 'serve') {
        const urls = Object.fromEntries(Object.entries(BROWSER_SCRIPTS).map(([name, entry]) => [name, sourceUrl(config, entry)]));
        return `export default ${JSON.stringify(urls)};`;
      }
      // Loaded once per build, by the server build, whose assets land in the site's `_astro/`.
      const assets = config.build.assetsDir;
      const { files, scripts } = await (bundle ??= bundleScripts());
      for (const file of files) this.emitFile({ type: 'asset', fileName: `${assets}/${file.name}`, source: file.contents });
      const urls = Object.fromEntries(Object.entries(scripts).map(([name, file]) => [name, `${config.base}${assets}/${file}`]));
      return `export default ${JSON.stringify(urls)};`;
    },
  };
}

/** `astro dev` serves the sources from the project root, under the site's base. */
function sourceUrl(config: ResolvedConfig, entry: string): string {
  return `${config.base}${path.relative(config.root, path.join(SCRIPTS, entry)).split(path.sep).join('/')}`;
}

const COMMON = {
  bundle: true,
  platform: 'browser',
  // What Astro's own client build targets.
  target: 'esnext',
  minify: true,
  write: false,
  metafile: true,
  logLevel: 'silent',
  // Entry points, and the metafile's paths, are relative to the scripts folder. Output paths only
  // name the files: nothing is written there.
  absWorkingDir: SCRIPTS,
  outdir: SCRIPTS,
  entryNames: '[name].[hash]',
  chunkNames: '[name].[hash]',
} as const satisfies BuildOptions;

/**
 * esbuild's errors from both builds (a module both bundle fails once), each named from the project
 * root: esbuild names files from the scripts folder.
 */
function located(failures: unknown[]): unknown {
  const messages = failures.flatMap((err) => (err as Partial<BuildFailure>).errors ?? []);
  if (!messages.length) return failures[0];
  const lines = messages.map(({ location: at, text }) =>
    at ? `${path.relative(process.cwd(), path.join(SCRIPTS, at.file))}:${at.line}:${at.column + 1}: ${text}\n    ${at.lineText}` : text,
  );
  return new Error(`The browser scripts did not bundle:\n${[...new Set(lines)].join('\n')}`, { cause: failures[0] });
}

async function bundleScripts(): Promise<Bundle> {
  // Both at once: only the module that names the worker's file waits for the worker's build.
  const worker = esbuild({ ...COMMON, entryPoints: [{ in: WORKER.entry, out: WORKER.name }], format: 'iife' });
  // A failed worker build is reported below, once: the page scripts' build goes on with no URL.
  const workerFile = worker.then((result) => path.basename(result.outputFiles[0]!.path)).catch(() => '');
  const [workerBuild, scriptsBuild] = await Promise.allSettled([
    worker,
    esbuild({
      ...COMMON,
      entryPoints: Object.entries(BROWSER_SCRIPTS).map(([out, entry]) => ({ in: entry, out })),
      format: 'esm',
      splitting: true,
      plugins: [workerUrl(workerFile)],
    }),
  ]);
  if (workerBuild.status === 'rejected' || scriptsBuild.status === 'rejected') {
    throw located([workerBuild, scriptsBuild].flatMap((result) => (result.status === 'rejected' ? [result.reason] : [])));
  }
  const scripts = scriptsBuild.value;
  const nameOf = new Map(Object.entries(BROWSER_SCRIPTS).map(([name, entry]) => [entry as string, name as BrowserScriptName]));
  const found: Partial<Record<BrowserScriptName, string>> = {};
  for (const [output, { entryPoint }] of Object.entries(scripts.metafile.outputs)) {
    const name = entryPoint === undefined ? undefined : nameOf.get(entryPoint);
    if (name) found[name] = path.basename(output);
  }
  const missing = Object.keys(BROWSER_SCRIPTS).filter((name) => !(name in found));
  if (missing.length) throw new Error(`esbuild produced no file for the browser script(s) ${missing.join(', ')}`);
  return { files: [...workerBuild.value.outputFiles, ...scripts.outputFiles].map(named), scripts: found as Record<BrowserScriptName, string> };
}

const named = (file: OutputFile) => ({ name: path.basename(file.path), contents: file.contents });

/** Resolves the worker's URL beside the script that imports it: every bundled file shares one folder. */
function workerUrl(file: Promise<string>): EsbuildPlugin {
  return {
    name: 'workspace-worker-url',
    setup(build) {
      build.onResolve({ filter: /^virtual:atlas\/workspace-worker-url$/ }, (args) => ({ path: args.path, namespace: 'atlas' }));
      build.onLoad({ filter: /.*/, namespace: 'atlas' }, async () => ({ contents: `export default new URL(${JSON.stringify(`./${await file}`)}, import.meta.url).href;`, loader: 'js' }));
    },
  };
}
