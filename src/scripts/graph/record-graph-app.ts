/**
 * The graph tab, once opened: loads the record's neighbourhood file (and, at depth 2, its
 * neighbours' files), applies the filters kept in the URL, draws with cytoscape and keeps the
 * accessible edge table, the legend, the node list and the side panel in step with the drawing.
 */
import { escapeHtml } from '../../site/escape-html';
import { GraphStore, UNRESOLVED_KIND, capNotice, nodeKindOf, selectView, type Direction, type GraphEdge, type NeighbourhoodView, type ViewFilters } from '../../pipeline/graph-data';
import { NO_CONNECTIONS, recordGraphControlsHtml } from '../../site/graph-frame-html';
import { plural } from '../../site/plural';
import { GraphCanvas, LAYOUTS, kindColour, type LayoutName } from './canvas';
import { download } from '../download';
import { recordUrl } from '../site-urls';
import { eachLimited, fetchNeighbourhood, safeName } from './data';

/** URL parameters (all optional; defaults are left out so plain links stay plain). */
const P = { edge: 'ek', node: 'nk', dir: 'dir', depth: 'depth', layout: 'layout' } as const;

interface State extends ViewFilters {
  layout: LayoutName;
}

function readState(): State {
  const q = new URL(location.href).searchParams;
  const dir = q.get(P.dir);
  const layout = q.get(P.layout);
  return {
    hiddenEdgeKinds: new Set(q.getAll(P.edge)),
    hiddenNodeKinds: new Set(q.getAll(P.node)),
    direction: dir === 'in' || dir === 'out' ? dir : 'both',
    depth: q.get(P.depth) === '2' ? 2 : 1,
    layout: layout && layout in LAYOUTS ? (layout as LayoutName) : 'concentric',
  };
}

function writeState(s: State): void {
  if (document.documentElement.dataset.tab !== 'graph') return;
  const url = new URL(location.href);
  for (const key of Object.values(P)) url.searchParams.delete(key);
  for (const k of [...s.hiddenEdgeKinds].sort()) url.searchParams.append(P.edge, k);
  for (const k of [...s.hiddenNodeKinds].sort()) url.searchParams.append(P.node, k);
  if (s.direction !== 'both') url.searchParams.set(P.dir, s.direction);
  if (s.depth === 2) url.searchParams.set(P.depth, '2');
  if (s.layout !== 'concentric') url.searchParams.set(P.layout, s.layout);
  history.replaceState(history.state, '', url);
}

function confidenceOf(e: GraphEdge): string | undefined {
  const c = e.attributes?.confidence;
  return typeof c === 'string' ? c : undefined;
}

