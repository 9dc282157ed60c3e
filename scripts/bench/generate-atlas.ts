/**
 * The synthetic atlas: a deterministic (seeded) atlas of any size with the shape of the real a5c
 * atlas, for the scale benchmark.
 *
 * Shape, and where each number comes from:
 * - node kinds in six clusters, declared in a generated `schema/`; multi-document record files of
 *   5–20 documents, a few `kind: NodeDocument` bundles, extension and patch documents;
 * - about 2 outgoing edges per record, targets drawn Zipf-like so a few records become hubs with
 *   thousands of incoming edges at 50k (the real atlas has the same long tail);
 * - duplicate definitions for 4.9 % of ids (270 of 5,499 ids in the real atlas), duplicate edge
 *   declarations for about 2 % of declarations (561 of 29,917), a few dangling targets;
 * - some edges written as objects with confidence/evidence; descriptions whose lengths follow the
 *   real atlas (median 211 characters, 90th percentile 649, a tail past 1,500), Markdown in 20 %
 *   of the long ones and 1.5 % of the rest (122 of 611 and 64 of 4,307 in the sample); wiki pages
 *   for about 1 % of records (links, tables, sometimes mermaid).
 *
 * Version 1 gave every record a 200–1,500 character Markdown description: 26× the real atlas's
 * Markdown, which made the benchmark measure the Markdown renderer more than anything else.
 *
 * `generateAtlas` is pure (files as strings); `ensureAtlas` writes them to disk once per
 * generator version, seed and size, and reuses the folder after that.
 */
import fs from 'node:fs';
import path from 'node:path';
import { groupBy } from '../../src/pipeline/group-by';
import { substream, type Random } from './prng';
import { markdownDescription, paragraph, plainDescription, sentence, slugWords, titleCase, words } from './text';

/** Bump whenever the output for a given seed changes, so cached atlases are regenerated. */
export const GENERATOR_VERSION = 2;
export const DEFAULT_SEED = 20240611;

/** Rates taken from the real atlas (see the module comment). */
export const RATES = {
  /** Share of ids with more than one defining document. */
  duplicateIds: 0.049,
  /** Of those, share defined three times. */
  tripleIds: 0.05,
  /** Chance that a declaration is repeated in the same record (extensions and overlays add more). */
  repeatDeclaration: 0.0115,
  /** Chance that a declaration points at an id nobody defines. */
  dangling: 0.004,
  /** Chance that an edge is written as an object with confidence and evidence. */
  edgeObject: 0.15,
  /** Share of records written inside bundles. */
  bundled: 0.03,
  /** Share of records that an extension document adds to. */
  extended: 0.02,
  /** Share of records that a patch document overwrites attributes of. */
  patched: 0.005,
  /** Wiki pages per record. */
  pages: 0.01,
  /** Median description length in characters, and the log-normal spread that puts the 90th percentile at 649. */
  descriptionMedian: 211,
  descriptionSpread: 0.877,
  /** Chance that a description is written in Markdown: long ones (over 600 characters), and the rest. */
  markdownLong: 0.2,
  markdownShort: 0.015,
} as const;

interface AttrSpec {
  name: string;
  type: string;
  values?: readonly string[];
}
interface KindSpec {
  name: string;
  prefix: string;
  cluster: string;
  /** Share of records of this kind (relative). */
  weight: number;
  extra: AttrSpec[];
}
interface EdgeKindSpec {
  name: string;
  description: string;
  /** Source and target node kinds; null means any kind. */
  source: string[] | null;
  target: string[] | null;
  /** Relative frequency among the edge kinds a record may use. */
  weight: number;
}

const enumOf = (name: string, values: string[]): AttrSpec => ({ name, type: `enum<${values.join(',')}>`, values });

