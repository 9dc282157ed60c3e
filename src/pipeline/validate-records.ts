/**
 * Stage 5b, validate: records and edges against the declared schema, plus dangling targets.
 *
 * Conformance problems are warnings by default (the real atlas has many) and errors under
 * `strict`. A schema that declares no node kinds (or no edge kinds) switches that check off
 * instead of flagging every record.
 */
import type * as z from 'zod';
import { AttributeTypeCompiler, type AttributeDecl, type DeclaredSchema } from './declared-schema';
import type { AtlasEdge, AtlasRecord, SourceLocation } from './model';
import { problem, type Problem, type ProblemInput } from './problems';

/** Kinds that exist without a declaration: every wiki page is a `Page`. */
export const BUILT_IN_NODE_KINDS = new Set(['Page']);

export function validateRecords(
  records: ReadonlyMap<string, AtlasRecord>,
  edges: readonly AtlasEdge[],
  schema: DeclaredSchema,
): Problem[] {
  const problems: Problem[] = [];
  const at = (loc: SourceLocation, input: Omit<ProblemInput, 'file' | 'line' | 'column'>) =>
    problems.push(problem({ ...input, file: loc.file, line: loc.line, column: loc.column }));

  const firstUse = new Map<string, SourceLocation>();
  const note = (decls: readonly AttributeDecl[] | undefined, where: SourceLocation) => {
    for (const d of decls ?? []) if (d.type && !firstUse.has(d.type)) firstUse.set(d.type, where);
  };
  for (const k of schema.nodeKinds.values()) note(k.attributes, k.declaredAt);
  for (const k of schema.edgeKinds.values()) note(k.attributes, k.declaredAt);
  const types = new AttributeTypeCompiler(schema, (t) => firstUse.get(t) ?? { file: 'schema', line: 0, column: 0 });
  // Compile every declared type up front: a broken declaration is reported even when no record uses it.
  for (const t of firstUse.keys()) types.compile(t);

  for (const record of records.values()) {
    const kind = schema.nodeKinds.get(record.kind);
    if (!kind) {
      if (schema.hasNodeKinds && !BUILT_IN_NODE_KINDS.has(record.kind)) {
        at(record.source, {
          code: 'unknown-node-kind',
          id: record.id,
          message: `\`${record.id}\` has node kind \`${record.kind}\`, which schema/node-kinds/ does not declare.`,
        });
      }
      continue;
    }
    for (const decl of kind.attributes) {
      if (decl.name === 'id') continue; // the id lives beside the attributes, not among them
      const value = record.attributes[decl.name];
      const missing = value === undefined || value === null || value === '';
      if (missing) {
        if (decl.required) {
          at(record.source, {
            code: 'missing-required-attribute',
            id: record.id,
            message: `\`${record.id}\` (${record.kind}) has no \`${decl.name}\`, which its kind requires.`,
            hint: `Add \`${decl.name}:\` (type ${decl.type ?? 'any'}) under \`attributes:\`.`,
          });
        }
        continue;
      }
      if (!decl.type) continue;
      const result = types.compile(decl.type).safeParse(value);
      if (!result.success) {
        at(record.source, {
          code: 'invalid-attribute',
          id: record.id,
          message: `\`${record.id}\`: attribute \`${decl.name}\` should be ${decl.type} but is ${preview(value)} (${firstIssue(result.error)}).`,
        });
      }
    }
  }

  for (const edge of edges) {
    const where = edge.declarations[0]!;
    const source = records.get(edge.from);
    const target = records.get(edge.to);
    if (!target) {
      at(where, {
        code: 'dangling-edge',
        id: edge.from,
        message: `\`${edge.from}\` ${edge.kind} → \`${edge.to}\`, but no record has the id \`${edge.to}\`.`,
        hint: `Correct the target id or add a record \`${edge.to}\`.`,
      });
    }
    if (!schema.hasEdgeKinds) continue;
    const kind = schema.edgeKinds.get(edge.kind);
    if (!kind) {
      at(where, {
        code: 'unknown-edge-kind',
        id: edge.from,
        message: `Edge kind \`${edge.kind}\` (from \`${edge.from}\`) is not declared in schema/edge-kinds.yaml.`,
      });
      continue;
    }
    if (source && kind.source && !kind.source.includes(source.kind)) {
      at(where, {
        code: 'edge-kind-mismatch',
        id: edge.from,
        message: `\`${edge.kind}\` may start at ${kind.source.join(', ')}, not at \`${edge.from}\` (${source.kind}).`,
      });
    }
    if (target && kind.target && !kind.target.includes(target.kind)) {
      at(where, {
        code: 'edge-kind-mismatch',
        id: edge.from,
        message: `\`${edge.kind}\` may end at ${kind.target.join(', ')}, not at \`${edge.to}\` (${target.kind}).`,
      });
    }
    if (edge.attributes) {
      for (const decl of kind.attributes) {
        const value = edge.attributes[decl.name];
        if (value === undefined || value === null || !decl.type) continue;
        const result = types.compile(decl.type).safeParse(value);
        if (!result.success) {
          at(where, {
            code: 'invalid-attribute',
            id: edge.from,
            message: `\`${edge.from}\` ${edge.kind} \`${edge.to}\`: edge attribute \`${decl.name}\` should be ${decl.type} but is ${preview(value)}.`,
          });
        }
      }
    }
  }
  return [...problems, ...types.problems];
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.length ? `at ${issue.path.join('.')}: ` : '';
  return `${path}${issue.message}`;
}
