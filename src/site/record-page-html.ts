/**
 * The record page's own markup as template strings (see ./html.ts for why not components): the
 * header, the tabs and their panels, the JSON panel and the graph panel. The page
 * (src/pages/n/[...path].astro) puts them together and loads their scripts; the styles are in
 * src/styles/record-page.css and src/styles/graph.css.
 */
import { nodeKindOf, type NeighbourhoodFile, type NodeTuple } from '../pipeline/graph-data';
import type { Atlas } from '../pipeline/model';
import { formatBytes } from '../pipeline/format-bytes';
import { NO_CONNECTIONS } from './graph-frame-html';
import { html, trusted, type Html } from './html';
import { highlightJson } from './json-html';
import { plural } from './plural';
import type { RecordView } from './record-view';
import { recordNeighbourhood } from './neighbourhood';
import { clusterHref, integrityHref, recordHref, recordJsonHref } from './urls';
import { copyButtonHtml, kindBadgeHtml, pinButtonHtml } from './widgets-html';
import { wikiArticleHref } from './wiki';

export type RecordTabKey = 'overview' | 'article' | 'json' | 'graph';

/** Name, id with copy and pin, kind and cluster, where the record is defined, its problems, the wiki pages that document it. */
export function recordHeaderHtml(view: RecordView): Html {
  const r = view.record;
  const defs = r.definitions;
  return html`<header class="record-header"> <h1>${view.name}</h1> <div class="record-id-line"> <code id="record-id" class="record-id">${r.id}</code> ${copyButtonHtml('record-id', 'Copy id')} ${pinButtonHtml(r)} </div> <div class="record-meta"> ${kindBadgeHtml(r.kind)} <a class="badge" href="${clusterHref(r.cluster)}" title="cluster">cluster: ${r.cluster}</a> <span class="source mono" title="Defining document">${r.source.file}:${r.source.line}</span> </div>${
    view.problems.length > 0 &&
    html` <details class="defined-in record-problems"><summary><span class="badge sev-warning">${plural(view.problems.length, 'problem')}</span></summary><ul>${view.problems.map(
      (p) => html`<li><code>${p.file}:${p.line}:${p.column}</code> <a href="${integrityHref(p.code)}"><code>${p.code}</code></a>: ${p.message} <span class="muted">Fix: ${p.hint}</span></li>`,
    )}</ul></details>`
  }${
    defs.length > 1 &&
    html` <details class="defined-in"><summary>Defined in ${defs.length} files</summary><ul>${defs.map(
      (d, i) => html`<li><code>${d.file}:${d.line}</code>${i === 0 ? ' (defines _file)' : ' (fills missing attributes)'}</li>`,
    )}</ul></details>`
  }${
    r.contributions.length > 0 &&
    html` <details class="defined-in"><summary>Extended by ${plural(r.contributions.length, 'document')}</summary><ul>${r.contributions.map((c) => html`<li><code>${c.file}:${c.line}</code> (${c.form})</li>`)}</ul></details>`
  }${
    view.documentedBy.length > 0 &&
    html` <p class="documented-by">Documented in the wiki: ${view.documentedBy.map((p, i) => html`${i > 0 && ', '}<a href="${wikiArticleHref(p.id)}">${p.title}</a>`)}</p>`
  } </header>`;
}

/**
 * The record views as an accessible tablist over server-rendered panels. Without JavaScript every
 * panel is on the page and the tabs are in-page links; with it, <record-tabs>
 * (src/scripts/record-tabs.ts) shows one panel at a time, keeps `?tab=` in the URL and handles
 * arrows, Home and End. The layout's inline head script has already picked the panel named in the
 * URL, so nothing moves when the page loads.
 */