const KINDS: KindSpec[] = [
  { name: 'Workflow', prefix: 'workflow', cluster: 'work', weight: 14, extra: [enumOf('cadence', ['daily', 'weekly', 'per-release', 'on-demand'])] },
  { name: 'Process', prefix: 'process', cluster: 'work', weight: 10, extra: [{ name: 'stepCount', type: 'int' }] },
  { name: 'Responsibility', prefix: 'responsibility', cluster: 'work', weight: 8, extra: [enumOf('scope', ['team', 'org', 'company'])] },
  { name: 'Role', prefix: 'role', cluster: 'people', weight: 5, extra: [enumOf('seniority', ['junior', 'mid', 'senior', 'staff'])] },
  { name: 'OrgUnit', prefix: 'org-unit', cluster: 'people', weight: 2, extra: [{ name: 'headcount', type: 'int' }] },
  { name: 'SkillArea', prefix: 'skill-area', cluster: 'people', weight: 6, extra: [] },
  { name: 'Tool', prefix: 'tool', cluster: 'tooling', weight: 14, extra: [enumOf('license', ['mit', 'apache-2.0', 'gpl-3.0', 'proprietary']), { name: 'homepage', type: 'url' }] },
  { name: 'ToolServer', prefix: 'tool-server', cluster: 'tooling', weight: 4, extra: [enumOf('transport', ['stdio', 'http'])] },
  { name: 'Platform', prefix: 'platform', cluster: 'tooling', weight: 3, extra: [{ name: 'homepage', type: 'url' }] },
  { name: 'Framework', prefix: 'framework', cluster: 'stacks', weight: 7, extra: [{ name: 'latestVersion', type: 'semver' }] },
  { name: 'Language', prefix: 'language', cluster: 'stacks', weight: 2, extra: [enumOf('typing', ['static', 'dynamic', 'gradual'])] },
  { name: 'StackProfile', prefix: 'stack-profile', cluster: 'stacks', weight: 4, extra: [] },
  { name: 'Domain', prefix: 'domain', cluster: 'knowledge', weight: 2, extra: [] },
  { name: 'Topic', prefix: 'topic', cluster: 'knowledge', weight: 9, extra: [] },
  { name: 'Claim', prefix: 'claim', cluster: 'knowledge', weight: 10, extra: [enumOf('verdict', ['supported', 'disputed', 'open'])] },
];
const PAGE_KIND: KindSpec = { name: 'Page', prefix: 'page', cluster: 'wiki', weight: 0, extra: [] };

const EDGE_KINDS: EdgeKindSpec[] = [
  { name: 'involves_role', description: 'The role takes part in the work.', source: ['Workflow', 'Process', 'Responsibility'], target: ['Role'], weight: 4 },
  { name: 'requires_skill', description: 'Doing this needs the skill.', source: ['Workflow', 'Role', 'Process'], target: ['SkillArea'], weight: 3 },
  { name: 'applies_to_domain', description: 'The record is relevant within the domain.', source: ['Workflow', 'Tool', 'Framework', 'Language', 'Topic', 'SkillArea', 'StackProfile', 'Claim', 'Process'], target: ['Domain'], weight: 3 },
  { name: 'uses_tool', description: 'The work or profile relies on the tool.', source: ['Workflow', 'Process', 'StackProfile', 'Role'], target: ['Tool', 'ToolServer', 'Platform'], weight: 4 },
  { name: 'part_of', description: 'The record belongs to the unit.', source: ['Role', 'Responsibility'], target: ['OrgUnit'], weight: 2 },
  { name: 'built_with', description: 'The software is written with the language or framework.', source: ['Tool', 'Framework', 'ToolServer', 'Platform'], target: ['Language', 'Framework'], weight: 3 },
  { name: 'includes', description: 'The stack profile includes the part.', source: ['StackProfile'], target: ['Framework', 'Language', 'Tool', 'Platform'], weight: 5 },
  { name: 'about', description: 'The claim or topic is about the record.', source: ['Claim', 'Topic'], target: ['Topic', 'Tool', 'Framework', 'Workflow'], weight: 4 },
  { name: 'wraps', description: 'The server exposes the tool or platform.', source: ['ToolServer'], target: ['Tool', 'Platform'], weight: 4 },
  { name: 'implements', description: 'The process automates the workflow.', source: ['Process'], target: ['Workflow'], weight: 3 },
  { name: 'owns', description: 'The unit is accountable for the responsibility.', source: ['OrgUnit'], target: ['Responsibility'], weight: 4 },
  { name: 'related_to', description: 'A loose association, for anything else.', source: null, target: null, weight: 1 },
];

/** Outgoing edge count per record: mean about 2.05 with a tail to 12. */
const EDGE_COUNTS = [0, 1, 2, 3, 4, 5, 6, 8, 12];
const EDGE_COUNT_WEIGHTS = [20, 27, 22, 13, 8, 5, 3, 1, 1];

const WIKI_SECTIONS = ['guides', 'concepts', 'reference', 'notes'];

