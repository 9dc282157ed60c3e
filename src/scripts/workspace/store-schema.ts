/**
 * The workspace export file (pins, notes, saved views), validated with zod on import so a
 * hand-edited or foreign file is refused with a reason instead of corrupting the store.
 */
import * as z from 'zod';

export const PinSchema = z.object({
  /** Record id. */
  id: z.string().min(1),
  /** Node kind (groups the list). */
  kind: z.string().default(''),
  /** Display name when pinned. */
  name: z.string().default(''),
  /** Page path under /n/ when pinned. */
  path: z.string().default(''),
  /** Private note. */
  note: z.string().max(100_000).default(''),
  /** ISO time of pinning. */
  pinnedAt: z.string().default(''),
});

export const SavedViewSchema = z.object({
  /** Name chosen when saving. */
  name: z.string().min(1).max(200),
  /** URL relative to the site's base; never absolute, so an import cannot point elsewhere. */
  url: z
    .string()
    .max(4000)
    .refine((u) => !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(u), 'must be a path on this site, not an absolute URL'),
  /** `search`, `graph` or `other`. */
  view: z.string().default('other'),
  /** ISO time of saving. */
  savedAt: z.string().default(''),
});

export const WorkspaceExportSchema = z.object({
  /** Marks the file as a workspace export. */
  format: z.literal('atlas-workspace'),
  /** Format version. */
  version: z.literal(1),
  /** When the file was written. */
  exportedAt: z.string().optional(),
  pins: z.array(PinSchema).default([]),
  views: z.array(SavedViewSchema).default([]),
});

export type WorkspaceExport = z.infer<typeof WorkspaceExportSchema>;

/** Parses an export file's text; throws an Error whose message says what is wrong and where. */
export function parseWorkspaceExport(text: string): WorkspaceExport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const result = WorkspaceExportSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
  }
  return result.data;
}
