/**
 * Small pieces of markup that the record page writes as template strings (see ./html.ts) and
 * other pages use through thin components (CopyButton.astro, KindBadge.astro,
 * GraphCanvasFrame.astro), so each exists once. The custom elements' behaviour lives in
 * src/scripts/; their styles in src/styles/global.css and src/styles/graph.css.
 */
import { displayName, type AtlasRecord } from '../pipeline/model';
import { html, type Html } from './html';
import { kindHref, recordPath } from './urls';

const COPY_ICON = html`<svg aria-hidden="true" width="15" height="15" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"><rect x="9" y="9" width="12" height="12" rx="2"></rect><path d="M5 15V5a2 2 0 0 1 2-2h10"></path></svg>`;
const PIN_ICON = html`<svg aria-hidden="true" width="15" height="15" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"><path d="M12 17v5M9 3h6l-1 7 4 3v2H6v-2l4-3z"></path></svg>`;

/**
 * Copies the text of the element with id `target` to the clipboard and says so visibly and to
 * screen readers (src/scripts/copy-button.ts). Hidden without JavaScript; the text can still be
 * selected.
 */
export function copyButtonHtml(target: string, label = 'Copy'): Html {
  return html`<copy-button data-target="${target}"> <button type="button" hidden>${COPY_ICON}<span class="label">${label}</span></button> <span class="copy-status" role="status" aria-live="polite"></span> </copy-button>`;
}

/**
 * Pins the record to the workspace, kept in this browser only (src/scripts/pin-button.ts): a
 * toggle button (`aria-pressed`), hidden without JavaScript since pins live in the browser's storage.
 */
export function pinButtonHtml(record: AtlasRecord): Html {
  return html`<pin-button data-id="${record.id}" data-kind="${record.kind}" data-name="${displayName(record)}" data-path="${recordPath(record.id)}"> <button type="button" class="pin" aria-pressed="false" title="Keep this record in your workspace (stored in this browser only)" hidden> ${PIN_ICON}<span class="label">Pin</span> </button> <span class="visually-hidden" role="status" aria-live="polite"></span> </pin-button>`;
}

/** A node kind as a badge linking to its listing. */
export function kindBadgeHtml(kind: string, link = true): Html {
  return link ? html`<a class="badge kind" href="${kindHref(kind)}">${kind}</a>` : html`<span class="badge kind">${kind}</span>`;
}

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
