/**
 * Build step for the workspace: publishes `/workspace/base.json` (the schema YAML, and where
 * every record and edge is declared), so the browser can run the same pipeline as the CLI.
 */
import path from 'node:path';
import type { SourceLocation } from '../pipeline/model';
import { siteConfig } from '../site/config';
import { WORKSPACE_BASE_PATH, type WorkspaceBase } from '../site/workspace-base';
import type { BuildStep } from './build-steps';

export const workspaceStep: BuildStep = {
  name: 'workspace',
  // Written by the build's file writer, alongside Astro's render.
  prepare({ atlas, outDir, files: writer }) {
    // The files the pipeline read as the schema, so the browser sees exactly what the CLI reads.
    const schema = [...atlas.schemaFiles];
    const files: string[] = [];
    const index = new Map<string, number>();
    const sites = (places: readonly SourceLocation[]) =>
      places.flatMap((p) => {
        let i = index.get(p.file);
        if (i === undefined) index.set(p.file, (i = files.push(p.file) - 1));
        return [i, p.line];
      });
    const definitions: WorkspaceBase['definitions'] = {};
    const edgeSites: WorkspaceBase['edgeSites'] = {};
    for (const r of atlas.recordList) {
      definitions[r.id] = sites(r.definitions);
      if (r.outgoing.length) edgeSites[r.id] = r.outgoing.map((e) => sites(e.declarations));
    }
    const base: WorkspaceBase = { version: 2, strict: siteConfig.strict, schema, files, definitions, edgeSites };
    writer.write(path.join(outDir, WORKSPACE_BASE_PATH), JSON.stringify(base));
  },
};
