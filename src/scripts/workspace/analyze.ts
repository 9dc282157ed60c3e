/**
 * Checks an overlay against the published atlas with the pipeline itself (`runPipeline`): the
 * published schema YAML, one synthetic document per published record (placed at the record's real
 * file and line, so messages that cite another definition read the same), and the overlay files.
 * Only problems in overlay files are reported, exactly as `atlas check` prints them for those
 * files. The result also carries the diff against the published records.
 */
import { canonicalJson } from '../../pipeline/dedupe-edges';
import { edgeKey } from '../../pipeline/edge-key';
import { bareObject, displayName, type Atlas, type AtlasEdge, type AtlasRecord, type RecordPayload } from '../../pipeline/model';
import { cmp, compareProblems, type Problem } from '../../pipeline/problems';
import type { SourceFile } from '../../pipeline/read-files';
import { readContributions } from '../../pipeline/normalize-records';
import { parseYamlDocuments } from '../../pipeline/parse-documents';
import { runPipeline } from '../../pipeline/run-pipeline';
import type { WorkspaceBase } from '../../site/workspace-base';
import { skippedReason, toSourceFile, type OverlayFile } from './overlay-files';

/** The published atlas, as fetched. */
export interface Published {
  base: WorkspaceBase;
  /** Record payloads by id. */
  records: Map<string, RecordPayload>;
}

export interface AttributeChange {
  key: string;
  before?: unknown;
  after?: unknown;
}

export interface EdgeRef {
  from: string;
  kind: string;
  to: string;
  attributes?: Record<string, unknown>;
}

export interface RecordChange {
  id: string;
  name: string;
  kindBefore: string;
  kindAfter: string;
  attributes: AttributeChange[];
  edgesAdded: EdgeRef[];
  edgesRemoved: EdgeRef[];
  /** Same edge, other attributes. */
  edgesChanged: { before: EdgeRef; after: EdgeRef }[];
}

export interface OverlayDiff {
  added: AtlasRecord[];
  removed: RecordPayload[];
  changed: RecordChange[];
  newlyDangling: AtlasEdge[];
  newlyResolved: EdgeRef[];
}

export interface OverlayResult {
  /** Problems in overlay files, in the CLI's order. */
  problems: Problem[];
  /** Overlay files the reader would not read, with the reason. */
  skipped: { path: string; reason: string }[];
  /** The combined atlas (published + overlay). */
  atlas: Atlas;
  /** Records an overlay file defines, extends or patches. */
  drafts: AtlasRecord[];
  diff: OverlayDiff;
  /** Overlay paths that replace a published file of the same path. */
  replaces: string[];
}

export function analyzeOverlay(published: Published, overlay: readonly OverlayFile[]): OverlayResult {
  const skipped: OverlayResult['skipped'] = [];
  const overlayFiles: SourceFile[] = [];
  const seen = new Set<string>();
  for (const f of overlay) {
    const reason = skippedReason(f.path) ?? (seen.has(f.path) ? 'another overlay file has the same path' : null);
    if (reason) skipped.push({ path: f.path, reason });
    else overlayFiles.push(toSourceFile(f.path, f.text));
    seen.add(f.path);
  }
  const overlayPaths = new Set(overlayFiles.map((f) => f.path));

  // A published file with the same path as an overlay file is replaced by it, as on disk.
  const baseFiles: SourceFile[] = [];
  const replaces: string[] = [];
  for (const s of published.base.schema) {
    if (overlayPaths.has(s.path)) replaces.push(s.path);
    else baseFiles.push(toSourceFile(s.path, s.text));
  }
  for (const [path, text] of syntheticFiles(published, overlayIds(overlayFiles))) {
    if (overlayPaths.has(path)) replaces.push(path);
    // Always read as records: a published wiki page comes back as its record, not as Markdown.
    else baseFiles.push({ ...toSourceFile(path, text), role: 'records' });
  }
  const files = [...baseFiles, ...overlayFiles].sort((a, b) => cmp(a.path, b.path));
  const atlas = runPipeline('/', files, [], { strict: published.base.strict });

  const problems = atlas.problems.filter((p) => overlayPaths.has(p.file)).sort(compareProblems);
  const drafts = atlas.recordList.filter(
    (r) => r.definitions.some((d) => overlayPaths.has(d.file)) || r.contributions.some((c) => overlayPaths.has(c.file)),
  );
  // Only records the overlay can have touched need comparing; every other one is the published payload again.
  const touched = new Set(drafts.map((r) => r.id));
  for (const e of atlas.edges) {
    if (e.declarations.some((d) => overlayPaths.has(d.file))) touched.add(e.from).add(e.to);
  }
  const replaced = new Set(replaces);
  for (const p of published.records.values()) {
    if (!replaced.has(p._file)) continue;
    touched.add(p.id);
    for (const e of [...p.outgoingEdges, ...p.incomingEdges]) touched.add(e.from).add(e.to);
  }
  return { problems, skipped, atlas, drafts, diff: diffAgainst(published.records, atlas, touched), replaces };
}