export interface GenerateOptions {
  /** Number of distinct records (wiki pages included). */
  records: number;
  seed?: number;
}

/** What the generator put in, to compare with what the pipeline reads out. */
export interface GeneratedStats {
  records: number;
  pages: number;
  files: number;
  documents: number;
  bytes: number;
  /** Edge declarations, repeats included. */
  declarations: number;
  /** Distinct (from, kind, to) edges. */
  edges: number;
  /** Ids with more than one defining document (each is one `duplicate-id` problem). */
  duplicateIds: number;
  /** Distinct edges declared more than once (each is one `duplicate-edge` problem). */
  duplicatedEdges: number;
  /** Declarations beyond the first of each edge. */
  repeatedDeclarations: number;
  /** Distinct edges whose target no record defines (each is one `dangling-edge` problem). */
  danglingEdges: number;
  bundles: number;
  extensions: number;
  patches: number;
  /** Largest incoming-edge count of any record. */
  maxIncoming: number;
}

export interface GeneratedAtlas {
  /** Path relative to the atlas root -> file text, in path order. */
  files: Map<string, string>;
  stats: GeneratedStats;
}

interface EdgeOut {
  kind: string;
  to: string;
  /** Written as an object with these edge attributes. */
  object?: Record<string, unknown>;
}

interface Rec {
  id: string;
  kind: KindSpec;
  attributes: Record<string, unknown>;
  edges: EdgeOut[];
}