export function recordTabsHtml(tabs: { key: RecordTabKey; label: string; panel: Html }[]): Html {
  return html`<record-tabs> <div role="tablist" aria-label="Record views" class="tablist"> ${tabs.map(
    (t, i) =>
      html`<a role="tab" id="tab-${t.key}" href="#panel-${t.key}" data-tab="${t.key}" aria-controls="panel-${t.key}" aria-selected="${i === 0 ? 'true' : 'false'}" tabindex="${i === 0 ? 0 : -1}">${t.label}</a>`,
  )} </div> ${tabs.map(
    (t) => html`<section role="tabpanel" id="panel-${t.key}" data-tab="${t.key}" aria-labelledby="tab-${t.key}" tabindex="-1"> <h2 class="panel-heading">${t.label}</h2> ${t.panel} </section>`,
  )} </record-tabs>`;
}

/** The record's payload, highlighted, with copy, download and raw links. */
export function jsonPanelHtml(view: RecordView): Html {
  const id = view.record.id;
  const fileName = `${id.replace(/[^A-Za-z0-9._@-]+/g, '_')}.json`;
  const raw = recordJsonHref(id);
  return html`<div class="json-toolbar"> ${copyButtonHtml('record-json', 'Copy JSON')} <a class="button" href="${raw}" download="${fileName}">Download</a> <a class="button" href="${raw}">Raw</a> <span class="muted json-size">${view.jsonLines.toLocaleString('en-US')} lines · ${formatBytes(view.jsonBytes)}</span> </div> <pre class="json" tabindex="0" aria-label="Record JSON"><code id="record-json">${trusted(highlightJson(view.json))}</code></pre>`;
}

/**
 * The graph tab: the accessible table of the drawn edges, and an empty place for the filters,
 * toolbar, canvas, side panel and legend (graph-frame-html.ts), which the tab's script writes
 * when the tab is first opened and cytoscape draws into. Without JavaScript (or before the graph
 * loads) the table lists every connection.
 */
export function graphPanelHtml(atlas: Atlas, view: RecordView): Html {
  const record = view.record;
  const file = recordNeighbourhood(atlas, record);
  const edgeCount = file.edges.length;
  const neighbours = file.nodes.length - 1;
  const summary = neighbours === 0 ? NO_CONNECTIONS : `${plural(edgeCount, 'connection')} to ${plural(neighbours, 'record')}.`;
  return html`<record-graph class="graph-panel" data-id="${record.id}" data-path="${atlas.paths.get(record.id)}"> <div class="graph-ui" hidden></div> <p class="muted graph-table-summary">${summary}</p> ${
    edgeCount > 0 &&
    html`<div class="table-wrap"> <table class="neighbours"> <caption class="visually-hidden">Edges of the graph around ${record.id}</caption> <thead><tr><th scope="col">From</th><th scope="col">Edge kind</th><th scope="col">To</th><th scope="col">Confidence</th></tr></thead> <tbody>${neighbourRowsHtml(file, record.id)}</tbody> </table> </div>`
  } </record-graph>`;
}

/** A table cell for one end of an edge: this record in bold, another record linked, an unresolved id marked. */
function nodeCell([id, name, kind, path]: NodeTuple, centreId: string): Html {
  if (id === centreId) return html`<td><span><strong>${name}</strong> <span class="muted">(this record)</span></span></td>`;
  if (path) return html`<td><span><a href="${recordHref(id)}">${name}</a> <span class="muted">${nodeKindOf({ kind })}</span></span></td>`;
  return html`<td><span><span class="badge unresolved">unresolved</span> <code>${id}</code></span></td>`;
}

/**
 * The graph table's rows: every edge around the record, in the neighbourhood file's order (the
 * same edges the drawn graph lists), with the data attributes the graph script filters on.
 */
export function neighbourRowsHtml(file: NeighbourhoodFile, centreId: string): Html {
  // Each node's cell once: the centre, at least, ends every row.
  const cells = file.nodes.map((node) => nodeCell(node, centreId));
  return html`${file.edges.map(([f, t, k, attributes]) => {
    const kind = file.edgeKinds[k]!;
    const confidence = typeof attributes?.confidence === 'string' ? attributes.confidence : '';
    return html`<tr data-edge-kind="${kind}" data-from="${file.nodes[f]![0]}" data-to="${file.nodes[t]![0]}">${cells[f]}<td><code>${kind}</code></td>${cells[t]}<td>${confidence}</td></tr>`;
  })}`;
}
