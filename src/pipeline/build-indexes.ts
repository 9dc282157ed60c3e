/**
 * Stage 6, build indexes: attaches edges to records, marks dangling edges, sorts, counts, and
 * assigns every record its page path. The result is frozen: nothing downstream may change it.
 */
import type { DeclaredSchema } from './declared-schema';
import type { Atlas, AtlasEdge, AtlasRecord, AtlasStats } from './model';
import { groupBy } from './group-by';
import { cmp, compareProblems, problem, type Problem } from './problems';
import { assignPaths } from './record-path';
import type { WikiPage } from './parse-wiki';

export interface IndexInput {
  root: string;
  records: Map<string, AtlasRecord>;
  edges: AtlasEdge[];
  edgesDeclared: number;
  schema: DeclaredSchema;
  problems: Problem[];
  files: number;
  documents: number;
  pages: WikiPage[];
  schemaFiles: { path: string; text: string }[];
}

export function buildIndexes(input: IndexInput): Atlas {
  const { records, edges, schema } = input;
  for (const edge of edges) {
    const from = records.get(edge.from);
    const to = records.get(edge.to);
    edge.dangling = !to;
    from?.outgoing.push(edge);
    to?.incoming.push(edge);
  }
  const recordList = [...records.values()].sort((a, b) => cmp(a.id, b.id));
  const sortedRecords = new Map(recordList.map((r) => [r.id, r]));

  const group = <T>(items: readonly T[], key: (t: T) => string) => new Map([...groupBy(items, key)].sort((a, b) => cmp(a[0], b[0])));
  const byKind = group(recordList, (r) => r.kind);
  const byCluster = group(recordList, (r) => r.cluster);
  const byEdgeKind = group(edges, (e) => e.kind);

  const problems = [...input.problems];
  const { paths, collisions } = assignPaths(recordList.map((r) => r.id));
  for (const c of collisions) {
    const r = records.get(c.id)!;
    problems.push(
      problem({
        code: 'path-collision',
        file: r.source.file,
        line: r.source.line,
        column: r.source.column,
        id: c.id,
        message: `\`${c.id}\` and \`${c.clashesWith}\` would share the page path (letter case aside); \`${c.id}\` is served at /n/${c.path}/ instead.`,
      }),
    );
  }
  problems.sort(compareProblems);

  const count = <T>(m: Map<string, readonly T[]>) => Object.fromEntries([...m.entries()].map(([k, v]) => [k, v.length]));
  const bySeverity = { error: 0, warning: 0, info: 0 };
  const byCode: Record<string, number> = {};
  for (const p of problems) {
    bySeverity[p.severity]++;
    byCode[p.code] = (byCode[p.code] ?? 0) + 1;
  }
  const stats: AtlasStats = {
    files: input.files,
    documents: input.documents,
    records: recordList.length,
    edgesDeclared: input.edgesDeclared,
    edges: edges.length,
    danglingEdges: edges.filter((e) => e.dangling).length,
    byCluster: count(byCluster),
    byKind: count(byKind),
    byEdgeKind: count(byEdgeKind),
    problemsBySeverity: bySeverity,
    problemsByCode: Object.fromEntries(Object.entries(byCode).sort((a, b) => cmp(a[0], b[0]))),
  };

  return {
    root: input.root,
    records: sortedRecords,
    recordList,
    edges,
    schema,
    problems,
    stats,
    byKind,
    byCluster,
    byEdgeKind,
    paths,
    pages: input.pages,
    schemaFiles: input.schemaFiles,
  };
}