/** Builds the atlas in memory. Same options, same files, byte for byte. */
export function generateAtlas(options: GenerateOptions): GeneratedAtlas {
  const total = Math.max(options.records, KINDS.length + 1);
  const seed = options.seed ?? DEFAULT_SEED;
  const rnd = (label: string): Random => substream(seed, `${label}:${total}`);

  // 1. How many records of each kind, then their ids.
  const pageCount = Math.max(1, Math.round(total * RATES.pages));
  const counts = allocate(total - pageCount, KINDS.map((k) => k.weight));
  const idRandom = rnd('ids');
  const byKind = new Map<string, Rec[]>();
  const records: Rec[] = [];
  const ids = new Set<string>();
  KINDS.forEach((kind, k) => {
    const list: Rec[] = [];
    for (let i = 0; i < counts[k]!; i++) {
      const id = `${kind.prefix}:${slugWords(idRandom)}-${i + 1}`;
      const rec: Rec = { id, kind, attributes: {}, edges: [] };
      list.push(rec);
      records.push(rec);
      ids.add(id);
    }
    byKind.set(kind.name, list);
  });
  // Popularity order per kind: Zipf rank 0 of a kind is its biggest hub.
  const popularity = new Map<string, Rec[]>();
  const popRandom = rnd('popularity');
  for (const [name, list] of byKind) popularity.set(name, popRandom.shuffle([...list]));
  const everyone = popRandom.shuffle([...records]);

  // 2. Attributes.
  const attrRandom = rnd('attributes');
  for (const rec of records) rec.attributes = attributesFor(attrRandom, rec);

  // 3. Edges, plus the ledger that predicts the pipeline's counts.
  const ledger = new Map<string, number>();
  const declare = (from: string, e: EdgeOut) => {
    const key = `${from}\u0000${e.kind}\u0000${e.to}`;
    ledger.set(key, (ledger.get(key) ?? 0) + 1);
  };
  const edgeRandom = rnd('edges');
  const kindsFrom = new Map<string, EdgeKindSpec[]>();
  for (const kind of KINDS) kindsFrom.set(kind.name, EDGE_KINDS.filter((e) => e.source === null || e.source.includes(kind.name)));
  let danglingSerial = 0;
  const drawEdge = (rec: Rec): EdgeOut | null => {
    const options = kindsFrom.get(rec.kind.name)!;
    const edgeKind = options[edgeRandom.weighted(options.map((o) => o.weight))]!;
    let to: string;
    if (edgeRandom.chance(RATES.dangling)) {
      to = `${edgeRandom.pick(KINDS).prefix}:retired-${slugWords(edgeRandom)}-${++danglingSerial}`;
    } else {
      const pool = edgeKind.target === null ? everyone : popularity.get(edgeRandom.pick(edgeKind.target))!;
      to = pool[edgeRandom.zipf(pool.length)]!.id;
    }
    if (to === rec.id) return null;
    const edge: EdgeOut = { kind: edgeKind.name, to };
    if (edgeRandom.chance(RATES.edgeObject)) edge.object = edgeAttributes(edgeRandom);
    return edge;
  };
  for (const rec of records) {
    const n = EDGE_COUNTS[edgeRandom.weighted(EDGE_COUNT_WEIGHTS)]!;
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) {
      const edge = drawEdge(rec);
      if (!edge || seen.has(`${edge.kind} ${edge.to}`)) continue;
      seen.add(`${edge.kind} ${edge.to}`);
      rec.edges.push(edge);
      declare(rec.id, edge);
      if (edgeRandom.chance(RATES.repeatDeclaration)) {
        const again = repeatOf(edgeRandom, edge);
        rec.edges.push(again);
        declare(rec.id, again);
      }
    }
  }

  // 4. Duplicate definitions, extensions, patches (each placed in its own kind of file).
  const layoutRandom = rnd('layout');
  const shuffled = layoutRandom.shuffle([...records]);
  const dupCount = Math.round(records.length * RATES.duplicateIds);
  const duplicated = shuffled.slice(0, dupCount);
  const extended = shuffled.slice(dupCount, dupCount + Math.round(records.length * RATES.extended));
  const patched = layoutRandom.shuffle([...records]).slice(0, Math.max(1, Math.round(records.length * RATES.patched)));
  const bundledIds = new Set(
    layoutRandom
      .shuffle([...records])
      .slice(0, Math.round(records.length * RATES.bundled))
      .map((r) => r.id),
  );

  /** An overlay: a second node document for an existing id, with some attributes of its own. */
  const overlays: { cluster: string; text: string }[] = [];
  for (const rec of duplicated) {
    const copies = layoutRandom.chance(RATES.tripleIds) ? 2 : 1;
    for (let c = 0; c < copies; c++) {
      const attributes: Record<string, unknown> = { tags: [...words(layoutRandom, 2)], notes: sentence(layoutRandom) };
      if (layoutRandom.chance(0.5)) attributes.displayName = rec.attributes.displayName;
      const edges: EdgeOut[] = [];
      if (layoutRandom.chance(0.3)) {
        const edge = rec.edges.length && layoutRandom.chance(0.5) ? repeatOf(layoutRandom, layoutRandom.pick(rec.edges)) : drawEdge(rec);
        if (edge) {
          edges.push(edge);
          declare(rec.id, edge);
        }
      }
      overlays.push({ cluster: rec.kind.cluster, text: nodeDocument(rec.kind.name, rec.id, attributes, edges) });
    }
  }
  const extensionDocs: { cluster: string; text: string }[] = [];
  for (const rec of extended) {
    const edges: EdgeOut[] = [];
    for (let i = layoutRandom.int(1, 3); i > 0; i--) {
      const edge = rec.edges.length && layoutRandom.chance(0.5) ? repeatOf(layoutRandom, layoutRandom.pick(rec.edges)) : drawEdge(rec);
      if (!edge || edges.some((e) => e.kind === edge.kind && e.to === edge.to)) continue;
      edges.push(edge);
      declare(rec.id, edge);
    }
    extensionDocs.push({ cluster: rec.kind.cluster, text: extensionDocument(rec, { reviewedBy: `role:${slugWords(layoutRandom)}`, notes: sentence(layoutRandom) }, edges) });
  }
  for (const rec of patched) {
    extensionDocs.push({ cluster: rec.kind.cluster, text: nodeDocument(rec.kind.name, rec.id, { status: 'retired', notes: sentence(layoutRandom) }, [], true) });
  }

  // 5. Wiki pages.
  const wikiRandom = rnd('wiki');
  const pages: { rel: string; id: string; slug: string }[] = [];
  for (let i = 0; i < pageCount; i++) {
    const section = WIKI_SECTIONS[i % WIKI_SECTIONS.length]!;
    const name = `${slugWords(wikiRandom)}-${i + 1}`;
    pages.push({ rel: `wiki/${section}/${name}.md`, id: `page:${section}-${name}`, slug: `${section}/${name}` });
    ids.add(`page:${section}-${name}`);
  }

  // 6. Files.
  const files = new Map<string, string>();
  let documents = 0;
  for (const [rel, text] of schemaFiles()) files.set(rel, text);
  for (const kind of KINDS) {
    const list = byKind.get(kind.name)!.filter((r) => !bundledIds.has(r.id));
    let fileNo = 0;
    for (let i = 0; i < list.length; ) {
      const n = layoutRandom.int(5, 20);
      const chunk = list.slice(i, i + n);
      i += n;
      const rel = `${kind.cluster}/${kind.prefix}/g${String(Math.floor(fileNo / 100)).padStart(2, '0')}/${kind.prefix}-${String(fileNo).padStart(4, '0')}.yaml`;
      fileNo++;
      files.set(rel, multiDocument(chunk.map((r) => nodeDocument(r.kind.name, r.id, r.attributes, r.edges))));
      documents += chunk.length;
    }
  }
  let bundles = 0;
  const bundledByCluster = groupBy(records.filter((r) => bundledIds.has(r.id)), (r) => r.kind.cluster);
  for (const [cluster, list] of bundledByCluster) {
    for (let i = 0; i < list.length; ) {
      const n = layoutRandom.int(10, 30);
      const chunk = list.slice(i, i + n);
      i += n;
      files.set(`${cluster}/bundles/bundle-${String(bundles).padStart(3, '0')}.yaml`, `# A bundle of ${chunk.length} nodes.\n${bundleDocument(layoutRandom, chunk)}`);
      bundles++;
      documents++;
    }
  }
  for (const [label, docs] of [
    ['overlays', overlays],
    ['extensions', extensionDocs],
  ] as const) {
    for (const [cluster, list] of groupBy(docs, (d) => d.cluster)) {
      let fileNo = 0;
      for (let i = 0; i < list.length; ) {
        const n = layoutRandom.int(5, 20);
        files.set(`${cluster}/${label}/${label}-${String(fileNo++).padStart(3, '0')}.yaml`, multiDocument(list.slice(i, i + n).map((d) => d.text)));
        documents += Math.min(n, list.length - i);
        i += n;
      }
    }
  }
  pages.forEach((page, i) => {
    files.set(page.rel, wikiPage(wikiRandom, page, pages, everyone, i));
    documents++;
  });

  // 7. Predicted counts.
  let repeatedDeclarations = 0;
  let duplicatedEdges = 0;
  let danglingEdges = 0;
  let declarations = 0;
  const incoming = new Map<string, number>();
  for (const [key, n] of ledger) {
    declarations += n;
    if (n > 1) {
      duplicatedEdges++;
      repeatedDeclarations += n - 1;
    }
    const to = key.slice(key.lastIndexOf('\u0000') + 1);
    if (!ids.has(to)) danglingEdges++;
    else incoming.set(to, (incoming.get(to) ?? 0) + 1);
  }
  const sorted = new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  let bytes = 0;
  for (const text of sorted.values()) bytes += Buffer.byteLength(text);
  return {
    files: sorted,
    stats: {
      records: ids.size,
      pages: pages.length,
      files: sorted.size,
      documents,
      bytes,
      declarations,
      edges: ledger.size,
      duplicateIds: duplicated.length,
      duplicatedEdges,
      repeatedDeclarations,
      danglingEdges,
      bundles,
      extensions: extended.length,
      patches: patched.length,
      maxIncoming: Math.max(0, ...incoming.values()),
    },
  };
}

