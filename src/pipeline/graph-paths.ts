/**
 * "How is A connected to B": every shortest path (edges followed either way) of at most
 * `maxLength` hops, by bidirectional breadth-first search over an on-demand neighbour function.
 *
 * In the browser the neighbour function fetches one record's neighbourhood file, so the search
 * grows whichever side has the smaller frontier and stops at a fetch budget instead of pulling
 * the whole graph. Pure and dependency-free (the tests drive it with an in-memory graph).
 */
import { compareText } from './graph-data';

export interface PathSearchOptions {
  /** Longest path looked for, in edges. */
  maxLength?: number;
  /** Most neighbour look-ups (file fetches) before giving up. */
  maxExpansions?: number;
  /** Most paths returned (all have the shortest length). */
  maxPaths?: number;
  /** Called after each batch of look-ups, e.g. for a progress line. */
  onProgress?: (expanded: number) => void;
  /** Look-ups run at once. */
  concurrency?: number;
}

export interface PathSearchResult {
  /** Shortest paths as id lists from `from` to `to`, in stable order; empty when none was found. */
  paths: string[][];
  /** Length in edges of the paths found. */
  length?: number;
  /** Neighbour look-ups made. */
  expanded: number;
  /** Why the search ended without a path: nothing within `maxLength`, or the budget ran out. */
  exhausted?: 'max-length' | 'budget';
}

interface Side {
  /** Distance from this side's root. */
  dist: Map<string, number>;
  /** Predecessors on shortest paths towards the root. */
  parents: Map<string, string[]>;
  frontier: string[];
  level: number;
}

function side(root: string): Side {
  return { dist: new Map([[root, 0]]), parents: new Map([[root, []]]), frontier: [root], level: 0 };
}

/** Maps `fn` over `items`, `limit` at a time, keeping order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** All paths from `id` back to the side's root, each starting at the root. */
function pathsToRoot(s: Side, id: string, limit: number): string[][] {
  const parents = s.parents.get(id) ?? [];
  if (!parents.length) return [[id]];
  const out: string[][] = [];
  for (const p of parents) {
    for (const prefix of pathsToRoot(s, p, limit)) {
      out.push([...prefix, id]);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

export async function findShortestPaths(from: string, to: string, neighbours: (id: string) => Promise<readonly string[]>, options: PathSearchOptions = {}): Promise<PathSearchResult> {
  const { maxLength = 4, maxExpansions = 400, maxPaths = 25, onProgress, concurrency = 6 } = options;
  if (from === to) return { paths: [[from]], length: 0, expanded: 0 };
  const a = side(from);
  const b = side(to);
  let expanded = 0;

  while (a.level + b.level < maxLength) {
    // Grow the cheaper side; an exhausted side cannot grow.
    const grow = b.frontier.length === 0 || (a.frontier.length > 0 && a.frontier.length <= b.frontier.length) ? a : b;
    const other = grow === a ? b : a;
    if (grow.frontier.length === 0) return { paths: [], expanded, exhausted: 'max-length' };
    if (expanded + grow.frontier.length > maxExpansions) return { paths: [], expanded, exhausted: 'budget' };
    const frontier = [...grow.frontier].sort(compareText);
    const lists = await mapLimited(frontier, concurrency, neighbours);
    expanded += frontier.length;
    onProgress?.(expanded);
    const level = grow.level + 1;
    const next: string[] = [];
    frontier.forEach((u, i) => {
      for (const v of lists[i]!) {
        const d = grow.dist.get(v);
        if (d === undefined) {
          grow.dist.set(v, level);
          grow.parents.set(v, [u]);
          next.push(v);
        } else if (d === level && !grow.parents.get(v)!.includes(u)) {
          grow.parents.get(v)!.push(u);
        }
      }
    });
    grow.frontier = next;
    grow.level = level;

    // Every shortest path crosses the newest layer exactly once: meet there.
    let best = Infinity;
    for (const v of next) {
      const d = other.dist.get(v);
      if (d !== undefined) best = Math.min(best, level + d);
    }
    if (best <= maxLength) {
      const meet = next.filter((v) => other.dist.get(v) === best - level).sort(compareText);
      const paths: string[][] = [];
      for (const v of meet) {
        const left = pathsToRoot(grow, v, maxPaths);
        const right = pathsToRoot(other, v, maxPaths);
        for (const l of left) {
          for (const r of right) {
            // `l` runs root->v on the growing side, `r` root->v on the other.
            const joined = [...l, ...r.slice(0, -1).reverse()];
            paths.push(grow === a ? joined : joined.reverse());
            if (paths.length >= maxPaths) break;
          }
          if (paths.length >= maxPaths) break;
        }
        if (paths.length >= maxPaths) break;
      }
      paths.sort((p, q) => compareText(p.join('\u0000'), q.join('\u0000')));
      return { paths, length: best, expanded };
    }
  }
  return { paths: [], expanded, exhausted: 'max-length' };
}