function attributeText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export class RecordGraphApp {
  private readonly store = new GraphStore();
  private state = readState();
  private canvas!: GraphCanvas;
  private view!: NeighbourhoodView;
  private selected: string | null = null;
  private drawn = 0;
  private readonly q = <T extends Element>(sel: string) => this.root.querySelector<T>(sel)!;

  constructor(
    private readonly root: HTMLElement,
    private readonly id: string,
    private readonly path: string,
  ) {}

  async start(): Promise<void> {
    const t0 = performance.now();
    const ui = this.q<HTMLElement>('.graph-ui');
    // The controls only work with this script, so it writes them (the page carries only the table).
    ui.innerHTML = recordGraphControlsHtml(this.id).value;
    ui.hidden = false;
    this.status('Loading the neighbourhood…');
    this.canvas = await GraphCanvas.create({
      container: this.q('.graph-canvas'),
      onSelect: (id) => this.select(id),
      onActivate: (id) => this.navigate(id),
    });
    this.wireControls();
    try {
      this.store.add(await fetchNeighbourhood(this.path));
    } catch (err) {
      this.status(`The graph could not be loaded (${(err as Error).message}). The table below lists every connection.`);
      return;
    }
    await this.render({ relayout: true });
    this.root.dataset.firstDrawMs = String(Math.round(performance.now() - t0));
  }

  resize(): void {
    this.canvas?.resize();
  }

  private wireControls(): void {
    const form = this.q<HTMLFormElement>('.graph-filters');
    form.addEventListener('submit', (e) => e.preventDefault());
    form.addEventListener('change', (e) => {
      const t = e.target as HTMLInputElement | HTMLSelectElement;
      if (t.name === 'edge-kind' || t.name === 'node-kind') {
        const set = (t.name === 'edge-kind' ? this.state.hiddenEdgeKinds : this.state.hiddenNodeKinds) as Set<string>;
        if ((t as HTMLInputElement).checked) set.delete(t.value);
        else set.add(t.value);
        void this.render({ relayout: true });
      } else if (t.name === 'direction') {
        this.state.direction = t.value as Direction;
        void this.render({ relayout: true });
      } else if (t.name === 'depth') {
        this.state.depth = t.value === '2' ? 2 : 1;
        void this.render({ relayout: true });
      } else if (t.name === 'layout') {
        this.state.layout = t.value as LayoutName;
        writeState(this.state);
        void this.canvas.layout(this.state.layout);
      }
    });
    form.addEventListener('click', (e) => {
      const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-all]');
      if (!b) return;
      const edge = b.dataset.all!.startsWith('edge');
      const set = (edge ? this.state.hiddenEdgeKinds : this.state.hiddenNodeKinds) as Set<string>;
      set.clear();
      if (b.dataset.all!.endsWith('none')) for (const k of (edge ? this.view.edgeKindCounts : this.view.nodeKindCounts).keys()) set.add(k);
      void this.render({ relayout: true });
    });
    const tools = this.q<HTMLElement>('.graph-toolbar');
    tools.addEventListener('click', (e) => {
      const action = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]')?.dataset.action;
      if (action === 'fit') this.canvas.fit();
      else if (action === 'zoom-in') this.canvas.zoom(1.25);
      else if (action === 'zoom-out') this.canvas.zoom(0.8);
      else if (action === 'reset') {
        this.select(null);
        void this.canvas.layout(this.state.layout);
      } else if (action === 'png') void this.canvas.png().then((blob) => download(`${safeName(this.id)}-graph.png`, blob));
      else if (action === 'svg') download(`${safeName(this.id)}-graph.svg`, this.canvas.svg(`Neighbourhood of ${this.id}`), 'image/svg+xml');
    });
    const focus = this.q<HTMLSelectElement>('.graph-focus');
    focus.addEventListener('change', () => {
      if (focus.value) this.select(focus.value, { centre: true });
    });
    this.q<HTMLElement>('.graph-side').addEventListener('click', (e) => {
      if ((e.target as HTMLElement).closest('[data-action="close"]')) {
        this.select(null);
        this.q<HTMLElement>('.graph-canvas').focus();
      }
    });
  }

  /** Loads what depth 2 needs: the files of every drawn ring-1 node. */
  private async loadRing2(view: NeighbourhoodView): Promise<void> {
    const todo = view.nodes.filter((n) => n.depth === 1 && n.path && !this.store.complete.has(n.id));
    let done = 0;
    await eachLimited(todo, 6, async (n) => {
      try {
        this.store.add(await fetchNeighbourhood(n.path!));
      } catch {
        // A missing file only leaves that node's ring incomplete; the view lists what is missing.
      }
      done += 1;
      if (done % 5 === 0 || done === todo.length) this.status(`Loading the second ring: ${done} of ${todo.length} records…`);
    });
  }

  private async render(opts: { relayout: boolean }): Promise<void> {
    const ticket = ++this.drawn;
    writeState(this.state);
    let view = selectView(this.store, this.id, this.state);
    if (this.state.depth === 2 && view.missing.length) {
      await this.loadRing2(view);
      if (ticket !== this.drawn) return;
      view = selectView(this.store, this.id, this.state);
    }
    this.view = view;
    this.canvas.setElements(
      view.nodes.map((n) => ({ id: n.id, label: n.name, kind: nodeKindOf(n), depth: n.depth, dangling: !n.kind, centre: n.id === this.id, title: `${n.name} — ${n.id}${n.kind ? ` (${n.kind})` : ' (unresolved)'}` })),
      view.edges.map((e, i) => ({ id: `e${i}`, source: e.from, target: e.to, kind: e.kind, confidence: confidenceOf(e), label: confidenceOf(e) ? `${e.kind} (${confidenceOf(e)})` : e.kind })),
      this.id,
    );
    if (opts.relayout) await this.canvas.layout(this.state.layout);
    if (ticket !== this.drawn) return;
    this.renderFilters();
    this.renderStatus();
    this.renderLegend();
    this.renderFocusList();
    this.renderTable();
    if (this.selected && view.nodes.some((n) => n.id === this.selected)) this.select(this.selected);
    else this.select(null);
    this.root.dataset.state = 'ready';
    this.root.dataset.nodes = String(view.nodes.length);
    this.root.dataset.edges = String(view.edges.length);
  }

  private status(text: string): void {
    this.q<HTMLElement>('.graph-status').textContent = text;
  }

  private renderStatus(): void {
    const v = this.view;
    const neighbours = v.nodes.length - 1;
    const filtered = this.state.hiddenEdgeKinds.size + this.state.hiddenNodeKinds.size > 0 || this.state.direction !== 'both';
    let text = `${plural(neighbours, 'record')} and ${plural(v.edges.length, 'edge')} drawn`;
    if (this.state.depth === 2) text += ` (${v.ring1.shown} at one hop, ${v.ring2.shown} at two)`;
    text += '.';
    if (filtered) text += ' Filters are on.';
    // Only the record itself: the same words as the server-rendered summary.
    else if (neighbours === 0) text = NO_CONNECTIONS;
    this.status(text);
    const notice = this.q<HTMLElement>('.graph-cap');
    const cap = capNotice(v);
    notice.hidden = !cap;
    const why = v.ring2.shown < v.ring2.total ? 'neighbours are chosen by edge kind, then name; second-degree records by how many neighbours reach them' : 'neighbours are chosen by edge kind, then name';
    notice.textContent = cap ? `${cap} (${why}).` : '';
  }

  private renderFilters(): void {
    const active = document.activeElement as HTMLInputElement | null;
    const refocus = active?.closest('.graph-filters') && active.name ? `input[name="${active.name}"][value="${CSS.escape(active.value)}"]` : null;
    const list = (name: string, counts: Map<string, number>, hidden: ReadonlySet<string>, swatch: boolean) => {
      const kinds = [...new Set([...counts.keys(), ...hidden])].sort();
      if (!kinds.length) return '<p class="muted">None.</p>';
      return kinds
        .map((k) => {
          const dot = swatch ? `<span class="swatch" style="background:${kindColour(k)}" aria-hidden="true"></span>` : '';
          return `<label class="check"><input type="checkbox" name="${name}" value="${escapeHtml(k)}"${hidden.has(k) ? '' : ' checked'}>${dot}<span class="k">${escapeHtml(k)}</span> <span class="count">${(counts.get(k) ?? 0).toLocaleString('en-US')}</span></label>`;
        })
        .join('');
    };
    this.q<HTMLElement>('.gf-edge-list').innerHTML = list('edge-kind', this.view.edgeKindCounts, this.state.hiddenEdgeKinds, false);
    this.q<HTMLElement>('.gf-node-list').innerHTML = list('node-kind', this.view.nodeKindCounts, this.state.hiddenNodeKinds, true);
    for (const r of this.root.querySelectorAll<HTMLInputElement>('input[name="direction"]')) r.checked = r.value === this.state.direction;
    for (const r of this.root.querySelectorAll<HTMLInputElement>('input[name="depth"]')) r.checked = r.value === String(this.state.depth);
    this.q<HTMLSelectElement>('select[name="layout"]').value = this.state.layout;
    if (refocus) this.root.querySelector<HTMLElement>(refocus)?.focus();
  }

  private renderLegend(): void {
    const kinds = new Map<string, number>();
    for (const n of this.view.nodes) kinds.set(nodeKindOf(n), (kinds.get(nodeKindOf(n)) ?? 0) + 1);
    const items = [...kinds]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, n]) => `<li><span class="swatch${k === UNRESOLVED_KIND ? ' dangling' : ''}" style="background:${kindColour(k)}" aria-hidden="true"></span>${escapeHtml(k)} <span class="count">${n}</span></li>`);
    this.q<HTMLElement>('.graph-legend-kinds').innerHTML = items.join('');
  }

  private renderFocusList(): void {
    const select = this.q<HTMLSelectElement>('.graph-focus');
    const nodes = [...this.view.nodes].sort((a, b) => a.depth - b.depth || (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
    select.innerHTML =
      '<option value="">Choose a record…</option>' +
      nodes.map((n) => `<option value="${escapeHtml(n.id)}">${n.depth === 0 ? '● ' : n.depth === 2 ? '·· ' : '· '}${escapeHtml(n.name)} (${escapeHtml(nodeKindOf(n))})</option>`).join('');
  }

  private renderTable(): void {
    const cell = (id: string) => {
      const n = this.store.nodes.get(id)!;
      if (id === this.id) return `<strong>${escapeHtml(n.name)}</strong> <span class="muted">(this record)</span>`;
      if (!n.path) return `<span class="badge unresolved">unresolved</span> <code>${escapeHtml(id)}</code>`;
      return `<a href="${escapeHtml(recordUrl(n.path))}">${escapeHtml(n.name)}</a> <span class="muted">${escapeHtml(n.kind ?? '')}</span>`;
    };
    const rows = this.view.edges.map(
      (e) =>
        `<tr data-edge-kind="${escapeHtml(e.kind)}" data-from="${escapeHtml(e.from)}" data-to="${escapeHtml(e.to)}"><td>${cell(e.from)}</td><td><code>${escapeHtml(e.kind)}</code></td><td>${cell(e.to)}</td><td>${escapeHtml(confidenceOf(e) ?? '')}</td></tr>`,
    );
    // A record without connections has no table on its page, only the sentence that says so.
    const body = this.root.querySelector<HTMLElement>('.neighbours tbody');
    if (!body) return;
    body.innerHTML = rows.join('');
    this.q<HTMLElement>('.graph-table-summary').textContent = `The drawn graph as a table: ${plural(this.view.edges.length, 'edge')} between ${plural(this.view.nodes.length, 'record')}.`;
  }

  private select(id: string | null, opts: { centre?: boolean } = {}): void {
    this.selected = id;
    const side = this.q<HTMLElement>('.graph-side');
    const focus = this.q<HTMLSelectElement>('.graph-focus');
    focus.value = id ?? '';
    const node = id ? this.store.nodes.get(id) : undefined;
    if (!node) {
      side.hidden = true;
      this.canvas.selectNode(null);
      return;
    }
    const edges = this.view.edges.filter((e) => e.from === node.id || e.to === node.id);
    const edgeItems = edges
      .map((e) => {
        const out = e.from === node.id;
        const other = this.store.nodes.get(out ? e.to : e.from)!;
        const attrs = Object.entries(e.attributes ?? {})
          .map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(attributeText(v))}</dd></div>`)
          .join('');
        return `<li><code>${out ? '' : '← '}${escapeHtml(e.kind)}${out ? ' →' : ''}</code> ${escapeHtml(other.name)}${attrs ? `<dl>${attrs}</dl>` : ''}</li>`;
      })
      .join('');
    side.innerHTML = `
      <div class="side-head"><h3>${escapeHtml(node.name)}</h3><button type="button" data-action="close" aria-label="Close details">×</button></div>
      <p><span class="badge kind">${escapeHtml(nodeKindOf(node))}</span> <code class="id">${escapeHtml(node.id)}</code></p>
      ${node.path ? `<p><a class="button" href="${escapeHtml(recordUrl(node.path))}">Open record page</a></p>` : '<p class="muted">No record has this id: the edge points nowhere.</p>'}
      <h4>${plural(edges.length, 'connection')} drawn</h4>
      <ul class="side-edges">${edgeItems}</ul>`;
    side.hidden = false;
    // The panel narrows the canvas: re-measure before centring on the node.
    this.canvas.selectNode(id, opts);
  }

  private navigate(id: string): void {
    const node = this.store.nodes.get(id);
    if (node?.path && id !== this.id) location.href = recordUrl(node.path);
  }
}
