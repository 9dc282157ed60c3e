/**
 * Record ids to URL paths and back.
 *
 * `workflow:schema-migration` lives at `/n/workflow/schema-migration/`: every `:` becomes a
 * folder separator. Characters that would change the meaning of a path are escaped as `~XX`
 * (hex): `~` itself, `/`, `\`, control characters and the ones Windows forbids in file names; a
 * segment that is empty, `.` or `..` is escaped whole so an id can never climb out of `/n/`.
 * Everything else stays as written in the file name and is percent-encoded in links.
 */

// eslint-disable-next-line no-control-regex
const ESCAPE = /[~/\\\u0000-\u001f\u007f*?"<>|%#]/g;

function hex(ch: string): string {
  return `~${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

/** The path of a record under `/n/`, without leading or trailing slash. */
export function idToPath(id: string): string {
  return id
    .split(':')
    .map((segment) => {
      if (segment === '') return '~';
      if (segment === '.' || segment === '..') return segment.replace(/\./g, '~2E');
      return segment.replace(ESCAPE, hex);
    })
    .join('/');
}

/** Inverse of `idToPath` (for paths it produced, without a collision suffix). */
export function pathToId(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment === '~' ? '' : segment.replace(/~([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))))
    .join(':');
}

/** `decodeURIComponent`, or the text unchanged when it is not valid percent-encoding. */
export function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A path as it appears in an `href`: each segment percent-encoded (`@` kept readable). */
export function encodePathForUrl(path: string): string {
  return path
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/%40/g, '@'))
    .join('/');
}

export interface PathAssignment {
  /** id to path. */
  paths: Map<string, string>;
  /** Ids whose natural path was taken (exactly or up to letter case) and got a suffix. */
  collisions: { id: string; path: string; clashesWith: string }[];
}

/**
 * Assigns every id a unique path, case-insensitively unique too (a checkout on macOS or Windows
 * would otherwise overwrite one page with another). Ids are processed in sorted order, so the
 * same atlas always gets the same paths; a later colliding id gets `~2`, `~3`, …
 */
export function assignPaths(sortedIds: readonly string[]): PathAssignment {
  const paths = new Map<string, string>();
  const taken = new Map<string, string>(); // lower-cased path -> id
  const collisions: PathAssignment['collisions'] = [];
  for (const id of sortedIds) {
    const natural = idToPath(id);
    let path = natural;
    let n = 1;
    while (taken.has(path.toLowerCase())) path = `${natural}~${++n}`;
    if (path !== natural) collisions.push({ id, path, clashesWith: taken.get(natural.toLowerCase())! });
    taken.set(path.toLowerCase(), id);
    paths.set(id, path);
  }
  return { paths, collisions };
}
