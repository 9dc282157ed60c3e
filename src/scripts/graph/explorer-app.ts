/**
 * The whole-atlas explorer at /graph/: start from any record, expand neighbours one record at a
 * time (each expansion fetches that record's neighbourhood file, never the whole graph), remove
 * nodes, filter by kind, and find shortest paths between two records. The URL holds all of it:
 *
 *   ?seed=<id>&x=<expanded id>&rm=<removed id>&nk=<hidden kind>&from=<id>&to=<id>&layout=<name>
 */
import { escapeHtml } from '../../site/escape-html';
import { DISPLAY_CAP, GraphStore, compareText, nodeKindOf, type GraphEdge } from '../../pipeline/graph-data';
import { findShortestPaths, type PathSearchResult } from '../../pipeline/graph-paths';
import { GraphCanvas, LAYOUTS, kindColour, type LayoutName } from './canvas';
import { plural } from '../../site/plural';
import { download } from '../download';
import { fetchIds, recordUrl, type IdIndex } from '../site-urls';
import { fetchNeighbourhood } from './data';
import { attachPicker } from './record-picker';

interface State {
  seeds: string[];
  expanded: string[];
  removed: string[];
  hiddenKinds: Set<string>;
  from: string;
  to: string;
  layout: LayoutName;
}

const uniq = (xs: string[]) => [...new Set(xs)];

export function readExplorerState(search: string): State {
  const q = new URLSearchParams(search);
  const layout = q.get('layout');
  return {
    seeds: uniq(q.getAll('seed')),
    expanded: uniq(q.getAll('x')),
    removed: uniq(q.getAll('rm')),
    hiddenKinds: new Set(q.getAll('nk')),
    from: q.get('from') ?? '',
    to: q.get('to') ?? '',
    layout: layout && layout in LAYOUTS ? (layout as LayoutName) : 'cose',
  };
}

export function explorerSearch(s: State): string {
  const q = new URLSearchParams();
  for (const id of s.seeds) q.append('seed', id);
  for (const id of s.expanded) q.append('x', id);
  for (const id of s.removed) q.append('rm', id);
  for (const k of [...s.hiddenKinds].sort()) q.append('nk', k);
  if (s.from) q.set('from', s.from);
  if (s.to) q.set('to', s.to);
  if (s.layout !== 'cose') q.set('layout', s.layout);
  const text = q.toString();
  return text ? `?${text}` : '';
}

export class ExplorerApp {
  private readonly store = new GraphStore();
  private state = readExplorerState(location.search);
  private canvas!: GraphCanvas;
  private ids!: IdIndex;
  private selected: string | null = null;
  private paths: PathSearchResult | null = null;
  private visible = new Set<string>();
  private edges: GraphEdge[] = [];
  private readonly q = <T extends Element>(sel: string) => this.root.querySelector<T>(sel)!;

  constructor(private readonly root: HTMLElement) {}

  async start(): Promise<void> {
    this.q<HTMLElement>('.graph-ui').hidden = false;
    this.canvas = await GraphCanvas.create({ container: this.q('.graph-canvas'), onSelect: (id) => this.select(id), onActivate: (id) => this.expand(id) });
    this.ids = await fetchIds();
    attachPicker(this.q('#explorer-add'), (id) => this.addSeed(id));
    attachPicker(this.q('#path-from'), (id) => this.setEnd('from', id));
    attachPicker(this.q('#path-to'), (id) => this.setEnd('to', id));
    this.wire();
    addEventListener('popstate', () => {
      this.state = readExplorerState(location.search);
      void this.refresh({ relayout: true, search: true });
    });
    await this.refresh({ relayout: true, search: true });
  }

