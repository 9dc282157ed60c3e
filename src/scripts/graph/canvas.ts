/**
 * The drawing surface shared by the graph tab, the explorer and the schema graph: cytoscape with
 * the site's colours (light and dark), kind colours, confidence-styled edges, layouts, fit / zoom /
 * reset, keyboard panning, hover tooltips, and PNG / SVG export.
 *
 * cytoscape is fetched when the first canvas is created, so the library reaches the browser only
 * when a graph is actually shown. It is published as its own prebuilt module by
 * src/build/vendor-step.ts instead of being bundled (see there).
 */
import type cytoscape from 'cytoscape';
import type { Core, ElementDefinition, LayoutOptions, NodeSingular } from 'cytoscape';
import { writeSvg, type SvgEdge, type SvgNode } from './svg-export';

export const LAYOUTS = {
  concentric: 'Concentric (rings)',
  breadthfirst: 'Tree (breadth-first)',
  cose: 'Force-directed',
  circle: 'Circle',
  grid: 'Grid',
} as const;
export type LayoutName = keyof typeof LAYOUTS;

export interface CanvasNode {
  id: string;
  label: string;
  kind: string;
  /** Ring (0 = centre): used by the concentric and tree layouts. */
  depth?: number;
  dangling?: boolean;
  centre?: boolean;
  /** Extra classes, e.g. `path`. */
  classes?: string[];
  /** Diameter override (the schema graph sizes kinds by count). */
  size?: number;
  /** Hover text (defaults to the id). */
  title?: string;
}

export interface CanvasEdge {
  id: string;
  source: string;
  target: string;
  kind: string;
  /** Edge label shown on hover (defaults to the kind). */
  label?: string;
  confidence?: string;
  classes?: string[];
  width?: number;
}

/** Confidence values to a line style; unknown values draw as plain thin lines. */
export function confidenceStyle(confidence: string | undefined): 'strong' | 'medium' | 'weak' | 'none' {
  switch ((confidence ?? '').toLowerCase()) {
    case 'high':
    case 'primary':
      return 'strong';
    case 'medium':
    case 'secondary':
      return 'medium';
    case 'low':
      return 'weak';
    default:
      return 'none';
  }
}

/** A stable colour per kind (same kind, same colour on every page). */
export function kindColour(kind: string): string {
  if (kind === '(unresolved)') return '#9aa3ad';
  let h = 2166136261;
  for (let i = 0; i < kind.length; i++) h = Math.imul(h ^ kind.charCodeAt(i), 16777619);
  const hue = (h >>> 0) % 360;
  const light = 48 + ((h >>> 9) % 3) * 6;
  return `hsl(${hue}, 62%, ${light}%)`;
}

interface Theme {
  bg: string;
  fg: string;
  soft: string;
  border: string;
  accent: string;
  focus: string;
}

function readTheme(): Theme {
  // The palette is written as light-dark(…), which only a used colour resolves: read each
  // variable through a probe element's computed colour.
  const probe = document.createElement('span');
  probe.hidden = true;
  document.body.append(probe);
  const v = (name: string, fallback: string) => {
    probe.style.color = `var(${name}, ${fallback})`;
    return getComputedStyle(probe).color || fallback;
  };
  const theme = { bg: v('--bg', '#fff'), fg: v('--fg', '#1b2330'), soft: v('--fg-soft', '#4f5b6b'), border: v('--border', '#d5dce5'), accent: v('--accent', '#2b59c3'), focus: v('--focus', '#ff9d00') };
  probe.remove();
  return theme;
}

function stylesheet(t: Theme): cytoscape.StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(label)',
        color: t.fg,
        'font-size': 11,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        'text-background-color': t.bg,
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        'border-width': 1,
        'border-color': t.bg,
      },
    },
    { selector: 'node.centre', style: { 'border-width': 4, 'border-color': t.accent, 'font-weight': 'bold', 'font-size': 13, 'z-index': 10 } },
    { selector: 'node.dangling', style: { 'background-opacity': 0.15, 'border-style': 'dashed', 'border-width': 2, 'border-color': t.soft, 'font-style': 'italic' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': t.focus, 'overlay-opacity': 0 } },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': t.focus } },
    { selector: 'node.faded, edge.faded', style: { opacity: 0.25 } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': t.soft,
        'target-arrow-color': t.soft,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        opacity: 0.7,
        'font-size': 10,
        color: t.fg,
        'text-background-color': t.bg,
        'text-background-opacity': 0.9,
        'text-rotation': 'autorotate',
      },
    },
    { selector: 'edge.conf-strong', style: { 'line-style': 'solid', opacity: 0.9 } },
    { selector: 'edge.conf-medium', style: { 'line-style': 'dashed' } },
    { selector: 'edge.conf-weak', style: { 'line-style': 'dotted' } },
    { selector: 'edge.hover, edge:selected, edge.near', style: { label: 'data(label)', opacity: 1, 'line-color': t.accent, 'target-arrow-color': t.accent, 'z-index': 20 } },
    { selector: 'edge.path', style: { 'line-color': t.focus, 'target-arrow-color': t.focus, width: 4, opacity: 1, label: 'data(label)' } },
  ];
}

