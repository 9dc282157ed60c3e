/**
 * What the workspace needs besides the record payloads to check an overlay exactly as the CLI
 * would: the atlas's own schema YAML (so declarations are parsed by the same code), where each
 * record is defined and where each of its edges is declared (so messages that cite another place,
 * such as `duplicate-id` or `duplicate-edge`, carry the same `file:line`). Published as
 * `/workspace/base.json` by the workspace build step.
 */
import * as z from 'zod';

/** Places as a flat list `[fileIndex, line, fileIndex, line, …]` into `files` (compact for large atlases). */
const Sites = z.array(z.number().int().nonnegative());

export const WorkspaceBaseSchema = z.object({
  /** Format version, bumped when the shape changes. */
  version: z.literal(2),
  /** Whether the site was built with `--strict` (schema conformance problems are errors). */
  strict: z.boolean(),
  /** Every YAML file under `schema/`, as written. */
  schema: z.array(
    z.object({
      /** Path relative to the atlas root, `/`-separated. */
      path: z.string(),
      /** The file's text. */
      text: z.string(),
    }),
  ),
  /** File paths the site lists refer to by index. */
  files: z.array(z.string()),
  /** Record id to the node documents that define it, first one first. */
  definitions: z.record(z.string(), Sites),
  /** Record id to, for each outgoing edge in payload order, the places that declared it. */
  edgeSites: z.record(z.string(), z.array(Sites)),
});

export type WorkspaceBase = z.infer<typeof WorkspaceBaseSchema>;

export { WORKSPACE_BASE_PATH } from './workspace-paths';
