/**
 * Stage 3, normalize records: parsed documents (all four forms, plus wiki pages) into one record
 * per id and a flat, ordered list of edge declarations.
 *
 * Rules (see the README's format section):
 * - the first node document in path order defines `_file`, `_cluster` and the kind; later node
 *   documents for the same id only fill attributes that are still missing (`duplicate-id`);
 * - extensions fill missing attributes, patches overwrite; both need an existing target;
 * - every edge declaration is kept with its file:line; dedupe is the next stage's job.
 */
import type * as z from 'zod';
import {
  BundleNodeIdentitySchema,
  EdgeObjectSchema,
  ExtensionDocumentSchema,
  NodeIdentitySchema,
  RESERVED_EDGE_KEYS,
  RESERVED_NODE_KEYS,
} from './document-schema';
import { bareObject, type Attributes, type AtlasRecord, type Contribution, type ContributionForm, type SourceLocation } from './model';
import type { ParsedDocument, ValuePath } from './parse-documents';
import { problem, type Problem, type ProblemCode } from './problems';

/** One edge as one document declared it. */
export interface EdgeDeclaration {
  from: string;
  kind: string;
  to: string;
  attributes?: Attributes;
  at: SourceLocation;
}

/** A document (or bundle node, or wiki page) that says something about one id. */
export interface RecordContribution {
  form: ContributionForm;
  id: string;
  kind: string;
  cluster: string;
  at: SourceLocation;
  attributes: Attributes;
  edges: EdgeDeclaration[];
}

export interface NormalizeResult {
  /** Records without edges (edges are attached after dedupe), keyed by id in first-definition order. */
  records: Map<string, AtlasRecord>;
  /** Every edge declaration of a record that exists, in declaration order. */
  declarations: EdgeDeclaration[];
  problems: Problem[];
}

/** A parsed record document and the cluster of its file. */
export interface ClusterDocument {
  doc: ParsedDocument;
  cluster: string;
}

