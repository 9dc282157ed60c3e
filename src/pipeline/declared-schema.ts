/**
 * Stage 5a, load the declared schema: `schema/**.yaml` into node kinds, edge kinds and attribute
 * types, and attribute type expressions (`list<enum<a,b>>`, `ref<Kind>`, …) into zod validators.
 *
 * The real atlas's schema has damage (an unquoted `enum<high, medium, low>` that YAML read as a
 * map, types nobody defined): each is reported as `schema-invalid` and falls back to `any`, so a
 * broken declaration never stops the records from loading.
 */
import * as z from 'zod';
import type { ParsedDocument } from './parse-documents';
import { problem, type Problem } from './problems';
import type { SourceLocation } from './model';

export const AttributeDeclSchema = z.looseObject({
  /** Attribute name, as used under `attributes:`. */
  name: z.string().min(1),
  /** Type expression, e.g. `string`, `list<id>`, `enum<low,medium,high>`, `ref<Tool>`. */
  type: z.string().min(1).optional(),
  /** Whether every record of the kind must have the attribute. */
  required: z.boolean().optional(),
  /** Free-text notes for authors. */
  notes: z.unknown().optional(),
  /** Free-text description. */
  description: z.unknown().optional(),
});
export type AttributeDecl = z.infer<typeof AttributeDeclSchema>;

export const NodeKindDeclSchema = z.looseObject({
  /** Kind name used in `nodeKind:`, e.g. `Workflow`. */
  name: z.string().min(1),
  /** Conventional id prefix, e.g. `workflow`. */
  prefix: z.string().optional(),
  /** Cluster the kind belongs to. */
  cluster: z.unknown().optional(),
  /** One-line purpose of the kind. */
  purpose: z.unknown().optional(),
  /** Declared attributes. */
  attributes: z.array(AttributeDeclSchema).nullish(),
});
export type NodeKindDeclInput = z.infer<typeof NodeKindDeclSchema>;

export const EdgeKindDeclSchema = z.looseObject({
  /** Edge kind name used under `edges:`, e.g. `involves_role`. */
  name: z.string().min(1),
  /** What the edge means. */
  description: z.unknown().optional(),
  /** Node kinds allowed as the edge's source (`*` or `any` for all). */
  source: z.union([z.string(), z.array(z.string())]).nullish(),
  /** Node kinds allowed as the edge's target (`*` or `any` for all). */
  target: z.union([z.string(), z.array(z.string())]).nullish(),
  /** e.g. `1:N`, `N:M`. */
  cardinality: z.unknown().optional(),
  /** Declared edge attributes. */
  attributes: z.array(AttributeDeclSchema).nullish(),
  /** Name of the inverse edge kind (not materialized). */
  inverse: z.string().nullish(),
});

export const AttributeTypeDeclSchema = z.looseObject({
  /** Type name, e.g. `slug` or `list<T>`. */
  name: z.string().min(1),
  /** What the type holds. */
  description: z.unknown().optional(),
  /** A regular expression (starting with `^`) or prose; only regular expressions are enforced. */
  validator: z.unknown().optional(),
});

/**
 * The kind declarations without their attribute lists, which `loadDeclaredSchema` checks one
 * declaration at a time: one damaged attribute must not lose the whole kind.
 */
const NodeKindHeadSchema = NodeKindDeclSchema.omit({ attributes: true });
const EdgeKindHeadSchema = EdgeKindDeclSchema.omit({ attributes: true });

export interface NodeKindDecl {
  name: string;
  prefix?: string;
  cluster?: string;
  purpose?: string;
  attributes: AttributeDecl[];
  declaredAt: SourceLocation;
}

export interface EdgeKindDecl {
  name: string;
  description?: string;
  /** null: any kind. */
  source: string[] | null;
  target: string[] | null;
  cardinality?: string;
  attributes: AttributeDecl[];
  inverse?: string;
  declaredAt: SourceLocation;
}

export interface AttributeTypeDecl {
  name: string;
  description?: string;
  validator?: string;
}

