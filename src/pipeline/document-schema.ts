/**
 * The YAML document forms of the a5c atlas format, as zod schemas.
 *
 * These schemas are the single definition of the input format: the normalizer checks each part of
 * a document against them (mapping zod's issue paths back to file:line), and `export` turns them
 * into the JSON Schema that editors use for completion.
 */
import * as z from 'zod';

/** An id as written in YAML. Numbers are accepted (and reported) because YAML reads `id: 42` as one. */
export const IdValueSchema = z.union([z.string().min(1), z.number()]).meta({
  description: 'Record id: an opaque string such as `workflow:schema-migration` or `model:claude-opus-4-7@current`.',
});

/** Free-form attribute values, keyed by attribute name. */
export const AttributesSchema = z.record(z.string(), z.unknown()).meta({
  description: 'Attribute name to value. Types come from the node kind declared in schema/node-kinds/.',
});

/** One edge written as an object: the target plus edge attributes, inline or nested. */
export const EdgeObjectSchema = z
  .looseObject({
    /** Target record id (preferred spelling). */
    target: IdValueSchema.optional(),
    /** Target record id (alternative spelling). */
    to: IdValueSchema.optional(),
    /** Target record id (alternative spelling). */
    id: IdValueSchema.optional(),
    /** Edge attributes nested under a key; merged with the inline ones. */
    attributes: AttributesSchema.optional(),
    /** Edge attributes nested under a key (short spelling). */
    attrs: AttributesSchema.optional(),
    /** How sure the author is that the edge holds. */
    confidence: z.unknown().optional(),
    /** Why the edge holds: a sentence or a source. */
    evidence: z.unknown().optional(),
    /** Relative strength of the edge. */
    weight: z.unknown().optional(),
  })
  .refine((e) => e.target !== undefined || e.to !== undefined || e.id !== undefined, {
    message: 'an edge object needs `target` (or `to` / `id`)',
  })
  .meta({ description: 'An edge with attributes: `{target: id, confidence: high, evidence: "…"}`.' });

/** The targets of one edge kind: one id, a list of ids and edge objects, or null (read as none). */
export const EdgeTargetsSchema = z
  .union([IdValueSchema, z.array(z.union([IdValueSchema, EdgeObjectSchema])), EdgeObjectSchema, z.null()])
  .meta({ description: 'One target id, a list of target ids or edge objects, or null (no edges).' });

/** Outgoing edges: edge kind to targets. */
export const EdgesSchema = z.record(z.string(), EdgeTargetsSchema).meta({
  description: 'Edge kind (declared in schema/edge-kinds.yaml) to its targets.',
});

/** Form 1: a node document defines a record. */
export const NodeDocumentSchema = z
  .object({
    /** Node kind, declared in schema/node-kinds/. */
    nodeKind: z.string().min(1),
    /** The record's id. */
    id: IdValueSchema,
    /** The record's attributes (optional; `{}` when absent). */
    attributes: AttributesSchema.nullish(),
    /** The record's outgoing edges. */
    edges: EdgesSchema.nullish(),
    /** Form 3: `true` makes this a patch that merges into a record defined elsewhere. */
    patch: z.boolean().optional(),
  })
  .meta({ title: 'Node document', description: 'Defines a record (or, with `patch: true`, patches one).' });

/** Form 2: an extension adds edges and attributes to a record defined elsewhere. */
export const ExtensionDocumentSchema = z
  .object({
    /** The record being extended. */
    extendsNode: z.object({
      /** Node kind of the extended record. */
      nodeKind: z.string().min(1),
      /** Id of the extended record. */
      id: IdValueSchema,
    }),
    /** Attributes to add (existing values are kept). */
    attributes: AttributesSchema.nullish(),
    /** Edges to add. */
    edges: EdgesSchema.nullish(),
  })
  .meta({ title: 'Extension document', description: 'Adds edges and attributes to a record defined in another document.' });

/** A node inside a bundle: the kind may be spelled `kind`, and attributes may sit beside `id`. */
const BundleNodeShape = z.looseObject({
    /** Node kind (bundle spelling). */
    kind: z.string().min(1).optional(),
    /** Node kind (document spelling). */
    nodeKind: z.string().min(1).optional(),
    /** The record's id. */
    id: IdValueSchema,
    /** Attributes; keys beside `id` that are not reserved are attributes too. */
    attributes: AttributesSchema.nullish(),
    /** Outgoing edges. */
    edges: EdgesSchema.nullish(),
    /** `true` merges into an existing record instead of defining one. */
    patch: z.boolean().optional(),
  });
export const BundleNodeSchema = BundleNodeShape.refine((n) => n.kind !== undefined || n.nodeKind !== undefined, {
  message: 'a bundle node needs `kind` or `nodeKind`',
}).meta({ title: 'Bundle node' });

/**
 * The identifying fields only, for checking every document quickly: attributes and edges are
 * checked part by part by the normalizer, which reports each bad part at its own line.
 */
export const NodeIdentitySchema = NodeDocumentSchema.pick({ nodeKind: true, id: true, patch: true });
export const BundleNodeIdentitySchema = BundleNodeShape.pick({ kind: true, nodeKind: true, id: true, patch: true }).refine(
  (n) => n.kind !== undefined || n.nodeKind !== undefined,
  { message: 'a bundle node needs `kind` or `nodeKind`' },
);

/** Form 4: a bundle holds several nodes. */
export const BundleDocumentSchema = z
  .object({
    /** Marks the document as a bundle. */
    kind: z.literal('NodeDocument'),
    /** The nodes of the bundle. */
    nodes: z.array(BundleNodeSchema),
  })
  .meta({ title: 'Bundle document', description: 'Several nodes in one document.' });

/** Any document of a record file. */
export const AtlasDocumentSchema = z
  .union([NodeDocumentSchema, ExtensionDocumentSchema, BundleDocumentSchema])
  .meta({ title: 'Atlas record document', description: 'One YAML document of an a5c atlas record file.' });

export type NodeDocument = z.infer<typeof NodeDocumentSchema>;
export type ExtensionDocument = z.infer<typeof ExtensionDocumentSchema>;
export type BundleDocument = z.infer<typeof BundleDocumentSchema>;

/** Keys of a bundle node that are not attributes. */
export const RESERVED_NODE_KEYS = new Set(['kind', 'nodeKind', 'id', 'attributes', 'edges', 'patch']);
/** Keys of an edge object that are not edge attributes. */
export const RESERVED_EDGE_KEYS = new Set(['target', 'to', 'id', 'attributes', 'attrs']);
