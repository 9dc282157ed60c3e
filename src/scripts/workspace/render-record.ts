/**
 * A draft record in the site's record view, rendered in the browser: header (name, id, kind,
 * cluster, source, "draft"), an Overview tab mirroring the record page (attributes, outgoing and
 * incoming edges grouped by kind) and a JSON tab with copy and download. Same classes as the site.
 */
import { tokenizeJson } from '../../site/json-html';
import type { AtlasEdge } from '../../pipeline/model';
import { humanize, viewAttribute } from '../../site/attribute-view';
import { download } from '../download';
import { copyButton, h, type Child } from './dom';
import type { DraftRecord, OverlayReport } from './report';

/** What the renderer needs to link records: published ids to their page URL, drafts to their anchor. */
export interface LinkContext {
  /** URL of a published record's page, or null. */
  recordUrl(id: string): string | null;
  /** In-page anchor of a draft record, or null. */
  draftAnchor(id: string): string | null;
  /** Display name of a published record, if known. */
  publishedName(id: string): string | null;
  kindUrl(kind: string): string;
}

export function renderDraft(draft: DraftRecord, index: number, report: OverlayReport, links: LinkContext): HTMLElement {
  const r = draft.record;
  const key = `draft-${index}`;
  const jsonId = `${key}-json`;
  const published = links.recordUrl(r.id);
  const header = h(
    'header',
    { class: 'record-header' },
    h('h3', { id: `${key}-title` }, draft.name, ' ', h('span', { class: 'badge draft' }, 'draft')),
    h('div', { class: 'record-id-line' }, h('code', { class: 'record-id', id: `${key}-id` }, r.id), copyButton(`${key}-id`, 'Copy id')),
    h(
      'div',
      { class: 'record-meta' },
      h('span', { class: 'badge kind' }, r.kind),
      h('span', { class: 'badge', title: 'cluster' }, `cluster: ${r.cluster}`),
      h('span', { class: 'source mono', title: 'Defining document' }, `${r.source.file}:${r.source.line}`),
      published ? h('a', { href: published }, draft.published ? 'Published version' : 'Published page') : h('span', { class: 'muted' }, 'new record'),
    ),
  );

  const types = report.attributeTypes[r.kind] ?? {};
  const overview = h(
    'div',
    null,
    renderAttributes(r.attributes, types, links),
    renderEdges(r.outgoing, 'out', report, links, key),
    renderEdges(r.incoming, 'in', report, links, key),
  );
  const json = h(
    'div',
    null,
    h(
      'div',
      { class: 'json-toolbar' },
      copyButton(jsonId, 'Copy JSON'),
      h('button', { type: 'button', 'data-download': '' }, 'Download'),
      h('span', { class: 'muted json-size' }, `${draft.json.split('\n').length - 1} lines`),
    ),
    h('pre', { class: 'json', tabindex: 0, 'aria-label': `JSON of ${r.id}` }, highlightedJson(draft.json, jsonId)),
  );
  json.querySelector('[data-download]')!.addEventListener('click', () => download(`${r.id.replace(/[^A-Za-z0-9._@-]+/g, '_')}.json`, draft.json, 'application/json'));

  return h('article', { class: 'draft-record', id: key, 'aria-labelledby': `${key}-title`, 'data-draft-id': r.id }, header, tabs(key, [
    ['Overview', overview],
    ['JSON', json],
  ]));
}

