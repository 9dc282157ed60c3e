/**
 * The rows of the graph tab's table: every edge around a record, the accessible mirror of the
 * drawn graph (and all there is without JavaScript). Template strings rather than components for
 * the reason given in ./html.ts: a hub has hundreds of rows.
 */
import { nodeKindOf } from '../pipeline/graph-data';
import type { NeighbourhoodFile } from '../pipeline/graph-data';
import { html, type Html } from './html';
import { recordHref } from './urls';

type Node = { id: string; name: string; kind: string | null; path: string | null };

function nodeCell(node: Node, centreId: string): Html {
  if (node.id === centreId) return html`<td><span><strong>${node.name}</strong> <span class="muted">(this record)</span></span></td>`;
  if (node.path) return html`<td><span><a href="${recordHref(node.id)}">${node.name}</a> <span class="muted">${nodeKindOf(node)}</span></span></td>`;
  return html`<td><span><span class="badge unresolved">unresolved</span> <code>${node.id}</code></span></td>`;
}

/** `<tr>`s in the neighbourhood file's edge order, with the data attributes the graph script filters on. */
export function neighbourRowsHtml(file: NeighbourhoodFile, centreId: string): Html {
  const nodes: Node[] = file.nodes.map(([id, name, kind, path]) => ({ id, name, kind, path }));
  return html`${file.edges.map(([f, t, k, attributes]) => {
    const from = nodes[f]!;
    const to = nodes[t]!;
    const kind = file.edgeKinds[k]!;
    const confidence = typeof attributes?.confidence === 'string' ? attributes.confidence : '';
    return html`<tr data-edge-kind="${kind}" data-from="${from.id}" data-to="${to.id}">${nodeCell(from, centreId)}<td><code>${kind}</code></td>${nodeCell(to, centreId)}<td>${confidence}</td></tr>`;
  })}`;
}
