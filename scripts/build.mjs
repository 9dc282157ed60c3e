/**
 * `npm run build`'s entry: loads Astro, then the TypeScript loader, then the build itself
 * (build-site.ts, which documents the options).
 *
 * Plain JavaScript so that Astro's few hundred modules, and zod's hundred, load before tsx is
 * registered. Node 20 runs module hooks on a thread of their own, one round trip per module, and
 * under them importing Astro took 2.1 s instead of 1.0 s. (The build's own modules must load
 * through tsx: the pages share them, see astro.config.mjs.)
 */
await Promise.all([import('astro'), import('zod'), import('js-yaml')]);
const { register } = await import('tsx/esm/api');
register();
await import('./build-site.ts');
