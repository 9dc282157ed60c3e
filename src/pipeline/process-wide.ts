/**
 * One value per process, however many copies of the calling module are loaded. A site build runs
 * this code twice over: the build script imports the TypeScript sources, and Astro renders the
 * pages from its own bundle of them. Caches kept here (the pipeline's result, rendered Markdown,
 * serialized records, neighbourhoods) are filled by either copy and found by the other.
 */
export function processWide<T>(name: string, create: () => T): T {
  const slots = globalThis as Record<symbol, unknown>;
  const key = Symbol.for(`atlas-record-viewer.${name}`);
  return (slots[key] ??= create()) as T;
}