/** Splits `n` into integer parts proportional to `weights`, each at least 1. */
function allocate(n: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.max(1, Math.floor((n * w) / sum)));
  let rest = n - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest !== 0; i = (i + 1) % parts.length) {
    if (rest > 0) {
      parts[i]!++;
      rest--;
    } else if (parts[i]! > 1) {
      parts[i]!--;
      rest++;
    }
  }
  return parts;
}

/** A standard normal draw (Box–Muller). */
function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}

function attributesFor(random: Random, rec: Rec): Record<string, unknown> {
  const name = rec.id.slice(rec.id.indexOf(':') + 1);
  const attrs: Record<string, unknown> = { displayName: titleCase(name) };
  // About 0.3 % miss the required description and 0.5 % carry an out-of-enum status, as real data does.
  if (!random.chance(0.003)) {
    const target = Math.min(2400, Math.max(40, Math.round(RATES.descriptionMedian * Math.exp(RATES.descriptionSpread * gaussian(random)))));
    const markdown = random.chance(target > 600 ? RATES.markdownLong : RATES.markdownShort);
    attrs.description = markdown ? markdownDescription(random, target) : plainDescription(random, target);
  }
  attrs.status = random.chance(0.005) ? 'unknown' : random.pick(['draft', 'active', 'active', 'active', 'retired']);
  attrs.tags = words(random, random.int(1, 4));
  if (random.chance(0.6)) attrs.maturity = random.int(1, 5);
  if (random.chance(0.5)) attrs.since = `20${random.int(18, 25)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
  for (const extra of rec.kind.extra) {
    if (random.chance(0.2)) continue;
    if (extra.values) attrs[extra.name] = random.pick(extra.values);
    else if (extra.type === 'int') attrs[extra.name] = random.int(1, 40);
    else if (extra.type === 'url') attrs[extra.name] = `https://www.example.com/${name}`;
    else if (extra.type === 'semver') attrs[extra.name] = `${random.int(0, 9)}.${random.int(0, 30)}.${random.int(0, 12)}`;
  }
  return attrs;
}