export interface DeclaredSchema {
  nodeKinds: ReadonlyMap<string, NodeKindDecl>;
  edgeKinds: ReadonlyMap<string, EdgeKindDecl>;
  attributeTypes: ReadonlyMap<string, AttributeTypeDecl>;
  /** True when schema/ declared any node kind (otherwise kinds are not checked at all). */
  hasNodeKinds: boolean;
  hasEdgeKinds: boolean;
}

export interface SchemaResult {
  schema: DeclaredSchema;
  problems: Problem[];
}

/** Reads every schema document; unknown top-level keys are ignored (the real schema has many). */
export function loadDeclaredSchema(documents: readonly ParsedDocument[]): SchemaResult {
  const problems: Problem[] = [];
  const nodeKinds = new Map<string, NodeKindDecl>();
  const edgeKinds = new Map<string, EdgeKindDecl>();
  const attributeTypes = new Map<string, AttributeTypeDecl>();

  const entries = (doc: ParsedDocument, key: string): { value: unknown; at: SourceLocation; path: (string | number)[] }[] => {
    const v = doc.value as Record<string, unknown>;
    const list = v[key];
    if (list === undefined || list === null) return [];
    if (!Array.isArray(list)) {
      const at = doc.locate([key]);
      problems.push(problem({ code: 'schema-invalid', file: doc.file, ...at, message: `\`${key}\` should be a list; it was ignored.` }));
      return [];
    }
    return list.map((value, i) => ({ value, path: [key, i], at: { file: doc.file, ...doc.locate([key, i]) } }));
  };

  const report = (doc: ParsedDocument, base: (string | number)[], issues: z.core.$ZodIssue[], what: string) => {
    for (const issue of issues) {
      const where = doc.locate([...base, ...(issue.path as (string | number)[])]);
      const path = issue.path.length ? ` at \`${issue.path.join('.')}\`` : '';
      problems.push(problem({ code: 'schema-invalid', file: doc.file, ...where, message: `${what}${path}: ${issue.message}.` }));
    }
  };

  /** Attribute declarations with a usable name; a non-string type is reported and becomes `any`. */
  const attributeDecls = (doc: ParsedDocument, base: (string | number)[], raw: unknown, owner: string): AttributeDecl[] => {
    if (!Array.isArray(raw)) {
      if (raw !== undefined && raw !== null) {
        problems.push(problem({ code: 'schema-invalid', file: doc.file, ...doc.locate(base), message: `${owner}: \`attributes\` should be a list; it was ignored.` }));
      }
      return [];
    }
    const out: AttributeDecl[] = [];
    raw.forEach((a, i) => {
      const rec = a && typeof a === 'object' ? (a as Record<string, unknown>) : null;
      if (rec && rec.type !== undefined && typeof rec.type !== 'string') {
        const where = doc.locate([...base, i, 'type']);
        problems.push(
          problem({
            code: 'schema-invalid',
            file: doc.file,
            ...where,
            message: `${owner}: attribute \`${String(rec.name)}\` has a type that is not a string (YAML read ${JSON.stringify(rec.type)}); treated as \`any\`.`,
            hint: 'Quote the type, e.g. `type: "enum<high,medium,low>"`: unquoted commas and braces are YAML syntax.',
          }),
        );
        out.push({ ...rec, name: String(rec.name), type: 'any' });
        return;
      }
      const parsed = AttributeDeclSchema.safeParse(a);
      if (parsed.success) out.push(parsed.data);
      else report(doc, [...base, i], parsed.error.issues, `${owner}: attribute declaration`);
    });
    return out;
  };

  for (const doc of documents) {
    if (!doc.value || typeof doc.value !== 'object' || Array.isArray(doc.value)) continue;
    for (const { value, at, path } of entries(doc, 'nodeKinds')) {
      const parsed = NodeKindHeadSchema.safeParse(value);
      if (!parsed.success) {
        report(doc, path, parsed.error.issues, 'Node kind declaration');
        continue;
      }
      const d = parsed.data;
      if (nodeKinds.has(d.name)) {
        const first = nodeKinds.get(d.name)!.declaredAt;
        problems.push(problem({ code: 'schema-invalid', file: doc.file, line: at.line, column: at.column, message: `Node kind \`${d.name}\` is declared again (first at ${first.file}:${first.line}); this declaration is ignored.` }));
        continue;
      }
      nodeKinds.set(d.name, {
        name: d.name,
        prefix: d.prefix,
        cluster: typeof d.cluster === 'string' ? d.cluster : undefined,
        purpose: typeof d.purpose === 'string' ? d.purpose : undefined,
        attributes: attributeDecls(doc, [...path, 'attributes'], (value as Record<string, unknown>).attributes, `Node kind \`${d.name}\``),
        declaredAt: at,
      });
    }
    for (const { value, at, path } of entries(doc, 'edgeKinds')) {
      const parsed = EdgeKindHeadSchema.safeParse(value);
      if (!parsed.success) {
        report(doc, path, parsed.error.issues, 'Edge kind declaration');
        continue;
      }
      const d = parsed.data;
      if (edgeKinds.has(d.name)) {
        const first = edgeKinds.get(d.name)!.declaredAt;
        problems.push(problem({ code: 'schema-invalid', file: doc.file, line: at.line, column: at.column, message: `Edge kind \`${d.name}\` is declared again (first at ${first.file}:${first.line}); this declaration is ignored.` }));
        continue;
      }
      edgeKinds.set(d.name, {
        name: d.name,
        description: typeof d.description === 'string' ? d.description : undefined,
        source: kindList(d.source),
        target: kindList(d.target),
        cardinality: typeof d.cardinality === 'string' ? d.cardinality : undefined,
        attributes: attributeDecls(doc, [...path, 'attributes'], (value as Record<string, unknown>).attributes, `Edge kind \`${d.name}\``),
        inverse: d.inverse ?? undefined,
        declaredAt: at,
      });
    }
    for (const key of ['primitiveTypes', 'attributeTypes']) {
      const v = (doc.value as Record<string, unknown>)[key];
      if (!Array.isArray(v)) continue; // the manifest's `attributeTypes: {}` is not a list of types
      for (const { value, path } of entries(doc, key)) {
        const parsed = AttributeTypeDeclSchema.safeParse(value);
        if (!parsed.success) {
          report(doc, path, parsed.error.issues, 'Attribute type declaration');
          continue;
        }
        const d = parsed.data;
        attributeTypes.set(baseName(d.name), {
          name: d.name,
          description: typeof d.description === 'string' ? d.description : undefined,
          validator: typeof d.validator === 'string' ? d.validator : undefined,
        });
      }
    }
  }
  return {
    schema: { nodeKinds, edgeKinds, attributeTypes, hasNodeKinds: nodeKinds.size > 0, hasEdgeKinds: edgeKinds.size > 0 },
    problems,
  };
}