/** A small tablist (arrows, Home, End), like the record page's tabs but local to one draft. */
function tabs(key: string, panels: [string, HTMLElement][]): HTMLElement {
  const list = h('div', { role: 'tablist', class: 'tablist', 'aria-label': 'Draft record views' });
  const wrap = h('div', { class: 'draft-tabs' }, list);
  const buttons: HTMLButtonElement[] = [];
  panels.forEach(([label, body], i) => {
    const tabId = `${key}-tab-${i}`;
    const panelId = `${key}-panel-${i}`;
    const b = h('button', { type: 'button', role: 'tab', id: tabId, 'aria-controls': panelId, 'aria-selected': String(i === 0), tabindex: i === 0 ? 0 : -1, 'data-tab': label.toLowerCase() }, label);
    buttons.push(b);
    list.append(b);
    const panel = h('section', { role: 'tabpanel', id: panelId, 'aria-labelledby': tabId, tabindex: -1 }, body);
    panel.hidden = i !== 0;
    wrap.append(panel);
  });
  const select = (i: number, focus: boolean) => {
    buttons.forEach((b, j) => {
      b.setAttribute('aria-selected', String(i === j));
      b.tabIndex = i === j ? 0 : -1;
      document.getElementById(b.getAttribute('aria-controls')!)!.hidden = i !== j;
    });
    if (focus) buttons[i]!.focus();
  };
  buttons.forEach((b, i) => {
    b.addEventListener('click', () => select(i, false));
    b.addEventListener('keydown', (e) => {
      const n = buttons.length;
      const next = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i - 1 + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
      if (next < 0) return;
      e.preventDefault();
      select(next, true);
    });
  });
  return wrap;
}

function renderAttributes(attrs: Record<string, unknown>, types: Record<string, [string, boolean]>, links: LinkContext): HTMLElement {
  const order = (k: string) => (k === 'displayName' ? 0 : k === 'description' ? 1 : 2);
  const entries = Object.entries(attrs).sort((a, b) => order(a[0]) - order(b[0]));
  const missing = Object.entries(types).filter(([name, [, required]]) => required && name !== 'id' && !Object.hasOwn(attrs, name));
  return h(
    'div',
    { class: 'ws-attributes' },
    h('h4', { class: 'visually-hidden' }, 'Attributes'),
    entries.length === 0
      ? h('p', { class: 'muted' }, 'This record has no attributes.')
      : h(
          'dl',
          { class: 'attributes' },
          entries.map(([name, value]) => {
            const t = types[name];
            return h(
              'div',
              { class: 'attr' },
              h('dt', null, h('span', { class: 'attr-name', title: name }, humanize(name)), h('code', { class: 'attr-key', title: t?.[0] ? `${name}: ${t[0]}${t[1] ? ' (required)' : ''}` : name }, name)),
              h('dd', null, renderValue(value, links, t?.[0])),
            );
          }),
        ),
    missing.length > 0 && h('p', { class: 'notice warn' }, `Missing required attribute${missing.length > 1 ? 's' : ''}: `, missing.map(([n], i) => [i ? ', ' : '', h('code', null, n)])),
  );
}

function renderValue(value: unknown, links: LinkContext, type?: string): Child {
  const view = viewAttribute(value, (s) => links.recordUrl(s) !== null || links.draftAnchor(s) !== null, type);
  switch (view.kind) {
    case 'empty':
      return h('span', { class: 'muted' }, '(empty)');
    case 'bool':
      return h('code', null, String(view.value));
    case 'number':
      return h('span', { class: 'mono' }, view.value);
    case 'url':
      return h('a', { href: view.url, rel: 'noopener noreferrer nofollow', class: 'external' }, view.url);
    case 'record':
      return [h('a', { href: links.recordUrl(view.id) ?? links.draftAnchor(view.id) ?? '#', class: 'record-link' }, links.publishedName(view.id) ?? view.id), ' ', h('code', { class: 'muted' }, view.id)];
    case 'date':
      return h('time', { datetime: view.iso }, view.text);
    case 'text':
    case 'markdown':
      // Markdown is shown as its source here: the site's renderer runs at build time only.
      return view.long
        ? h('details', { class: 'fold' }, h('summary', null, h('span', { class: 'text-value' }, `${view.text.slice(0, 280).replace(/\s+\S*$/, '')}…`), ' ', h('span', { class: 'more' }, 'show more')), h('span', { class: 'text-value' }, view.text))
        : h('span', { class: 'text-value' }, view.text);
    case 'list':
      return view.items.length === 0 ? h('span', { class: 'muted' }, '(empty list)') : h('ul', { class: 'value-list' }, view.items.map((item) => h('li', null, renderValue(item, links))));
    case 'map':
      return view.entries.length === 0
        ? h('span', { class: 'muted' }, '(empty map)')
        : h('dl', { class: 'value-map' }, view.entries.map(([k, v]) => h('div', null, h('dt', null, k), h('dd', null, renderValue(v, links)))));
  }
}

