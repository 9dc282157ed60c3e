/**
 * Small pieces of markup that the record page writes as template strings (see ./html.ts) and
 * other pages use through thin components (CopyButton.astro, KindBadge.astro), so each exists
 * once (the graph frame is in ./graph-frame-html.ts). The custom elements' behaviour lives in
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

