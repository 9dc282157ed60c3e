/**
 * "Did you mean": ids close to what someone typed. Used by `atlas get`, the 404 page and search,
 * so every place suggests the same ids.
 */

/** Up to `limit` ids ranked by: exact (case-insensitive), contains, shared prefix, edit distance. */
export function closestIds(query: string, ids: Iterable<string>, limit = 5): string[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored: { id: string; score: number }[] = [];
  for (const id of ids) {
    const l = id.toLowerCase();
    let score: number;
    if (l === q) score = 0;
    else if (l.includes(q) || q.includes(l)) score = 1 + Math.abs(l.length - q.length) / 1000;
    else {
      const d = boundedDistance(q, l, Math.max(3, Math.floor(q.length / 3)));
      if (d === null) continue;
      score = 2 + d;
    }
    scored.push({ id, score });
  }
  scored.sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return scored.slice(0, limit).map((s) => s.id);
}

/** Levenshtein distance, or null as soon as it must exceed `max` (keeps 10k ids fast). */
function boundedDistance(a: string, b: string, max: number): number | null {
  if (Math.abs(a.length - b.length) > max) return null;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return null;
    prev = cur;
  }
  const d = prev[b.length]!;
  return d <= max ? d : null;
}