function renderEdges(edges: readonly AtlasEdge[], direction: 'out' | 'in', report: OverlayReport, links: LinkContext, key: string): HTMLElement {
  const headingId = `${key}-${direction === 'out' ? 'outgoing' : 'incoming'}`;
  const groups = new Map<string, AtlasEdge[]>();
  for (const e of edges) groups.set(e.kind, [...(groups.get(e.kind) ?? []), e]);
  return h(
    'section',
    { class: 'edge-section', 'aria-labelledby': headingId },
    h('h4', { id: headingId }, direction === 'out' ? 'Outgoing edges ' : 'Incoming edges ', h('span', { class: 'count' }, edges.length)),
    edges.length === 0 && h('p', { class: 'muted' }, direction === 'out' ? 'This record declares no edges.' : 'No record points to this one.'),
    [...groups].map(([kind, list]) =>
      h(
        'section',
        { class: 'edge-group', 'data-edge-kind': kind },
        h(
          'h5',
          null,
          h('span', { class: 'edge-kind mono' }, `${direction === 'in' ? '← ' : ''}${kind}${direction === 'out' ? ' →' : ''}`),
          h('span', { class: 'count', 'aria-label': `${list.length} edges` }, list.length),
          report.undeclaredEdgeKinds.includes(kind) && h('span', { class: 'badge sev-warning', title: 'Not declared in schema/edge-kinds.yaml' }, 'undeclared'),
        ),
        report.edgeKinds[kind] && h('p', { class: 'edge-desc muted' }, report.edgeKinds[kind]!),
        h('ul', { class: 'edges' }, list.map((e) => renderEdge(e, direction, report, links))),
      ),
    ),
  );
}

function renderEdge(e: AtlasEdge, direction: 'out' | 'in', report: OverlayReport, links: LinkContext): HTMLElement {
  const otherId = direction === 'out' ? e.to : e.from;
  const [name, kind] = report.names[otherId] ?? [otherId, undefined];
  const href = links.draftAnchor(otherId) ?? links.recordUrl(otherId);
  const attrs = e.attributes ?? {};
  const confidence = attrs.confidence !== undefined && attrs.confidence !== null ? String(attrs.confidence) : null;
  const evidence = typeof attrs.evidence === 'string' ? attrs.evidence : null;
  const extra = Object.entries(attrs).filter(([k]) => k !== 'confidence' && !(k === 'evidence' && evidence !== null));
  const declared = e.declarations.map((d) => `${d.file}:${d.line}`);
  return h(
    'li',
    { class: `edge${e.dangling ? ' dangling' : ''}` },
    h(
      'div',
      { class: 'edge-main' },
      e.dangling || !href
        ? h('span', { class: 'target' }, e.dangling && h('span', { class: 'badge unresolved', title: 'No record has this id' }, 'unresolved'), ' ', h('code', null, otherId))
        : h('span', { class: 'target' }, h('a', { href }, name), ' ', h('code', { class: 'edge-id' }, otherId)),
      kind && h('span', { class: 'badge' }, kind),
      confidence && h('span', { class: `badge conf-${confidence}`, title: 'confidence' }, confidence),
      declared.length > 1 && h('span', { class: 'badge declared', title: `Declared at ${declared.join(', ')}` }, `declared ${declared.length}×`),
    ),
    evidence && h('blockquote', { class: 'evidence' }, evidence),
    extra.length > 0 && h('dl', { class: 'edge-attrs' }, extra.map(([k, v]) => h('div', null, h('dt', null, k), h('dd', null, renderValue(v, links))))),
  );
}

/** The payload with the JSON tab's token classes, built from text nodes. */
function highlightedJson(json: string, id: string): HTMLElement {
  const code = h('code', { id });
  for (const t of tokenizeJson(json)) code.append(t.cls ? h('span', { class: t.cls }, t.text) : t.text);
  return code;
}
