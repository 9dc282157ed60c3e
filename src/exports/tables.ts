/**
 * The small JSON exports: ids.json, kinds.json and problems.json, each a pure function of the
 * atlas. Key order is fixed and lists are sorted, so the same input gives the same bytes.
 */
import type { AttributeDecl } from '../pipeline/declared-schema';
import { displayName, type Atlas } from '../pipeline/model';
import { cmp, PROBLEM_CODES, type ProblemCode } from '../pipeline/problems';
import type { IdsFile, KindsFile, ProblemsFile } from './export-schemas';

/** `ids.json`: id -> [display name, kind, path under n/], in id order. */
export function idsIndex(atlas: Atlas): IdsFile {
  const out: IdsFile = {};
  for (const r of atlas.recordList) out[r.id] = [displayName(r), r.kind, atlas.paths.get(r.id)!];
  return out;
}

/** The serialized ids.json (compact: it is fetched by every page that offers go-to-id). */
export function idsJson(atlas: Atlas): string {
  return JSON.stringify(idsIndex(atlas));
}

function attributeLines(decls: readonly AttributeDecl[]): KindsFile['nodeKinds'][number]['attributes'] {
  return decls.map((a) => {
    const text = typeof a.description === 'string' ? a.description : typeof a.notes === 'string' ? a.notes : undefined;
    return {
      name: a.name,
      ...(a.type !== undefined && { type: a.type }),
      ...(a.required !== undefined && { required: a.required }),
      ...(text !== undefined && { description: text }),
    };
  });
}

/** `kinds.json`: declared kinds and the undeclared kinds records use, with counts, sorted by name. */
export function kindsFile(atlas: Atlas): KindsFile {
  const nodeNames = [...new Set([...atlas.schema.nodeKinds.keys(), ...atlas.byKind.keys()])].sort(cmp);
  const edgeNames = [...new Set([...atlas.schema.edgeKinds.keys(), ...atlas.byEdgeKind.keys()])].sort(cmp);
  return {
    nodeKinds: nodeNames.map((name) => {
      const d = atlas.schema.nodeKinds.get(name);
      return {
        name,
        declared: d !== undefined,
        count: atlas.byKind.get(name)?.length ?? 0,
        ...(d?.prefix !== undefined && { prefix: d.prefix }),
        ...(d?.cluster !== undefined && { cluster: d.cluster }),
        ...(d?.purpose !== undefined && { purpose: d.purpose }),
        attributes: attributeLines(d?.attributes ?? []),
      };
    }),
    edgeKinds: edgeNames.map((name) => {
      const d = atlas.schema.edgeKinds.get(name);
      return {
        name,
        declared: d !== undefined,
        count: atlas.byEdgeKind.get(name)?.length ?? 0,
        ...(d?.description !== undefined && { description: d.description }),
        source: d?.source ?? null,
        target: d?.target ?? null,
        ...(d?.cardinality !== undefined && { cardinality: d.cardinality }),
        ...(d?.inverse !== undefined && { inverse: d.inverse }),
        attributes: attributeLines(d?.attributes ?? []),
      };
    }),
  };
}

/** `problems.json`: counts, the meaning of each code that occurs, and every problem. */
export function problemsFile(atlas: Atlas): ProblemsFile {
  const codes: ProblemsFile['codes'] = {};
  for (const code of Object.keys(atlas.stats.problemsByCode).sort(cmp)) {
    const info = PROBLEM_CODES[code as ProblemCode];
    if (info) codes[code] = { severity: info.severity, summary: info.summary, hint: info.hint };
  }
  return {
    counts: { error: atlas.stats.problemsBySeverity.error, warning: atlas.stats.problemsBySeverity.warning, info: atlas.stats.problemsBySeverity.info },
    byCode: sortedRecord(atlas.stats.problemsByCode),
    codes,
    problems: [...atlas.problems],
  };
}

/** A copy of a count table with keys in byte order (stable output whatever order the stages counted in). */
export function sortedRecord(table: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(table).sort(cmp)) out[key] = table[key]!;
  return out;
}