function kindList(v: string | string[] | null | undefined): string[] | null {
  if (v === undefined || v === null) return null;
  const list = (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean);
  if (list.length === 0 || list.some((s) => s === '*' || s.toLowerCase() === 'any')) return null;
  return list;
}

function baseName(typeName: string): string {
  const i = typeName.indexOf('<');
  return (i < 0 ? typeName : typeName.slice(0, i)).trim();
}

/** A parsed type expression: `list<enum<a,b>>` is {name: 'list', args: [{name: 'enum', args: [a, b]}]}. */
export interface TypeExpr {
  name: string;
  args: TypeExpr[];
}

/** Parses a type expression; throws on unbalanced brackets. */
export function parseTypeExpr(source: string): TypeExpr {
  let i = 0;
  const s = source;
  const parse = (): TypeExpr => {
    let name = '';
    while (i < s.length && s[i] !== '<' && s[i] !== '>' && s[i] !== ',') name += s[i++];
    const args: TypeExpr[] = [];
    if (s[i] === '<') {
      i++;
      for (;;) {
        args.push(parse());
        while (s[i] === ' ' || s[i] === '\t') i++;
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === '>') {
          i++;
          break;
        }
        throw new Error(`unbalanced \`<\` in \`${source}\``);
      }
    }
    return { name: name.trim(), args };
  };
  const expr = parse();
  while (s[i] === ' ' || s[i] === '\t') i++;
  if (i !== s.length) throw new Error(`unexpected \`${s.slice(i)}\` in \`${source}\``);
  return expr;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Compiles attribute type expressions to zod schemas, once per distinct expression.
 * Unknown or malformed types are reported once and accept anything.
 */