export interface CanvasOptions {
  container: HTMLElement;
  /** Called when a node is selected (click, tap, or `selectNode`); null when the selection is cleared. */
  onSelect?: (id: string | null) => void;
  /** Called on double-click / double-tap of a node. */
  onActivate?: (id: string) => void;
}

let loading: Promise<typeof cytoscape> | undefined;

function loadCytoscape(): Promise<typeof cytoscape> {
  const base = document.documentElement.dataset.base ?? '/';
  loading ??= import(/* @vite-ignore */ `${base}vendor/cytoscape/cytoscape.esm.min.mjs`).then((m: { default: typeof cytoscape }) => m.default);
  return loading;
}

export class GraphCanvas {
  readonly cy: Core;
  private theme: Theme;
  private tooltip: HTMLElement;
  private centreId: string | undefined;

  /** Loads the graph library (once per page) and draws an empty canvas into `opts.container`. */
  static async create(opts: CanvasOptions): Promise<GraphCanvas> {
    return new GraphCanvas(opts, await loadCytoscape());
  }

  private constructor(
    private readonly opts: CanvasOptions,
    createCore: typeof cytoscape,
  ) {
    this.theme = readTheme();
    this.cy = createCore({
      container: opts.container,
      style: stylesheet(this.theme),
      minZoom: 0.1,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    this.tooltip = document.createElement('div');
    this.tooltip.className = 'graph-tooltip';
    this.tooltip.setAttribute('role', 'tooltip');
    this.tooltip.hidden = true;
    opts.container.parentElement?.append(this.tooltip);

    this.cy.on('tap', 'node', (e) => opts.onSelect?.(e.target.id()));
    this.cy.on('tap', (e) => {
      if (e.target === this.cy) opts.onSelect?.(null);
    });
    this.cy.on('dbltap', 'node', (e) => opts.onActivate?.(e.target.id()));
    this.cy.on('mouseover', 'node', (e) => this.showTip(e.target as NodeSingular));
    this.cy.on('mouseout', 'node', () => (this.tooltip.hidden = true));
    this.cy.on('mouseover', 'edge', (e) => e.target.addClass('hover'));
    this.cy.on('mouseout', 'edge', (e) => e.target.removeClass('hover'));
    this.cy.on('pan zoom', () => (this.tooltip.hidden = true));

    opts.container.addEventListener('keydown', (e) => this.onKey(e));
    new ResizeObserver(() => this.cy.resize()).observe(opts.container);
    // Follow the theme toggle and the system preference.
    new MutationObserver(() => this.restyle()).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => this.restyle());
  }

  private restyle(): void {
    this.theme = readTheme();
    this.cy.style(stylesheet(this.theme));
  }

  private showTip(node: NodeSingular): void {
    const p = node.renderedPosition();
    this.tooltip.textContent = node.data('title') as string;
    this.tooltip.style.left = `${p.x}px`;
    this.tooltip.style.top = `${p.y + (node.renderedHeight() as number) / 2 + 22}px`;
    this.tooltip.hidden = false;
  }

  private onKey(e: KeyboardEvent): void {
    const step = e.shiftKey ? 200 : 60;
    const pan: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (pan[e.key]) {
      this.cy.panBy({ x: pan[e.key]![0], y: pan[e.key]![1] });
    } else if (e.key === '+' || e.key === '=') this.zoom(1.25);
    else if (e.key === '-' || e.key === '_') this.zoom(0.8);
    else if (e.key === '0') this.fit();
    else if (e.key === 'Enter') {
      const selected = this.cy.nodes(':selected');
      if (selected.nonempty()) this.opts.onActivate?.(selected.first().id());
    } else if (e.key === 'Escape') {
      this.cy.elements().unselect();
      this.opts.onSelect?.(null);
    } else return;
    e.preventDefault();
  }

  /** Replaces every element. */
  setElements(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[], centre?: string): void {
    this.centreId = centre;
    const els: ElementDefinition[] = [];
    for (const n of nodes) {
      const classes = [...(n.classes ?? [])];
      if (n.centre) classes.push('centre');
      if (n.dangling) classes.push('dangling');
      els.push({
        group: 'nodes',
        data: { id: n.id, label: n.label, kind: n.kind, depth: n.depth ?? 1, colour: kindColour(n.kind), size: n.size ?? (n.centre ? 44 : 26), title: n.title ?? n.id },
        classes,
      });
    }
    for (const e of edges) {
      const style = confidenceStyle(e.confidence);
      els.push({
        group: 'edges',
        data: { id: e.id, source: e.source, target: e.target, kind: e.kind, label: e.label ?? e.kind, width: e.width ?? (style === 'strong' ? 2.5 : style === 'none' ? 1.5 : 2) },
        classes: [`conf-${style}`, ...(e.classes ?? [])],
      });
    }
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(els);
    });
  }

  layout(name: LayoutName): Promise<void> {
    const centre = this.centreId;
    const n = this.cy.nodes().length;
    const options: Record<LayoutName, LayoutOptions> = {
      concentric: {
        name: 'concentric',
        concentric: (node: NodeSingular) => 10 - Number(node.data('depth') ?? 1),
        levelWidth: () => 1,
        minNodeSpacing: n > 80 ? 8 : n > 40 ? 20 : 40,
        animate: false,
      } as LayoutOptions,
      breadthfirst: { name: 'breadthfirst', roots: centre && this.cy.getElementById(centre).nonempty() ? this.cy.getElementById(centre) : undefined, circle: n > 30, spacingFactor: 1.1, animate: false } as unknown as LayoutOptions,
      cose: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 8000, idealEdgeLength: () => 80 } as unknown as LayoutOptions,
      circle: { name: 'circle', animate: false },
      grid: { name: 'grid', animate: false },
    };
    return new Promise((resolve) => {
      const layout = this.cy.layout({ ...options[name], fit: true, padding: 30 } as LayoutOptions);
      layout.one('layoutstop', () => resolve());
      layout.run();
    });
  }

  fit(ids?: readonly string[]): void {
    const els = ids?.length ? this.cy.nodes().filter((n) => ids.includes(n.id())) : this.cy.elements();
    this.cy.fit(els, 30);
  }

  zoom(factor: number): void {
    const c = this.cy;
    c.zoom({ level: Math.max(c.minZoom(), Math.min(c.maxZoom(), c.zoom() * factor)), renderedPosition: { x: c.width() / 2, y: c.height() / 2 } });
  }

  /** Selects a node and brings it into view; its edges are labelled. */
  selectNode(id: string | null, opts: { centre?: boolean } = {}): void {
    this.cy.resize();
    this.cy.elements().unselect();
    this.cy.edges().removeClass('near');
    if (!id) return;
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    node.select();
    node.connectedEdges().addClass('near');
    if (opts.centre) this.cy.animate({ center: { eles: node }, duration: 150 });
  }

  /** Node ids in their drawn order (for the keyboard node list). */
  nodeIds(): string[] {
    return this.cy.nodes().map((n) => n.id());
  }

  async png(): Promise<Blob> {
    return this.cy.png({ output: 'blob-promise', full: true, scale: 2, bg: this.theme.bg });
  }

  svg(title: string): string {
    const nodes: SvgNode[] = this.cy.nodes().map((n) => ({
      x: n.position('x'),
      y: n.position('y'),
      size: Number(n.data('size')),
      fill: n.hasClass('dangling') ? this.theme.bg : String(n.data('colour')),
      stroke: n.hasClass('centre') ? this.theme.accent : n.hasClass('dangling') ? this.theme.soft : this.theme.bg,
      strokeWidth: n.hasClass('centre') ? 4 : n.hasClass('dangling') ? 2 : 1,
      dashed: n.hasClass('dangling'),
      label: String(n.data('label')),
      title: String(n.data('title')),
    }));
    const edges: SvgEdge[] = this.cy.edges().map((e) => ({
      x1: e.source().position('x'),
      y1: e.source().position('y'),
      x2: e.target().position('x'),
      y2: e.target().position('y'),
      colour: this.theme.soft,
      width: Number(e.data('width')),
      style: e.hasClass('conf-medium') ? 'dashed' : e.hasClass('conf-weak') ? 'dotted' : 'solid',
      targetRadius: Number(e.target().data('size')) / 2 + 1,
      title: `${e.source().id()} ${String(e.data('kind'))} ${e.target().id()}`,
    }));
    return writeSvg(nodes, edges, { background: this.theme.bg, text: this.theme.fg, title });
  }

  resize(): void {
    this.cy.resize();
  }

  destroy(): void {
    this.cy.destroy();
    this.tooltip.remove();
  }
}
