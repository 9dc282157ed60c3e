/**
 * A record's outgoing or incoming edges as HTML, grouped by edge kind: count, the schema's
 * description, each edge with the record at the other end, its attributes (confidence badge,
 * evidence quote) and provenance ("declared N×"), unresolved targets. Long groups show the first
 * `EDGE_GROUP_PREVIEW` and a "show all" that works without JavaScript; the page always says how
 * many are shown. Styles: src/styles/record-page.css.
 */
import { displayName, type Atlas, type AtlasEdge } from '../pipeline/model';
import { attributeValueHtml } from './attributes-html';
import { html, type Html } from './html';
import { EDGE_GROUP_PREVIEW, type EdgeGroup, type EdgeView } from './record-view';
import { edgeKindHref, recordHref } from './urls';

async function edgeHtml(atlas: Atlas, e: EdgeView): Promise<Html> {
  const target = e.dangling
    ? html`<span class="target"><span class="badge unresolved" title="No record has this id">unresolved</span> <code>${e.otherId}</code></span>`
    : html`<span class="target"><a href="${recordHref(e.otherId)}">${e.otherName}</a> <code class="edge-id">${e.otherId}</code></span>`;
  const extra = await Promise.all(e.extra.map(async ([k, v]) => html`<div><dt>${k}</dt><dd>${await attributeValueHtml(atlas, v)}</dd></div>`));
  return html`<li class="${e.dangling ? 'edge dangling' : 'edge'}"><div class="edge-main">${target}${e.otherKind && html`<span class="badge">${e.otherKind}</span>`}${
    e.confidence && html`<span class="badge conf-${e.confidence}" title="confidence">${e.confidence}</span>`
  }${e.declaredAt.length > 1 && html`<span class="badge declared" title="Declared at ${e.declaredAt.join(', ')}">declared ${e.declaredAt.length}×</span>`}</div>${
    e.evidence && html`<blockquote class="evidence">${e.evidence}</blockquote>`
  }${extra.length > 0 && html`<dl class="edge-attrs">${extra}</dl>`}</li>`;
}

export async function edgeGroupsHtml(atlas: Atlas, groups: EdgeGroup[], direction: 'out' | 'in'): Promise<Html> {
  const total = groups.reduce((n, g) => n + g.edges.length, 0);
  const headingId = direction === 'out' ? 'outgoing' : 'incoming';
  const sections = await Promise.all(
    groups.map(async (g) => {
      const items = await Promise.all(g.edges.map((e) => edgeHtml(atlas, e)));
      const shown = items.slice(0, EDGE_GROUP_PREVIEW);
      const rest = items.slice(EDGE_GROUP_PREVIEW);
      return html`<section class="edge-group" data-edge-kind="${g.kind}"><h3><a href="${edgeKindHref(g.kind)}" class="edge-kind mono">${direction === 'in' ? '← ' : ''}${g.kind}${direction === 'out' ? ' →' : ''}</a> <span class="count" aria-label="${g.edges.length} edges">${g.edges.length}</span>${
        g.undeclared && html` <span class="badge sev-warning" title="Not declared in schema/edge-kinds.yaml">undeclared</span>`
      }</h3>${g.description && html`<p class="edge-desc muted">${g.description}</p>`}${
        rest.length > 0 && html`<p class="shown-note muted">${shown.length} of ${g.edges.length} shown</p>`
      }<ul class="edges">${shown}</ul>${
        rest.length > 0 &&
        html`<details class="show-all"><summary>Show all ${g.edges.length} <span class="muted">(${rest.length} more)</span></summary><ul class="edges">${rest}</ul></details>`
      }</section>`;
    }),
  );
  return html`<section class="edge-section" aria-labelledby="${headingId}"><h2 id="${headingId}">${direction === 'out' ? 'Outgoing edges' : 'Incoming edges'} <span class="count">${total}</span></h2>${
    total === 0 && html`<p class="muted">${direction === 'out' ? 'This record declares no edges.' : 'No record points to this one.'}</p>`
  }${sections}</section>`;
}

/**
 * The rows of an edge kind's listing (src/pages/edges/[kind]/[...page].astro): both ends, the
 * merged attributes, and how many times the edge was declared, with where in the title. Written
 * here for the reason the record page is: a page of a hundred rows took about five times as long
 * as a record page when written as Astro markup.
 */
export function edgeTableRowsHtml(atlas: Atlas, edges: readonly AtlasEdge[]): Html {
  const end = (id: string) => {
    const r = atlas.records.get(id);
    return html`<a href="${recordHref(id)}">${r ? displayName(r) : null}</a><br><code class="muted">${id}</code>`;
  };
  return html`${edges.map(
    (e) =>
      html`<tr><td>${end(e.from)}</td><td>${e.dangling ? html`<span class="badge unresolved">unresolved</span> <code>${e.to}</code>` : end(e.to)}</td><td>${
        e.attributes &&
        html`<dl class="edge-attrs">${Object.entries(e.attributes).map(([k, v]) => html`<div><dt>${k}</dt><dd>${typeof v === 'string' ? v : JSON.stringify(v)}</dd></div>`)}</dl>`
      }</td><td class="num" title="${e.declarations.map((d) => `${d.file}:${d.line}`).join('\n')}">${e.declarations.length}×</td></tr>`,
  )}`;
}