export class AttributeTypeCompiler {
  private cache = new Map<string, z.ZodType>();
  readonly problems: Problem[] = [];

  constructor(
    private readonly schema: DeclaredSchema,
    /** Where to report a bad type (the first attribute declaration that used it). */
    private readonly reportAt: (type: string) => SourceLocation,
  ) {}

  compile(type: string): z.ZodType {
    const cached = this.cache.get(type);
    if (cached) return cached;
    let out: z.ZodType;
    try {
      out = this.build(parseTypeExpr(type));
    } catch (err) {
      const at = this.reportAt(type);
      this.problems.push(
        problem({
          code: 'schema-invalid',
          file: at.file,
          line: at.line,
          column: at.column,
          message: `Attribute type \`${type}\` cannot be used (${(err as Error).message}); values are not checked.`,
          hint: 'Use a type from schema/attribute-types.yaml, e.g. `string`, `list<id>`, `enum<a,b>`.',
        }),
      );
      out = z.unknown();
    }
    this.cache.set(type, out);
    return out;
  }

  private build(t: TypeExpr): z.ZodType {
    const arg = (i: number) => {
      const a = t.args[i];
      if (!a) throw new Error(`\`${t.name}\` needs a type parameter`);
      return this.build(a);
    };
    const declared = this.schema.attributeTypes.get(t.name)?.validator;
    const regex = declared?.startsWith('^') ? safeRegex(declared) : null;
    switch (t.name) {
      case 'string':
      case 'markdown':
      case 'code':
      case 'text':
      case 'versionRange':
        return z.string();
      case 'slug':
        return z.string().regex(regex ?? /^[a-z0-9][a-z0-9-]*$/, 'expected a lowercase slug');
      case 'id':
        return z.string().regex(regex ?? /^\S+$/, 'expected a record id');
      case 'semver':
        return z.string().regex(regex ?? /^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)*$/, 'expected a semantic version like 1.2.3');
      case 'iso-date':
      case 'date':
        return z.string().regex(regex ?? ISO_DATE, 'expected a date YYYY-MM-DD');
      case 'iso-timestamp':
      case 'timestamp':
        return z.string().regex(regex ?? ISO_TIMESTAMP, 'expected an ISO 8601 timestamp');
      case 'url':
        return z.string().regex(regex ?? /^https?:\/\/\S+$/, 'expected an http(s) URL');
      case 'bool':
      case 'boolean':
        return z.boolean();
      case 'int':
      case 'integer':
        return z.number().int();
      case 'tokens':
        return z.number().int().nonnegative();
      case 'float':
      case 'number':
        return z.number();
      case 'cost-per-million-tokens':
        return z.number().nonnegative();
      case 'any':
      case 'json':
      case 'object':
        return z.unknown();
      case 'map':
        return z.record(z.string(), t.args.length >= 2 ? arg(1) : z.unknown());
      case 'list':
      case 'set':
      case 'array':
        return z.array(t.args.length ? arg(0) : z.unknown());
      case 'ref':
        return z.string().regex(/^\S+$/, 'expected a record id');
      case 'enum': {
        const values = t.args.map((a) => a.name).filter(Boolean);
        if (values.length === 0) throw new Error('`enum` lists no values');
        if (values.length === 1 && values[0] === '...') return z.unknown();
        return z.union([z.string(), z.number(), z.boolean()]).refine((v) => values.includes(String(v)), {
          message: `expected one of ${values.join(', ')}`,
        });
      }
      case 'evidence-bound':
      case 'optional':
      case 'nullable': {
        const inner = arg(0);
        return z.union([inner, z.looseObject({ value: inner })]);
      }
      default: {
        if (regex) return z.string().regex(regex, `expected a ${t.name}`);
        if (this.schema.attributeTypes.has(t.name)) return z.unknown();
        throw new Error(`unknown type \`${t.name}\``);
      }
    }
  }
}

function safeRegex(source: string): RegExp | null {
  try {
    return new RegExp(source);
  } catch {
    return null;
  }
}