function edgeAttributes(random: Random): Record<string, unknown> {
  const attrs: Record<string, unknown> = {
    confidence: random.pick(['high', 'medium', 'low']),
    evidence: sentence(random),
  };
  if (random.chance(0.2)) attrs.weight = Math.round(random.next() * 100) / 100;
  return attrs;
}

/** A second declaration of `edge`; when written as an object, one in ten disagrees on confidence. */
function repeatOf(random: Random, edge: EdgeOut): EdgeOut {
  if (!edge.object || random.chance(0.5)) return { kind: edge.kind, to: edge.to };
  const object = { ...edge.object };
  if (random.chance(0.1)) object.confidence = object.confidence === 'high' ? 'low' : 'high';
  return { kind: edge.kind, to: edge.to, object };
}

// ---- YAML writing (by hand: fast, and shaped like files people write) ----

const PLAIN = /^[a-z][a-z0-9_-]*(?::[a-z0-9][a-z0-9._@-]*)?$/;
const RESERVED = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n']);

function scalar(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = String(v);
  return PLAIN.test(s) && !RESERVED.has(s) ? s : JSON.stringify(s);
}

/** Appends `key: value` at `indent`, recursing into lists and mappings. */
function emit(out: string[], key: string, value: unknown, indent: number): void {
  const pad = ' '.repeat(indent);
  if (typeof value === 'string' && value.includes('\n')) {
    out.push(`${pad}${key}: |`);
    for (const line of value.split('\n')) out.push(line ? `${pad}  ${line}` : '');
    return;
  }
  if (Array.isArray(value)) {
    out.push(`${pad}${key}:`);
    for (const item of value) emitItem(out, item, indent + 2);
    return;
  }
  if (value !== null && typeof value === 'object') {
    out.push(`${pad}${key}:`);
    for (const [k, v] of Object.entries(value)) emit(out, k, v, indent + 2);
    return;
  }
  out.push(`${pad}${key}: ${scalar(value)}`);
}

function emitItem(out: string[], item: unknown, indent: number): void {
  const pad = ' '.repeat(indent);
  if (item === null || typeof item !== 'object') {
    out.push(`${pad}- ${scalar(item)}`);
    return;
  }
  const inner: string[] = [];
  for (const [k, v] of Object.entries(item)) emit(inner, k, v, indent + 2);
  inner[0] = `${pad}- ${inner[0]!.slice(indent + 2)}`;
  out.push(...inner);
}

/** Edges grouped by kind, in first-declaration order; a lone plain target is sometimes written inline. */
function edgesValue(edges: readonly EdgeOut[]): Record<string, unknown> | null {
  if (!edges.length) return null;
  const out: Record<string, unknown> = {};
  for (const [kind, group] of groupBy(edges, (e) => e.kind)) {
    const list = group.map((e) => (e.object ? { target: e.to, ...e.object } : e.to));
    out[kind] = list.length === 1 && typeof list[0] === 'string' && kind.length % 3 === 0 ? list[0] : list;
  }
  return out;
}

function nodeDocument(kind: string, id: string, attributes: Record<string, unknown>, edges: readonly EdgeOut[], patch = false): string {
  const out = [`nodeKind: ${kind}`, `id: ${scalar(id)}`];
  if (patch) out.push('patch: true');
  emit(out, 'attributes', attributes, 0);
  const e = edgesValue(edges);
  if (e) emit(out, 'edges', e, 0);
  return out.join('\n');
}

