/**
 * An edge's identity: source, kind and target. The first two fields' lengths lead, so no field can
 * run into the next whatever its characters (YAML allows any in an id, "\0" included).
 *
 * A module of its own, without imports: the browser's graph scripts use it too.
 */
export function edgeKey(edge: { from: string; kind: string; to: string }): string {
  return `${edge.from.length},${edge.kind.length}:${edge.from}${edge.kind}${edge.to}`;
}