/** Turns record documents into contributions, reporting shape problems at their lines. */
export function readContributions(input: readonly ClusterDocument[]): { contributions: RecordContribution[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const contributions: RecordContribution[] = [];
  for (const { doc, cluster } of input) {
    const reader = new DocumentReader(doc, cluster, problems);
    contributions.push(...reader.read());
  }
  return { contributions, problems };
}

/** Merges contributions (in declaration order) into records. */
export function mergeContributions(contributions: readonly RecordContribution[]): NormalizeResult {
  const problems: Problem[] = [];
  const records = new Map<string, AtlasRecord>();
  const defining = new Set<ContributionForm>(['node', 'bundle-node', 'wiki']);

  for (const c of contributions) {
    if (!defining.has(c.form)) continue;
    const existing = records.get(c.id);
    const contribution: Contribution = { form: c.form, ...c.at };
    if (!existing) {
      records.set(c.id, {
        id: c.id,
        kind: c.kind,
        cluster: c.cluster,
        source: c.at,
        attributes: copyDict(c.attributes),
        definitions: [contribution],
        contributions: [],
        outgoing: [],
        incoming: [],
      });
      continue;
    }
    existing.definitions.push(contribution);
    fillMissing(existing.attributes, c.attributes);
    if (c.kind !== existing.kind) {
      problems.push(
        problem({
          code: 'kind-conflict',
          file: c.at.file,
          line: c.at.line,
          column: c.at.column,
          id: c.id,
          message: `\`${c.id}\` is a ${c.kind} here but a ${existing.kind} in ${existing.source.file}:${existing.source.line}; kept ${existing.kind}.`,
        }),
      );
    }
  }

  for (const [id, record] of records) {
    if (record.definitions.length < 2) continue;
    const [first, ...later] = record.definitions;
    const places = record.definitions.map((d) => `${d.file}:${d.line}`).join(', ');
    problems.push(
      problem({
        code: 'duplicate-id',
        file: later[0]!.file,
        line: later[0]!.line,
        column: later[0]!.column,
        id,
        message: `\`${id}\` is defined by ${record.definitions.length} node documents (${places}); ${first!.file} defines it, the others only fill missing attributes.`,
      }),
    );
  }

  const accepted = new Set<RecordContribution>();
  for (const c of contributions) {
    if (defining.has(c.form)) {
      accepted.add(c);
      continue;
    }
    const target = records.get(c.id);
    if (!target) {
      problems.push(
        problem({
          code: 'extension-target-missing',
          file: c.at.file,
          line: c.at.line,
          column: c.at.column,
          id: c.id,
          message: `This ${c.form} adds to \`${c.id}\`, but no node document defines that id; its attributes and ${c.edges.length} edge(s) were not loaded.`,
        }),
      );
      continue;
    }
    accepted.add(c);
    target.contributions.push({ form: c.form, ...c.at });
    if (c.form === 'patch') Object.assign(target.attributes, copyDict(c.attributes));
    else fillMissing(target.attributes, c.attributes);
  }

  const declarations: EdgeDeclaration[] = [];
  for (const c of contributions) if (accepted.has(c)) declarations.push(...c.edges);
  return { records, declarations, problems };
}

/** A null-prototype copy, so keys like `__proto__` stay plain data. */
function copyDict(src: Attributes): Attributes {
  return Object.assign(bareObject(), src);
}

function fillMissing(target: Attributes, src: Attributes): void {
  for (const key of Object.keys(src)) if (!Object.hasOwn(target, key)) target[key] = src[key];
}

/** Reads one parsed document. */
class DocumentReader {
  constructor(
    private readonly doc: ParsedDocument,
    private readonly cluster: string,
    private readonly problems: Problem[],
  ) {}

  read(): RecordContribution[] {
    const v = this.doc.value;
    if (!isMap(v)) {
      this.report('document-invalid', [], `Document ${this.doc.index + 1} is ${describe(v)}, not a mapping; it was ignored.`);
      return [];
    }
    if (v.kind === 'NodeDocument' || (v.nodes !== undefined && v.nodeKind === undefined && v.id === undefined)) return this.readBundle(v);
    if (v.extendsNode !== undefined) return this.readExtension(v);
    return this.readNode(v, [], v.patch === true ? 'patch' : 'node');
  }

  private readBundle(v: Record<string, unknown>): RecordContribution[] {
    if (!Array.isArray(v.nodes)) {
      this.report('document-invalid', ['nodes'], 'A `kind: NodeDocument` bundle needs a `nodes:` list; the document was ignored.');
      return [];
    }
    const out: RecordContribution[] = [];
    v.nodes.forEach((node, i) => {
      if (!isMap(node)) {
        this.report('document-invalid', ['nodes', i], `Bundle node ${i + 1} is ${describe(node)}, not a mapping; it was ignored.`);
        return;
      }
      out.push(...this.readNode(node, ['nodes', i], node.patch === true ? 'patch' : 'bundle-node'));
    });
    return out;
  }

  private readExtension(v: Record<string, unknown>): RecordContribution[] {
    const parsed = ExtensionDocumentSchema.safeParse(v);
    if (!parsed.success) this.reportIssues(parsed.error.issues, []);
    const target = v.extendsNode;
    if (!isMap(target)) return [];
    const id = this.readId(target.id, ['extendsNode', 'id']);
    const kind = typeof target.nodeKind === 'string' && target.nodeKind ? target.nodeKind : null;
    if (id === null || kind === null) return [];
    return [
      {
        form: 'extension',
        id,
        kind,
        cluster: this.cluster,
        at: this.at(['extendsNode']),
        attributes: this.readAttributes(v.attributes, ['attributes']),
        edges: this.readEdges(id, v.edges, ['edges']),
      },
    ];
  }

  private readNode(v: Record<string, unknown>, base: ValuePath, form: ContributionForm): RecordContribution[] {
    const inBundle = base.length > 0;
    const schema: z.ZodType = inBundle ? BundleNodeIdentitySchema : NodeIdentitySchema;
    const parsed = schema.safeParse(v);
    if (!parsed.success) this.reportIssues(parsed.error.issues, base);
    const id = this.readId(v.id, [...base, 'id']);
    const kindValue = v.nodeKind ?? (inBundle ? v.kind : undefined);
    const kind = typeof kindValue === 'string' && kindValue.trim() ? kindValue.trim() : null;
    if (id === null || kind === null) return [];
    const attributes = this.readAttributes(v.attributes, [...base, 'attributes']);
    if (inBundle) {
      for (const key of Object.keys(v)) {
        if (!RESERVED_NODE_KEYS.has(key) && !Object.hasOwn(attributes, key)) attributes[key] = toJson(v[key]);
      }
    }
    return [{ form, id, kind, cluster: this.cluster, at: this.at(base), attributes, edges: this.readEdges(id, v.edges, [...base, 'edges']) }];
  }

  /** Turns zod issues into problems, except for edges, which `readEdges` reports entry by entry. */
  private reportIssues(issues: readonly z.core.$ZodIssue[], base: ValuePath): void {
    for (const issue of issues) {
      const [head] = issue.path;
      if (head === 'edges' || head === 'attributes') continue;
      const path = [...base, ...(issue.path as (string | number)[])];
      let code: ProblemCode = 'document-invalid';
      let message = `${issue.path.length ? `\`${issue.path.join('.')}\`: ` : ''}${issue.message}.`;
      if (head === 'id') {
        code = 'missing-id';
        message = issue.code === 'invalid_type' && issue.input === undefined ? 'The document has no `id`; it was ignored.' : `\`id\` must be a non-empty string; the document was ignored.`;
      } else if (head === 'nodeKind' || (head === 'kind' && base.length > 0)) {
        // In a bundle node a missing `nodeKind` is fine when `kind` is given (the refine reports when neither is).
        if (base.length > 0 && issue.code === 'invalid_type' && issue.input === undefined) continue;
        code = 'missing-node-kind';
        message = '`nodeKind` must be a non-empty string; the document was ignored.';
      } else if (head === undefined && issue.code === 'custom') {
        code = 'missing-node-kind';
        message = 'The bundle node has no `kind` or `nodeKind`; it was ignored.';
      } else if (head === 'extendsNode') {
        code = issue.path[1] === 'id' ? 'missing-id' : issue.path[1] === 'nodeKind' ? 'missing-node-kind' : 'document-invalid';
        message = `\`${issue.path.join('.')}\`: ${issue.message}; the extension was ignored.`;
      } else if (head === 'patch') {
        message = '`patch` must be `true` or `false`.';
      }
      if (code === 'missing-node-kind' && head === 'nodeKind' && issue.input === undefined) {
        message = 'The document has no `nodeKind`; it was ignored.';
      }
      this.report(code, path, message);
    }
    const root = base.length ? undefined : this.doc.value;
    if (isMap(root) && root.nodeKind === undefined && root.extendsNode === undefined && root.id !== undefined && !issues.some((i) => i.path[0] === 'nodeKind')) {
      this.report('missing-node-kind', [], 'The document has no `nodeKind`; it was ignored.');
    }
  }

  private readId(raw: unknown, path: ValuePath): string | null {
    if (typeof raw === 'number' && Number.isFinite(raw)) {
      const id = String(raw);
      this.report('invalid-id', path, `The id ${id} is a number; it was read as the string "${id}".`, 'Quote the id, and give it a prefix such as `kind:`.');
      return id;
    }
    if (typeof raw !== 'string' || raw.trim() === '') return null;
    const bad = idFlaw(raw);
    if (bad) this.report('invalid-id', path, `The id ${JSON.stringify(raw)} ${bad}; it was kept as written.`);
    return raw;
  }

  private readAttributes(raw: unknown, path: ValuePath): Attributes {
    const out: Attributes = bareObject();
    if (raw === undefined || raw === null) return out;
    if (!isMap(raw)) {
      this.report('invalid-attributes', path, `\`attributes\` is ${describe(raw)}, not a mapping; it was ignored.`);
      return out;
    }
    for (const key of Object.keys(raw)) out[key] = toJson(raw[key]);
    return out;
  }

  private readEdges(from: string, raw: unknown, path: ValuePath): EdgeDeclaration[] {
    const out: EdgeDeclaration[] = [];
    if (raw === undefined || raw === null) return out;
    if (!isMap(raw)) {
      this.report('invalid-edges', path, `\`edges\` is ${describe(raw)}; it must map edge kinds to targets. It was ignored.`);
      return out;
    }
    for (const kind of Object.keys(raw)) {
      const value = raw[kind];
      const kindPath = [...path, kind];
      if (value === null || value === undefined) {
        this.report('empty-edge-list', kindPath, `\`${kind}\` has no targets (null); read as an empty list.`);
        continue;
      }
      if (Array.isArray(value)) value.forEach((item, i) => this.readEdge(out, from, kind, item, [...kindPath, i]));
      else this.readEdge(out, from, kind, value, kindPath);
    }
    return out;
  }

  private readEdge(out: EdgeDeclaration[], from: string, kind: string, item: unknown, path: ValuePath): void {
    if (typeof item === 'string' && item.trim()) {
      out.push({ from, kind, to: item.trim(), at: this.at(path) });
      return;
    }
    if (isMap(item)) {
      const parsed = EdgeObjectSchema.safeParse(item);
      const target = item.target ?? item.to ?? item.id;
      if (!parsed.success || !(typeof target === 'string' && target.trim())) {
        this.report('invalid-edges', path, `A \`${kind}\` edge object has no usable \`target\` (also accepted: \`to\`, \`id\`); it was ignored.`);
        return;
      }
      const attributes: Attributes = bareObject();
      for (const nested of ['attributes', 'attrs']) {
        const n = item[nested];
        if (isMap(n)) for (const k of Object.keys(n)) attributes[k] = toJson(n[k]);
      }
      for (const key of Object.keys(item)) if (!RESERVED_EDGE_KEYS.has(key)) attributes[key] = toJson(item[key]);
      const decl: EdgeDeclaration = { from, kind, to: target.trim(), at: this.at(path) };
      if (Object.keys(attributes).length) decl.attributes = attributes;
      out.push(decl);
      return;
    }
    this.report('invalid-edges', path, `A \`${kind}\` target is ${describe(item)}; targets are id strings or objects with \`target\`. It was ignored.`);
  }

  private at(path: ValuePath): SourceLocation {
    return { file: this.doc.file, ...this.doc.locate(path) };
  }

  private report(code: ProblemCode, path: ValuePath, message: string, hint?: string): void {
    const at = this.at(path);
    this.problems.push(problem({ code, file: at.file, line: at.line, column: at.column, message, ...(hint ? { hint } : {}) }));
  }
}

/** Why an id is suspicious, or null. */
export function idFlaw(id: string): string | null {
  if (id !== id.trim()) return 'has leading or trailing spaces';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(id)) return 'contains control characters';
  if (/\s/.test(id)) return 'contains spaces';
  if (/[<>"'`]/.test(id)) return 'contains markup characters (< > " \' `)';
  return null;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Date) return 'a date';
  if (typeof v === 'object') return 'a mapping';
  return `the ${typeof v} ${JSON.stringify(v)}`;
}

/**
 * Makes a YAML value JSON-safe and prototype-safe: dates become ISO strings (a bare date stays
 * `YYYY-MM-DD`), mappings become null-prototype objects, non-finite numbers become strings.
 */
export function toJson(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(v)) return v.map(toJson);
  if (typeof v === 'object') {
    const out = bareObject();
    for (const key of Object.keys(v)) out[key] = toJson((v as Record<string, unknown>)[key]);
    return out;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return v;
}