/** Ids the overlay's documents define, extend or patch (read by the pipeline's own parser and reader). */
function overlayIds(files: readonly SourceFile[]): Set<string> {
  const docs = files.filter((f) => f.role === 'records').flatMap((f) => parseYamlDocuments(f.path, f.text).documents.map((doc) => ({ doc, cluster: f.cluster })));
  return new Set(readContributions(docs).contributions.map((c) => c.id));
}

/** A synthetic document: a record's definition, or an extension carrying edges declared at one place. */
interface SyntheticDoc {
  id: string;
  kind: string;
  /** True for a node document (a definition), false for an extension. */
  node: boolean;
  attributes?: Record<string, unknown>;
  edges: Record<string, unknown[]>;
}

/**
 * One YAML file per published file, rebuilt from the payloads: each definition as a node document
 * written as one-line JSON (JSON is YAML) on the line where the original stood, so positions the
 * pipeline cites come out the same. Edges of records in `exact` are also put back where each was
 * declared (as extensions), since only a record's own edges can be declared again by the overlay
 * and have their first place cited; everyone else's ride on the definition, which parses faster.
 */
export function syntheticFiles(published: Published, exact: ReadonlySet<string> = new Set()): Map<string, string> {
  const { files, definitions, edgeSites } = published.base;
  const slots = new Map<string, Map<number, SyntheticDoc[]>>();
  const docAt = (file: string, line: number, id: string, kind: string, node: boolean): SyntheticDoc => {
    let lines = slots.get(file);
    if (!lines) slots.set(file, (lines = new Map()));
    let docs = lines.get(line);
    if (!docs) lines.set(line, (docs = []));
    let doc = node ? undefined : docs.find((d) => d.id === id);
    if (!doc) docs.push((doc = { id, kind, node, edges: bareObject<unknown[]>() }));
    return doc;
  };
  const places = (flat: readonly number[] | undefined): [string, number][] => {
    const out: [string, number][] = [];
    for (let i = 0; flat && i + 1 < flat.length; i += 2) out.push([files[flat[i]!] ?? '', flat[i + 1]!]);
    return out;
  };

  for (const p of published.records.values()) {
    const defs = places(definitions[p.id]);
    if (defs.length === 0) defs.push([p._file, 1]);
    const first = defs.map(([file, line], i) => {
      const doc = docAt(file, line, p.id, p._kind, true);
      // Later definitions only ever filled attributes the payload already has: identity is enough.
      if (i === 0) doc.attributes = p.attributes;
      return doc;
    })[0]!;
    p.outgoingEdges.forEach((e, i) => {
      let at = exact.has(p.id) ? places(edgeSites[p.id]?.[i]) : [];
      if (at.length === 0) at = [defs[0]!];
      at.forEach(([file, line], j) => {
        // Every document of a wiki file becomes the page itself, so its edges stay on the page's record.
        const doc = file.startsWith('wiki/') || (file === defs[0]![0] && line === defs[0]![1]) ? first : docAt(file, line, p.id, p._kind, false);
        (doc.edges[e.kind] ??= []).push(j === 0 && e.attributes ? { target: e.to, attributes: e.attributes } : e.to);
      });
    });
  }

  const out = new Map<string, string>();
  for (const [file, lines] of slots) {
    const text: string[] = [];
    for (const line of [...lines.keys()].sort((a, b) => a - b)) {
      for (const d of lines.get(line)!) {
        // Two documents cannot share a line: a later one goes on the next free line.
        while (text.length + 1 < line) text.push('');
        const hasEdges = Object.keys(d.edges).length > 0;
        const value = d.node
          ? { nodeKind: d.kind, id: d.id, ...(d.attributes ? { attributes: d.attributes } : {}), ...(hasEdges ? { edges: d.edges } : {}) }
          : { extendsNode: { nodeKind: d.kind, id: d.id }, edges: d.edges };
        text.push(`--- ${yamlSafeJson(value)}`);
      }
    }
    out.set(file, `${text.join('\n')}\n`);
  }
  return out;
}

