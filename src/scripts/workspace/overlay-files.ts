/**
 * Overlay files as the browser holds them, and the reader's rules applied to them: the browser
 * stands in for `read-files.ts`, so paths, roles and clusters are decided the same way.
 */
import type { FileRole, SourceFile } from '../../pipeline/read-files';

/** A file the author typed, pasted or dropped. */
export interface OverlayFile {
  /** Path relative to the atlas root, e.g. `overlay/draft.yaml`. */
  path: string;
  text: string;
}

export const DEFAULT_OVERLAY_PATH = 'overlay/draft.yaml';

/** `./a\\b.yaml` -> `a/b.yaml`; empty and `..` segments dropped (an overlay never leaves the root). */
export function normalizeOverlayPath(raw: string): string {
  return raw
    .replace(/\\/g, '/')
    .split('/')
    .map((s) => s.trim())
    .filter((s) => s && s !== '.' && s !== '..')
    .join('/');
}

/** Why the atlas reader would not read this path, or null when it would. */
export function skippedReason(path: string): string | null {
  const parts = path.split('/');
  if (!path) return 'it has no name';
  if (parts.length < 2) return 'files directly in the atlas root are not read; put it in a folder (its cluster), e.g. overlay/';
  if (parts.some((p) => p.startsWith('.') || p.startsWith('_'))) return 'names starting with "." or "_" are skipped by the reader';
  if (parts[0] === 'wiki') return 'wiki pages are not checked in the workspace; use a record folder';
  if (!/\.ya?ml$/i.test(path)) return 'only .yaml and .yml files are read';
  return null;
}

/** The reader's role for a path: decided by its first folder. */
export function roleOf(path: string): FileRole {
  const first = path.split('/')[0];
  return first === 'schema' ? 'schema' : first === 'wiki' ? 'wiki' : 'records';
}

export function toSourceFile(path: string, text: string): SourceFile {
  // The reader's TextDecoder drops a byte-order mark; pasted text may still carry one.
  return { path, role: roleOf(path), cluster: path.split('/')[0]!, text: text.replace(/^\uFEFF/, '') };
}
