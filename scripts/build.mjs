/**
 * `npm run build`'s entry: loads Astro, then the TypeScript loader, then the build itself
 * (build-site.ts, which documents the options).
 *
 * Plain JavaScript so that Astro's few hundred modules, and zod's hundred, load before tsx is
 * registered. Node 20 runs module hooks on a thread of their own, one round trip per module, and
 * under them importing Astro took 2.1 s instead of 1.0 s. (The build's own modules must load
 * through tsx: the pages share them, see astro.config.mjs.)
 */
// Rollup too: Vite imports it only when the build starts, and under tsx its 1 MB entry chunk got
// a character-by-character source map (tsx rewrites every module with a dynamic `import()`),
// which cost 0.8 s of the build's start. It is Vite's dependency, not ours: where it does not
// resolve from here, Vite loads it as before.
await Promise.all([import('astro'), import('zod'), import('js-yaml'), import('rollup').catch(() => {})]);
const { register } = await import('tsx/esm/api');
register();
await import('./build-site.ts');