/** JSON with the characters a YAML stream may not hold raw (C1 controls, U+FFFE/F) escaped. */
function yamlSafeJson(v: unknown): string {
  return JSON.stringify(v).replace(/[\u007f-\u009f\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const ref = (e: EdgeRef): EdgeRef => (e.attributes ? { from: e.from, kind: e.kind, to: e.to, attributes: { ...e.attributes } } : { from: e.from, kind: e.kind, to: e.to });

function diffEdges(before: readonly EdgeRef[], after: readonly EdgeRef[], change: RecordChange): void {
  const b = new Map(before.map((e) => [edgeKey(e), e]));
  const a = new Map(after.map((e) => [edgeKey(e), e]));
  for (const [k, e] of a) {
    const old = b.get(k);
    if (!old) change.edgesAdded.push(ref(e));
    else if (canonicalJson(old.attributes ?? {}) !== canonicalJson(e.attributes ?? {})) change.edgesChanged.push({ before: ref(old), after: ref(e) });
  }
  for (const [k, e] of b) if (!a.has(k)) change.edgesRemoved.push(ref(e));
}

/** Compares the combined atlas with the published records (only ids in `only`, when given). */
export function diffAgainst(before: ReadonlyMap<string, RecordPayload>, atlas: Atlas, only?: ReadonlySet<string>): OverlayDiff {
  const added: AtlasRecord[] = [];
  const changed: RecordChange[] = [];
  for (const r of atlas.recordList) {
    if (only && !only.has(r.id)) continue;
    const old = before.get(r.id);
    if (!old) {
      added.push(r);
      continue;
    }
    const change: RecordChange = {
      id: r.id,
      name: displayName(r),
      kindBefore: old._kind,
      kindAfter: r.kind,
      attributes: [],
      edgesAdded: [],
      edgesRemoved: [],
      edgesChanged: [],
    };
    const keys = new Set([...Object.keys(old.attributes), ...Object.keys(r.attributes)]);
    for (const key of keys) {
      const had = Object.hasOwn(old.attributes, key);
      const has = Object.hasOwn(r.attributes, key);
      if (had && has && canonicalJson(old.attributes[key]) === canonicalJson(r.attributes[key])) continue;
      const c: AttributeChange = { key };
      if (had) c.before = old.attributes[key];
      if (has) c.after = r.attributes[key];
      change.attributes.push(c);
    }
    diffEdges(old.outgoingEdges, r.outgoing, change);
    diffEdges(old.incomingEdges, r.incoming, change);
    const any = change.kindBefore !== change.kindAfter || change.attributes.length || change.edgesAdded.length || change.edgesRemoved.length || change.edgesChanged.length;
    if (any) changed.push(change);
  }
  const removed = [...before.values()].filter((p) => !atlas.records.has(p.id)).sort((x, y) => cmp(x.id, y.id));

  const danglingBefore = new Map<string, EdgeRef>();
  for (const p of before.values()) {
    for (const e of p.outgoingEdges) if (!before.has(e.to)) danglingBefore.set(edgeKey(e), e);
  }
  const after = new Map(atlas.edges.map((e) => [edgeKey(e), e]));
  const newlyDangling = atlas.edges.filter((e) => e.dangling && !danglingBefore.has(edgeKey(e)));
  const newlyResolved = [...danglingBefore.entries()].filter(([k]) => after.get(k)?.dangling === false).map(([, e]) => ref(e));
  return { added, removed, changed, newlyDangling, newlyResolved };
}
