#!/usr/bin/env node
// The `atlas` bin: runs the TypeScript CLI through tsx, so no compile step is needed.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
