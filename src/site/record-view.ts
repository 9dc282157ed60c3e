/**
 * What a record page shows, computed from the atlas in one place so the page and its components
 * stay declarative: edge groups with counts and schema descriptions, the JSON text and its size,
 * the wiki pages that document the record.
 */
import type { Atlas, AtlasEdge, AtlasRecord } from '../pipeline/model';
import { groupBy } from '../pipeline/group-by';
import { displayName, recordJson } from '../pipeline/model';
import type { Problem } from '../pipeline/problems';
import { LONG_TEXT } from './attribute-view';
import { wikiIndex } from './wiki';

/** Edges shown before "show all". */
export const EDGE_GROUP_PREVIEW = 25;

export interface EdgeView {
  /** The record at the other end. */
  otherId: string;
  otherName: string;
  otherKind?: string;
  dangling: boolean;
  confidence?: string;
  evidence?: string;
  /** Edge attributes other than confidence and evidence. */
  extra: [string, unknown][];
  /** Declarations as `file:line`, in order. */
  declaredAt: string[];
}

export interface EdgeGroup {
  kind: string;
  direction: 'out' | 'in';
  description?: string;
  /** True when schema/ declares edge kinds but not this one. */
  undeclared: boolean;
  edges: EdgeView[];
}

export interface RecordView {
  record: AtlasRecord;
  name: string;
  json: string;
  jsonLines: number;
  jsonBytes: number;
  outgoing: EdgeGroup[];
  incoming: EdgeGroup[];
  /** Markdown shown on the article tab: a wiki page's body or a long description. */
  article?: RecordArticle;
  /** Wiki pages whose `documents:` list this record, then pages whose text links to it. */
  documentedBy: { id: string; title: string }[];
  /** Errors and warnings about this record (info-level notes are not counted). */
  problems: Problem[];
  description?: string;
}

export interface RecordArticle {
  markdown: string;
  source: 'page' | 'description';
  /** The attribute it comes from (`body` or `description`), which the overview then leaves out or abridges. */
  attribute: 'body' | 'description';
}

/** What a record's Article tab shows, if anything: a wiki page's body, or a description too long for the overview. */
export function articleOf(record: AtlasRecord): RecordArticle | undefined {
  const { body, description } = record.attributes;
  if (typeof body === 'string' && record.kind === 'Page') return { markdown: body, source: 'page', attribute: 'body' };
  if (typeof description === 'string' && description.length > LONG_TEXT) return { markdown: description, source: 'description', attribute: 'description' };
  return undefined;
}

export function buildRecordView(atlas: Atlas, record: AtlasRecord): RecordView {
  const { documentedBy, problemsById } = derivedIndexes(atlas);
  const json = recordJson(record);
  const group = (edges: readonly AtlasEdge[], direction: 'out' | 'in'): EdgeGroup[] => {
    const view = (e: AtlasEdge): EdgeView => {
      const otherId = direction === 'out' ? e.to : e.from;
      const other = atlas.records.get(otherId);
      const attrs = e.attributes ?? {};
      const v: EdgeView = {
        otherId,
        otherName: other ? displayName(other) : otherId,
        otherKind: other?.kind,
        dangling: !other,
        extra: Object.entries(attrs).filter(([k]) => k !== 'confidence' && k !== 'evidence'),
        declaredAt: e.declarations.map((d) => `${d.file}:${d.line}`),
      };
      if (attrs.confidence !== undefined && attrs.confidence !== null) v.confidence = String(attrs.confidence);
      if (typeof attrs.evidence === 'string') v.evidence = attrs.evidence;
      else if (attrs.evidence !== undefined && attrs.evidence !== null) v.extra.push(['evidence', attrs.evidence]);
      return v;
    };
    return [...groupBy(edges, (e) => e.kind)].map(([kind, list]) => {
      const decl = atlas.schema.edgeKinds.get(kind);
      return {
        kind,
        direction,
        description: decl?.description,
        undeclared: atlas.schema.hasEdgeKinds && !decl,
        edges: list.map(view),
      };
    });
  };

  const attrs = record.attributes;
  const description = typeof attrs.description === 'string' ? attrs.description : undefined;
  const article = articleOf(record);

  return {
    record,
    name: displayName(record),
    json,
    jsonLines: json.split('\n').length - 1,
    jsonBytes: Buffer.byteLength(json),
    outgoing: group(record.outgoing, 'out'),
    incoming: group(record.incoming, 'in'),
    article,
    documentedBy: documentedBy.get(record.id) ?? [],
    problems: (problemsById.get(record.id) ?? []).filter((p) => p.severity !== 'info'),
    description,
  };
}

interface DerivedIndexes {
  /** Record id to the wiki pages that list it in `documents:` or link to it in their text. */
  documentedBy: Map<string, { id: string; title: string }[]>;
  /** Record id to the problems about it. */
  problemsById: Map<string, Problem[]>;
}

const derived = new WeakMap<Atlas, DerivedIndexes>();

/** Indexes the pages need beyond the pipeline's own, computed once per atlas. */
export function derivedIndexes(atlas: Atlas): DerivedIndexes {
  let d = derived.get(atlas);
  if (d) return d;
  const documentedBy = new Map<string, { id: string; title: string }[]>();
  for (const page of atlas.pages) {
    for (const id of page.documents) {
      const list = documentedBy.get(id) ?? [];
      if (!list.some((p) => p.id === page.id)) list.push({ id: page.id, title: page.title });
      documentedBy.set(id, list);
    }
  }
  const pageTitles = new Map(atlas.pages.map((p) => [p.id, p.title]));
  for (const [id, pageIds] of wikiIndex(atlas).mentionedIn) {
    const list = documentedBy.get(id) ?? [];
    for (const pageId of pageIds) if (pageId !== id && !list.some((p) => p.id === pageId)) list.push({ id: pageId, title: pageTitles.get(pageId)! });
    documentedBy.set(id, list);
  }
  const problemsById = groupBy(
    atlas.problems.filter((p) => p.id !== undefined),
    (p) => p.id!,
  );
  d = { documentedBy, problemsById };
  derived.set(atlas, d);
  return d;
}

/** A short plain-text summary for meta descriptions. */
export function summaryText(view: Pick<RecordView, 'record' | 'description'>): string {
  const text = (view.description ?? `${view.record.kind} ${view.record.id}`).replace(/[#*_`>[\]()]/g, '').replace(/\s+/g, ' ').trim();
  return text.length > 200 ? `${text.slice(0, 197)}…` : text;
}