function extensionDocument(rec: Rec, attributes: Record<string, unknown>, edges: readonly EdgeOut[]): string {
  const out: string[] = [];
  emit(out, 'extendsNode', { nodeKind: rec.kind.name, id: rec.id }, 0);
  emit(out, 'attributes', attributes, 0);
  const e = edgesValue(edges);
  if (e) emit(out, 'edges', e, 0);
  return out.join('\n');
}

/** One `kind: NodeDocument` bundle; half its nodes put attributes beside `id`, as the real atlas does. */
function bundleDocument(random: Random, recs: readonly Rec[]): string {
  const nodes = recs.map((r) => {
    const node: Record<string, unknown> = { id: r.id, kind: r.kind.name };
    if (random.chance(0.5)) Object.assign(node, r.attributes);
    else node.attributes = r.attributes;
    const e = edgesValue(r.edges);
    if (e) node.edges = e;
    return node;
  });
  const out = ['kind: NodeDocument'];
  emit(out, 'nodes', nodes, 0);
  return out.join('\n');
}

function multiDocument(docs: readonly string[]): string {
  return docs.map((d) => `---\n${d}\n`).join('');
}

function schemaFiles(): [string, string][] {
  const base = [
    { name: 'displayName', type: 'string', required: true },
    { name: 'description', type: 'markdown', required: true },
    { name: 'status', type: 'enum<draft,active,retired>' },
    { name: 'tags', type: 'list<string>' },
    { name: 'maturity', type: 'int' },
    { name: 'since', type: 'iso-date' },
    { name: 'notes', type: 'string' },
    { name: 'reviewedBy', type: 'id' },
  ];
  const files: [string, string][] = [];
  const clusters = [...new Set(KINDS.map((k) => k.cluster))];
  for (const cluster of clusters) {
    const kinds = KINDS.filter((k) => k.cluster === cluster).map((k) => ({
      name: k.name,
      prefix: k.prefix,
      cluster: k.cluster,
      purpose: `Synthetic ${k.name} records for the benchmark.`,
      attributes: [...base, ...k.extra.map(({ name, type }) => ({ name, type }))],
    }));
    const out = [`# Node kinds of the ${cluster} cluster (generated by scripts/bench).`];
    emit(out, 'nodeKinds', kinds, 0);
    files.push([`schema/node-kinds/${cluster}.yaml`, `${out.join('\n')}\n`]);
  }
  const pageOut = ['# Wiki pages (generated by scripts/bench).'];
  emit(
    pageOut,
    'nodeKinds',
    [
      {
        name: PAGE_KIND.name,
        prefix: PAGE_KIND.prefix,
        cluster: PAGE_KIND.cluster,
        purpose: 'A wiki article.',
        attributes: [
          { name: 'title', type: 'string', required: true },
          { name: 'slug', type: 'string' },
          { name: 'articlePath', type: 'string' },
          { name: 'documents', type: 'list<id>' },
        ],
      },
    ],
    0,
  );
  files.push(['schema/node-kinds/wiki.yaml', `${pageOut.join('\n')}\n`]);
  const edgeAttrs = [
    { name: 'confidence', type: 'enum<high,medium,low>' },
    { name: 'evidence', type: 'string' },
    { name: 'weight', type: 'float' },
  ];
  const edgeOut = ['# Edge kinds (generated by scripts/bench).'];
  emit(
    edgeOut,
    'edgeKinds',
    EDGE_KINDS.map((e) => ({ name: e.name, description: e.description, source: e.source ?? '*', target: e.target ?? '*', cardinality: 'N:M', attributes: edgeAttrs })),
    0,
  );
  files.push(['schema/edge-kinds.yaml', `${edgeOut.join('\n')}\n`]);
  const typeOut = ['# Attribute types (generated by scripts/bench).'];
  emit(
    typeOut,
    'primitiveTypes',
    [
      { name: 'string', description: 'Any text.' },
      { name: 'markdown', description: 'Markdown text.' },
      { name: 'id', description: 'A record id.', validator: '^\\S+$' },
      { name: 'iso-date', description: 'YYYY-MM-DD.', validator: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
      { name: 'url', description: 'An absolute web address.', validator: '^https?://\\S+$' },
      { name: 'semver', description: 'A semantic version.', validator: '^[0-9]+\\.[0-9]+\\.[0-9]+' },
      { name: 'int', description: 'A whole number.' },
      { name: 'float', description: 'A number.' },
    ],
    0,
  );
  files.push(['schema/attribute-types.yaml', `${typeOut.join('\n')}\n`]);
  return files;
}

/** A wiki page: frontmatter, headings, prose with record and page links, a list, sometimes a table and a mermaid diagram. */
function wikiPage(random: Random, page: { rel: string; id: string; slug: string }, pages: readonly { rel: string; slug: string }[], pool: readonly Rec[], index: number): string {
  const title = titleCase(page.slug.split('/').pop()!);
  const documented = new Set<string>();
  for (let i = random.int(2, 8); i > 0; i--) documented.add(pool[random.zipf(pool.length)]!.id);
  const front: string[] = [];
  emit(front, 'id', page.id, 0);
  emit(front, 'nodeKind', 'Page', 0);
  emit(front, 'title', title, 0);
  emit(front, 'documents', [...documented], 0);
  const recordLink = () => {
    const rec = pool[random.zipf(pool.length)]!;
    return random.chance(0.3) ? `[[${rec.id}|${rec.attributes.displayName as string}]]` : `[[${rec.id}]]`;
  };
  const pageLink = () => {
    const other = pages[random.int(0, pages.length - 1)]!;
    const from = page.slug.split('/')[0];
    const [section, name] = other.slug.split('/');
    return `[${titleCase(name!)}](${section === from ? '' : `../${section}/`}${name}.md)`;
  };
  const body: string[] = [`# ${title}`, '', paragraph(random, random.int(2, 4)) + ` It documents ${recordLink()}.`];
  for (let s = random.int(2, 4); s > 0; s--) {
    body.push('', `## ${titleCase(slugWords(random))}`, '', `${paragraph(random, random.int(2, 5))} See also ${pageLink()}.`, '');
    for (let i = random.int(3, 6); i > 0; i--) body.push(`- ${recordLink()}: ${sentence(random)}`);
  }
  if (random.chance(0.3)) {
    body.push('', '| Record | Role | Note |', '|---|---|---|');
    for (let i = random.int(3, 6); i > 0; i--) body.push(`| ${recordLink()} | ${random.pick(['owner', 'input', 'output'])} | ${words(random, 3).join(' ')} |`);
  }
  if (index % 5 === 0) {
    body.push('', '```mermaid', 'graph LR');
    const nodes = words(random, 4);
    for (let i = 1; i < nodes.length; i++) body.push(`  ${nodes[i - 1]}${i - 1} --> ${nodes[i]}${i}`);
    body.push('```');
  }
  body.push('', paragraph(random, random.int(1, 3)), '');
  return `---\n${front.join('\n')}\n---\n${body.join('\n')}`;
}

// ---- On disk ----

const MANIFEST = '.bench-manifest.json';

export interface AtlasOnDisk {
  dir: string;
  stats: GeneratedStats;
  /** True when an existing folder with the same version, seed and size was reused. */
  reused: boolean;
}

/**
 * Makes sure `<parent>/<records>/` holds the atlas for this seed and size. The manifest is
 * written last, so an interrupted run leaves a folder that is regenerated next time.
 */
export function ensureAtlas(parent: string, records: number, seed = DEFAULT_SEED): AtlasOnDisk {
  const dir = path.join(parent, String(records));
  const manifestPath = path.join(dir, MANIFEST);
  try {
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { version: number; seed: number; records: number; stats: GeneratedStats };
    if (manifest.version === GENERATOR_VERSION && manifest.seed === seed && manifest.records === records) return { dir, stats: manifest.stats, reused: true };
  } catch {
    // No manifest, or an unreadable one: generate.
  }
  const atlas = generateAtlas({ records, seed });
  writeAtlas(dir, atlas);
  fs.writeFileSync(manifestPath, JSON.stringify({ version: GENERATOR_VERSION, seed, records, stats: atlas.stats }, null, 2));
  return { dir, stats: atlas.stats, reused: false };
}

/** Writes the files under `dir`, replacing whatever was there. */
export function writeAtlas(dir: string, atlas: GeneratedAtlas): void {
  fs.rmSync(dir, { recursive: true, force: true });
  const made = new Set<string>();
  for (const [rel, text] of atlas.files) {
    const file = path.join(dir, rel);
    const parent = path.dirname(file);
    if (!made.has(parent)) {
      fs.mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    fs.writeFileSync(file, text);
  }
}
