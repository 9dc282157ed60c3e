/**
 * The workspace's private store in this browser's localStorage: pins (with notes) and saved views.
 * Kept tiny and dependency-free because the pin button on every record page imports it; the
 * workspace page adds validation (zod) on import.
 */
import { siteBase } from './site-urls';

/** A pinned record, with what is needed to list and link it without fetching anything. */
export interface Pin {
  id: string;
  kind: string;
  name: string;
  /** Page path under /n/ (as the site's path table gave it). */
  path: string;
  /** Private note; may be empty. */
  note: string;
  /** ISO time of pinning. */
  pinnedAt: string;
}

/** A named search or graph view: a URL under the site's base, reopened as is. */
export interface SavedView {
  name: string;
  /** Path, query and hash relative to the site's base, e.g. `search/?q=x&kind=Workflow`. */
  url: string;
  /** Which page it belongs to (for the badge); `other` for anything else. */
  view: string;
  savedAt: string;
}

export interface WorkspaceData {
  version: 1;
  pins: Pin[];
  views: SavedView[];
}


/** One store per base, so several atlases on one origin keep their own pins. */
export const storeKey = (): string => `atlas-workspace:${siteBase()}`;

/** Fired on window when this tab changes the store (other tabs get the `storage` event). */
export const CHANGE_EVENT = 'atlas-workspace-change';

export function loadWorkspace(): WorkspaceData {
  try {
    const raw = JSON.parse(localStorage.getItem(storeKey()) ?? 'null') as Partial<WorkspaceData> | null;
    if (raw && Array.isArray(raw.pins) && Array.isArray(raw.views)) return { version: 1, pins: raw.pins, views: raw.views };
  } catch {
    // Unreadable or blocked storage: start empty rather than break the page.
  }
  return { version: 1, pins: [], views: [] };
}

/** Saves and tells this tab's listeners; returns false when storage refused (quota, privacy mode). */
export function saveWorkspace(data: WorkspaceData): boolean {
  try {
    localStorage.setItem(storeKey(), JSON.stringify(data));
  } catch {
    return false;
  }
  window.dispatchEvent(new CustomEvent(CHANGE_EVENT));
  return true;
}

/** Calls `fn` whenever the store changes, in this tab or another. */
export function onWorkspaceChange(fn: () => void): void {
  window.addEventListener(CHANGE_EVENT, fn);
  window.addEventListener('storage', (e) => {
    if (e.key === null || e.key === storeKey()) fn();
  });
}
