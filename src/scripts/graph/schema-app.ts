/**
 * /graph/schema/: node kinds as nodes (sized by record count), declared edge kinds as edges
 * (labelled with how many edges use them). Unused kinds and edge kinds are hidden until asked for.
 */
import { escapeHtml } from '../../site/escape-html';
import type { SchemaGraph } from '../../site/graph-schema';
import { GraphCanvas, type LayoutName } from './canvas';
import { download } from '../download';

export async function startSchemaGraph(root: HTMLElement): Promise<void> {
  const data = JSON.parse(root.querySelector('script[type="application/json"]')!.textContent!) as SchemaGraph;
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  q<HTMLElement>('.graph-ui').hidden = false;
  const records = new Map(data.kinds.map((k) => [k.kind, k.records]));
  const canvas = await GraphCanvas.create({ container: q('.graph-canvas'), onSelect: (id) => select(id) });
  let layout: LayoutName = 'cose';
  const showEmpty = q<HTMLInputElement>('input[name="empty-kinds"]');
  const showUnused = q<HTMLInputElement>('input[name="unused-edges"]');
  let edges: SchemaGraph['edges'] = [];

  const draw = async () => {
    edges = data.edges.filter((e) => showUnused.checked || e.edges > 0);
    const used = new Set(edges.flatMap((e) => [e.source, e.target]));
    const kinds = data.kinds.filter((k) => k.records > 0 || (showEmpty.checked && used.has(k.kind)) || (showEmpty.checked && showUnused.checked));
    const drawn = new Set(kinds.map((k) => k.kind));
    edges = edges.filter((e) => drawn.has(e.source) && drawn.has(e.target));
    canvas.setElements(
      kinds.map((k) => ({ id: k.kind, label: `${k.kind} (${k.records})`, kind: k.kind, size: 18 + Math.min(40, Math.log2(1 + k.records) * 4), dangling: !k.declared, title: `${k.kind}: ${k.records} records${k.declared ? '' : ' (not declared)'}` })),
      edges.map((e, i) => ({ id: `e${i}`, source: e.source, target: e.target, kind: e.kind, label: `${e.kind} (${e.edges})`, confidence: e.edges > 0 ? 'high' : 'low', width: 1 + Math.min(5, Math.log2(1 + e.edges) / 2) })),
    );
    await canvas.layout(layout);
    q<HTMLElement>('.graph-status').textContent = `${kinds.length} node kinds and ${edges.length} declared connections drawn.`;
    q<HTMLSelectElement>('.graph-focus').innerHTML = '<option value="">Choose a kind…</option>' + kinds.map((k) => `<option value="${escapeHtml(k.kind)}">${escapeHtml(k.kind)} (${k.records})</option>`).join('');
    root.dataset.state = 'ready';
  };

  const select = (id: string | null, opts: { centre?: boolean } = {}) => {
    const side = q<HTMLElement>('.graph-side');
    q<HTMLSelectElement>('.graph-focus').value = id ?? '';
    if (!id) {
      side.hidden = true;
      canvas.selectNode(null);
      return;
    }
    const out = edges.filter((e) => e.source === id);
    const inc = edges.filter((e) => e.target === id && e.source !== id);
    const li = (e: SchemaGraph['edges'][number], dir: 'out' | 'in') => `<li><code>${dir === 'in' ? '← ' : ''}${escapeHtml(e.kind)}${dir === 'out' ? ' →' : ''}</code> ${escapeHtml(dir === 'out' ? e.target : e.source)} <span class="muted">${e.edges} edges</span></li>`;
    side.innerHTML = `<div class="side-head"><h3>${escapeHtml(id)}</h3><button type="button" data-action="close" aria-label="Close details">×</button></div>
      <p>${records.get(id) ?? 0} records</p>
      <h4>Outgoing edge kinds</h4><ul class="side-edges">${out.map((e) => li(e, 'out')).join('') || '<li class="muted">None drawn.</li>'}</ul>
      <h4>Incoming edge kinds</h4><ul class="side-edges">${inc.map((e) => li(e, 'in')).join('') || '<li class="muted">None drawn.</li>'}</ul>`;
    side.hidden = false;
    canvas.selectNode(id, opts);
  };

  q<HTMLElement>('.graph-side').addEventListener('click', (e) => {
    if ((e.target as HTMLElement).closest('[data-action="close"]')) select(null);
  });
  q<HTMLSelectElement>('.graph-focus').addEventListener('change', (e) => {
    const v = (e.target as HTMLSelectElement).value;
    if (v) select(v, { centre: true });
  });
  q<HTMLSelectElement>('select[name="layout"]').addEventListener('change', (e) => {
    layout = (e.target as HTMLSelectElement).value as LayoutName;
    void canvas.layout(layout);
  });
  showEmpty.addEventListener('change', () => void draw());
  showUnused.addEventListener('change', () => void draw());
  q<HTMLElement>('.graph-toolbar').addEventListener('click', (e) => {
    const action = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]')?.dataset.action;
    if (action === 'fit') canvas.fit();
    else if (action === 'zoom-in') canvas.zoom(1.25);
    else if (action === 'zoom-out') canvas.zoom(0.8);
    else if (action === 'reset') void canvas.layout(layout);
    else if (action === 'png') void canvas.png().then((b) => download('atlas-schema.png', b));
    else if (action === 'svg') download('atlas-schema.svg', canvas.svg('Atlas schema'), 'image/svg+xml');
  });
  await draw();
}