  private wire(): void {
    this.q<HTMLElement>('.graph-toolbar').addEventListener('click', (e) => {
      const action = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]')?.dataset.action;
      if (action === 'fit') this.canvas.fit();
      else if (action === 'zoom-in') this.canvas.zoom(1.25);
      else if (action === 'zoom-out') this.canvas.zoom(0.8);
      else if (action === 'reset') void this.canvas.layout(this.state.layout);
      else if (action === 'png') void this.canvas.png().then((b) => download('atlas-graph.png', b));
      else if (action === 'svg') download('atlas-graph.svg', this.canvas.svg('Atlas graph'), 'image/svg+xml');
    });
    const focus = this.q<HTMLSelectElement>('.graph-focus');
    focus.addEventListener('change', () => focus.value && this.select(focus.value, { centre: true }));
    this.q<HTMLSelectElement>('select[name="layout"]').addEventListener('change', (e) => {
      this.state.layout = (e.target as HTMLSelectElement).value as LayoutName;
      this.push();
      void this.canvas.layout(this.state.layout);
    });
    this.q<HTMLElement>('.gf-node-list').addEventListener('change', (e) => {
      const box = e.target as HTMLInputElement;
      if (box.checked) this.state.hiddenKinds.delete(box.value);
      else this.state.hiddenKinds.add(box.value);
      void this.refresh({ relayout: true });
    });
    this.q<HTMLElement>('.graph-side').addEventListener('click', (e) => {
      const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
      const id = this.selected;
      if (!b || !id) return;
      const action = b.dataset.action;
      if (action === 'close') {
        this.select(null);
        this.q<HTMLElement>('.graph-canvas').focus();
      } else if (action === 'expand') void this.expand(id);
      else if (action === 'collapse') {
        this.state.expanded = this.state.expanded.filter((x) => x !== id);
        void this.refresh({ relayout: true });
      } else if (action === 'remove') this.remove(id);
      else if (action === 'path-from') this.setEnd('from', id);
      else if (action === 'path-to') this.setEnd('to', id);
    });
    this.q<HTMLFormElement>('.path-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.refresh({ relayout: true, search: true });
    });
    this.q<HTMLElement>('.path-form').addEventListener('click', (e) => {
      const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-clear]');
      if (!b) return;
      this.state[b.dataset.clear as 'from' | 'to'] = '';
      this.paths = null;
      void this.refresh({ relayout: false });
    });
    this.q<HTMLElement>('.explorer-clear').addEventListener('click', () => {
      this.state = { ...readExplorerState(''), layout: this.state.layout };
      this.paths = null;
      void this.refresh({ relayout: true });
    });
  }

  private push(): void {
    const url = `${location.pathname}${explorerSearch(this.state)}`;
    if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
  }

  private addSeed(id: string): void {
    this.state.seeds = uniq([...this.state.seeds, id]);
    this.state.removed = this.state.removed.filter((x) => x !== id);
    this.selected = id;
    void this.expand(id);
  }

  private async expand(id: string): Promise<void> {
    this.state.expanded = uniq([...this.state.expanded, id]);
    this.state.removed = this.state.removed.filter((x) => x !== id);
    await this.refresh({ relayout: true });
    this.select(id, { centre: true });
  }

  private remove(id: string): void {
    this.state.removed = uniq([...this.state.removed, id]);
    this.state.seeds = this.state.seeds.filter((x) => x !== id);
    this.state.expanded = this.state.expanded.filter((x) => x !== id);
    this.select(null);
    void this.refresh({ relayout: false });
  }

  private setEnd(end: 'from' | 'to', id: string): void {
    this.state[end] = id;
    this.paths = null;
    const ready = this.state.from && this.state.to;
    void this.refresh({ relayout: !!ready, search: !!ready });
  }

  private async load(id: string): Promise<void> {
    if (this.store.complete.has(id)) return;
    const entry = this.ids[id];
    if (!entry) return;
    try {
      this.store.add(await fetchNeighbourhood(entry[2]));
    } catch {
      // Left incomplete; the node still shows, without its neighbours.
    }
  }

  /** Makes sure a seed or path end is in the store even before its file arrives. */
  private ensureNode(id: string): void {
    if (this.store.nodes.has(id)) return;
    const entry = this.ids[id];
    this.store.nodes.set(id, entry ? { id, name: entry[0], kind: entry[1], path: entry[2] } : { id, name: id, kind: null, path: null });
  }

  private async findPaths(): Promise<void> {
    const { from, to } = this.state;
    const status = this.q<HTMLElement>('.path-status');
    if (!from || !to) return;
    status.textContent = 'Searching…';
    this.paths = await findShortestPaths(
      from,
      to,
      async (id) => {
        await this.load(id);
        return this.store.neighbours(id);
      },
      { maxLength: 4, maxExpansions: 400, onProgress: (n) => (status.textContent = `Searching… ${n} records looked at.`) },
    );
  }

  private async refresh(opts: { relayout: boolean; search?: boolean }): Promise<void> {
    this.push();
    const s = this.state;
    await Promise.all(s.expanded.map((id) => this.load(id)));
    if (opts.search) await this.findPaths();
    for (const id of [...s.seeds, ...s.expanded, s.from, s.to].filter(Boolean)) this.ensureNode(id);

    // Visible records: seeds, expanded records and their neighbours (capped in stable order), paths.
    const removed = new Set(s.removed);
    const wanted = new Set<string>([...s.seeds, ...s.expanded]);
    const capped: string[] = [];
    for (const id of s.expanded) {
      const ns = this.store.edgesOf(id).map((e) => (e.from === id ? e.to : e.from)).filter((x) => x !== id);
      const distinct = uniq(ns);
      distinct.slice(0, DISPLAY_CAP).forEach((x) => wanted.add(x));
      if (distinct.length > DISPLAY_CAP) capped.push(`${this.store.nodes.get(id)?.name ?? id}: ${DISPLAY_CAP} of ${distinct.length} neighbours shown`);
    }
    const pathNodes = new Set<string>();
    const pathEdges = new Set<string>();
    for (const p of this.paths?.paths ?? []) {
      p.forEach((id, i) => {
        pathNodes.add(id);
        wanted.add(id);
        if (i > 0) for (const e of this.connecting(p[i - 1]!, id)) pathEdges.add(e.key);
      });
    }
    const kindCounts = new Map<string, number>();
    this.visible = new Set();
    for (const id of wanted) {
      if (removed.has(id) && !pathNodes.has(id)) continue;
      const n = this.store.nodes.get(id);
      if (!n) continue;
      const k = nodeKindOf(n);
      kindCounts.set(k, (kindCounts.get(k) ?? 0) + 1);
      if (s.hiddenKinds.has(k) && !pathNodes.has(id) && !s.seeds.includes(id)) continue;
      this.visible.add(id);
    }
    this.edges = [...this.store.edges.values()].filter((e) => this.visible.has(e.from) && this.visible.has(e.to));
    const expanded = new Set(s.expanded);
    this.canvas.setElements(
      [...this.visible].map((id) => {
        const n = this.store.nodes.get(id)!;
        const classes = pathNodes.has(id) ? ['path'] : [];
        return { id, label: n.name, kind: nodeKindOf(n), dangling: !n.kind, centre: s.seeds.includes(id) || id === s.from || id === s.to, depth: expanded.has(id) ? 0 : 1, classes, title: `${n.name} — ${id}${expanded.has(id) ? ' (expanded)' : ''}` };
      }),
      this.edges.map((e, i) => {
        const c = typeof e.attributes?.confidence === 'string' ? e.attributes.confidence : undefined;
        return { id: `e${i}`, source: e.from, target: e.to, kind: e.kind, confidence: c, classes: pathEdges.has(e.key) ? ['path'] : [] };
      }),
      s.seeds[0] ?? s.from,
    );
    if (opts.relayout) await this.canvas.layout(s.layout);
    this.q<HTMLSelectElement>('select[name="layout"]').value = s.layout;
    this.renderKinds(kindCounts);
    this.renderStatus(capped);
    this.renderPaths();
    this.renderList();
    this.select(this.selected && this.visible.has(this.selected) ? this.selected : null);
    this.q<HTMLElement>('.explorer-empty').hidden = this.visible.size > 0;
    this.root.toggleAttribute('data-empty', this.visible.size === 0);
    this.root.dataset.state = 'ready';
    this.root.dataset.nodes = String(this.visible.size);
  }

  private connecting(a: string, b: string): GraphEdge[] {
    return this.store.edgesOf(a).filter((e) => (e.from === a && e.to === b) || (e.from === b && e.to === a));
  }

  private name(id: string): string {
    return this.store.nodes.get(id)?.name ?? this.ids[id]?.[0] ?? id;
  }

  private renderKinds(counts: Map<string, number>): void {
    const kinds = [...new Set([...counts.keys(), ...this.state.hiddenKinds])].sort(compareText);
    this.q<HTMLElement>('.gf-node-list').innerHTML = kinds.length
      ? kinds
          .map(
            (k) =>
              `<label class="check"><input type="checkbox" name="node-kind" value="${escapeHtml(k)}"${this.state.hiddenKinds.has(k) ? '' : ' checked'}><span class="swatch" style="background:${kindColour(k)}" aria-hidden="true"></span><span class="k">${escapeHtml(k)}</span> <span class="count">${counts.get(k) ?? 0}</span></label>`,
          )
          .join('')
      : '<p class="muted">Add a record to start.</p>';
    const legend = kinds.filter((k) => !this.state.hiddenKinds.has(k));
    this.q<HTMLElement>('.graph-legend-kinds').innerHTML = legend.map((k) => `<li><span class="swatch" style="background:${kindColour(k)}" aria-hidden="true"></span>${escapeHtml(k)}</li>`).join('');
  }

  private renderStatus(capped: string[]): void {
    const s = this.state;
    this.q<HTMLElement>('.graph-status').textContent = this.visible.size
      ? `${plural(this.visible.size, 'record')} and ${plural(this.edges.length, 'edge')} drawn; ${s.expanded.length} expanded${s.removed.length ? `, ${s.removed.length} removed` : ''}. Double-click a record (or use “Expand neighbours”) to grow the graph.`
      : '';
    const cap = this.q<HTMLElement>('.graph-cap');
    cap.hidden = !capped.length;
    cap.textContent = capped.length ? `${capped.join('; ')} (chosen by edge kind, then name). Open the record's graph tab to filter.` : '';
    this.q<HTMLElement>('.explorer-state').innerHTML = [
      ...s.seeds.map((id) => `<li><span class="muted">start</span> ${escapeHtml(this.name(id))}</li>`),
      ...s.expanded.filter((id) => !s.seeds.includes(id)).map((id) => `<li><span class="muted">expanded</span> ${escapeHtml(this.name(id))}</li>`),
      ...s.removed.map((id) => `<li><span class="muted">removed</span> ${escapeHtml(this.name(id))}</li>`),
    ].join('');
  }

  private renderPaths(): void {
    const s = this.state;
    this.q<HTMLElement>('.path-from-value').innerHTML = s.from ? `${escapeHtml(this.name(s.from))} <code>${escapeHtml(s.from)}</code> <button type="button" data-clear="from" aria-label="Clear start">×</button>` : '<span class="muted">not set</span>';
    this.q<HTMLElement>('.path-to-value').innerHTML = s.to ? `${escapeHtml(this.name(s.to))} <code>${escapeHtml(s.to)}</code> <button type="button" data-clear="to" aria-label="Clear end">×</button>` : '<span class="muted">not set</span>';
    const status = this.q<HTMLElement>('.path-status');
    const list = this.q<HTMLElement>('.path-list');
    const r = this.paths;
    if (!r) {
      status.textContent = s.from && s.to ? '' : 'Choose two records to see how they are connected.';
      list.innerHTML = '';
      return;
    }
    if (!r.paths.length) {
      status.textContent =
        r.exhausted === 'budget'
          ? `No path found after looking at ${r.expanded} records (the search stops there to keep downloads small).`
          : `No path of up to 4 edges connects them (${r.expanded} records looked at).`;
      list.innerHTML = '';
      return;
    }
    status.textContent = `${r.paths.length === 1 ? 'One shortest path' : `${r.paths.length} shortest paths`} of ${r.length} edge${r.length === 1 ? '' : 's'} (${r.expanded} records looked at).`;
    list.innerHTML = r.paths
      .map((p) => {
        const steps = p.map((id, i) => {
          const node = this.store.nodes.get(id);
          const link = node?.path ? `<a href="${escapeHtml(recordUrl(node.path))}">${escapeHtml(this.name(id))}</a>` : `<code>${escapeHtml(id)}</code>`;
          if (i === 0) return link;
          const hops = this.connecting(p[i - 1]!, id).map((e) => (e.from === id ? `← ${escapeHtml(e.kind)}` : `${escapeHtml(e.kind)} →`));
          return `<span class="hop">${hops.join(' / ')}</span> ${link}`;
        });
        return `<li data-path="${escapeHtml(p.join(' '))}">${steps.join(' ')}</li>`;
      })
      .join('');
  }

  private renderList(): void {
    const select = this.q<HTMLSelectElement>('.graph-focus');
    const ids = [...this.visible].sort((a, b) => compareText(this.name(a).toLowerCase(), this.name(b).toLowerCase()));
    select.innerHTML = '<option value="">Choose a record…</option>' + ids.map((id) => `<option value="${escapeHtml(id)}">${escapeHtml(this.name(id))} (${escapeHtml(nodeKindOf(this.store.nodes.get(id)!))})</option>`).join('');
  }

  private select(id: string | null, opts: { centre?: boolean } = {}): void {
    this.selected = id;
    const side = this.q<HTMLElement>('.graph-side');
    this.q<HTMLSelectElement>('.graph-focus').value = id ?? '';
    const node = id ? this.store.nodes.get(id) : undefined;
    if (!node || !id) {
      side.hidden = true;
      this.canvas.selectNode(null);
      return;
    }
    const edges = this.edges.filter((e) => e.from === id || e.to === id);
    const expanded = this.state.expanded.includes(id);
    const total = this.store.complete.has(id) ? this.store.neighbours(id).length : undefined;
    side.innerHTML = `
      <div class="side-head"><h3>${escapeHtml(node.name)}</h3><button type="button" data-action="close" aria-label="Close details">×</button></div>
      <p><span class="badge kind">${escapeHtml(nodeKindOf(node))}</span> <code class="id">${escapeHtml(id)}</code></p>
      <div class="side-actions">
        ${node.path ? (expanded ? '<button type="button" data-action="collapse">Collapse</button>' : '<button type="button" data-action="expand">Expand neighbours</button>') : ''}
        <button type="button" data-action="remove">Remove</button>
        <button type="button" data-action="path-from">Path from here</button>
        <button type="button" data-action="path-to">Path to here</button>
        ${node.path ? `<a class="button" href="${escapeHtml(recordUrl(node.path))}">Open record page</a>` : ''}
      </div>
      ${total !== undefined ? `<p class="muted">${total} neighbours in the atlas.</p>` : ''}
      <h4>${plural(edges.length, 'connection')} drawn</h4>
      <ul class="side-edges">${edges
        .map((e) => {
          const out = e.from === id;
          const attrs = Object.entries(e.attributes ?? {})
            .map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(typeof v === 'string' ? v : JSON.stringify(v))}</dd></div>`)
            .join('');
          return `<li><code>${out ? '' : '← '}${escapeHtml(e.kind)}${out ? ' →' : ''}</code> ${escapeHtml(this.name(out ? e.to : e.from))}${attrs ? `<dl>${attrs}</dl>` : ''}</li>`;
        })
        .join('')}</ul>`;
    side.hidden = false;
    // The panel narrows the canvas: re-measure before centring on the node.
    this.canvas.selectNode(id, opts);
  }
}
