/**
 * The controls of a drawn graph, as markup: the toolbar, status, canvas, side panel and legend
 * every graph view shares, and the filters of a record's graph tab. Pure (no atlas, no Astro), so
 * the explorer and schema pages render it on the server while the record graph tab's script
 * writes it when the tab is first opened: the controls do nothing without JavaScript, and ten
 * thousand record pages need not each carry three kilobytes of them.
 */
import { html, type Html } from './html';

/** What a record's graph tab says, on the page and in its status line, when the record has no edges. */
export const NO_CONNECTIONS = 'This record has no connections.';

export interface GraphCanvasFrameOptions {
  /** Accessible name of the canvas. */
  label: string;
  /** Show the PNG / SVG buttons. */
  exports?: boolean;
  /** What a double-click does, for the keyboard help line. */
  doubleClick?: string;
}

/**
 * The parts every drawn graph shares: toolbar (fit, zoom, reset, exports, node list), status and
 * cap notice, the canvas with its keyboard help, the side panel and the legend. Scripts fill them.
 */
export function graphCanvasFrameHtml({ label, exports = true, doubleClick = 'open it' }: GraphCanvasFrameOptions): Html {
  return html`<div class="graph-toolbar" role="toolbar" aria-label="Graph view"><button type="button" data-action="fit" title="Fit the whole graph (0)">Fit</button><button type="button" data-action="zoom-in" aria-label="Zoom in" title="Zoom in (+)">+</button><button type="button" data-action="zoom-out" aria-label="Zoom out" title="Zoom out (−)">−</button><button type="button" data-action="reset" title="Lay the graph out again">Reset</button>${
    exports && html`<button type="button" data-action="png">PNG</button><button type="button" data-action="svg">SVG</button>`
  }<label class="graph-focus-label">Select node <select class="graph-focus"><option value="">Choose a record…</option></select></label></div><p class="graph-status" role="status" aria-live="polite"></p><p class="graph-cap notice" hidden></p><div class="graph-stage"><div class="graph-canvas-wrap"><div class="graph-canvas" tabindex="0" role="application" aria-label="${label}" aria-describedby="graph-keys"></div><p id="graph-keys" class="graph-keys muted">Arrow keys pan (Shift: faster), + and − zoom, 0 fits, Enter acts on the selected node (as a double-click does), Esc clears the selection. Click a node for details, double-click to ${doubleClick}.</p></div><aside class="graph-side" aria-label="Selected record" hidden></aside></div><div class="graph-legend" aria-label="Legend"><ul class="graph-legend-kinds"></ul><ul class="graph-legend-edges"><li><span class="line strong" aria-hidden="true"></span> high confidence</li><li><span class="line medium" aria-hidden="true"></span> medium</li><li><span class="line weak" aria-hidden="true"></span> low</li><li><span class="line none" aria-hidden="true"></span> not stated</li><li><span class="swatch dangling" aria-hidden="true"></span> unresolved target</li></ul></div>`;
}

/** Static, so built once: the record graph's filters, whose lists src/scripts/graph/record-graph-app.ts fills in. */
const RECORD_GRAPH_FILTERS = html`<form class="graph-filters" aria-label="Graph filters"> <fieldset class="gf-kinds"> <legend>Edge kinds</legend> <div class="gf-list gf-edge-list"></div> <div class="gf-all"><button type="button" data-all="edge-all">All</button><button type="button" data-all="edge-none">None</button></div> </fieldset> <fieldset class="gf-kinds"> <legend>Node kinds</legend> <div class="gf-list gf-node-list"></div> <div class="gf-all"><button type="button" data-all="node-all">All</button><button type="button" data-all="node-none">None</button></div> </fieldset> <div class="gf-row"> <fieldset class="gf-radios"> <legend>Direction</legend> <label><input type="radio" name="direction" value="both" checked> Both</label> <label><input type="radio" name="direction" value="out"> Outgoing</label> <label><input type="radio" name="direction" value="in"> Incoming</label> </fieldset> <fieldset class="gf-radios"> <legend>Depth</legend> <label><input type="radio" name="depth" value="1" checked> 1 hop</label> <label><input type="radio" name="depth" value="2"> 2 hops</label> </fieldset> <label class="gf-layout">Layout <select name="layout"> <option value="concentric">Concentric (rings)</option> <option value="breadthfirst">Tree (breadth-first)</option> <option value="cose">Force-directed</option> <option value="circle">Circle</option> <option value="grid">Grid</option> </select> </label> </div> </form>`;

/** Everything the record graph tab's script adds above the server-rendered table. */
export function recordGraphControlsHtml(id: string): Html {
  return html`${RECORD_GRAPH_FILTERS} ${graphCanvasFrameHtml({ label: `Neighbourhood of ${id}` })}`;
}
