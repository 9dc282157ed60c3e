#!/usr/bin/env -S node --max-semi-space-size=64
// The `atlas` bin: runs the TypeScript CLI through tsx, so no compile step is needed. A 64 MiB
// young generation (the npm scripts use it too) saves about a tenth of the CPU time of a check of
// 50,000 records, most of it garbage collection.
//
// zod and js-yaml load before tsx is registered: Node 20 runs module hooks on a thread of their
// own, one round trip per module, and zod alone is about a hundred modules.
await Promise.all([import('zod'), import('js-yaml')]);
const { register } = await import('tsx/esm/api');
register();
await import('../src/cli/main.ts');
