/**
 * A small SVG writer for the drawn graph: nodes as circles with labels, edges as straight lines
 * with arrowheads, in the positions the layout gave them. Takes plain data (no cytoscape), so the
 * export stays independent of the renderer and needs no extra dependency.
 */
import { escapeHtml } from '../../site/escape-html';

export interface SvgNode {
  x: number;
  y: number;
  /** Diameter. */
  size: number;
  fill: string;
  stroke: string;
  strokeWidth: number;
  dashed?: boolean;
  label: string;
  /** Full id, kept as a tooltip (`<title>`). */
  title: string;
}

export interface SvgEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  colour: string;
  width: number;
  style: 'solid' | 'dashed' | 'dotted';
  /** Radius of the target node, so the arrowhead stops at its rim. */
  targetRadius: number;
  title: string;
}

const num = (n: number) => (Math.round(n * 10) / 10).toString();

export function writeSvg(nodes: readonly SvgNode[], edges: readonly SvgEdge[], opts: { background: string; text: string; title: string }): string {
  const pad = 40;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    minX = Math.min(minX, n.x - n.size / 2 - 80);
    maxX = Math.max(maxX, n.x + n.size / 2 + 80);
    minY = Math.min(minY, n.y - n.size / 2);
    maxY = Math.max(maxY, n.y + n.size / 2 + 22);
  }
  if (!nodes.length) [minX, minY, maxX, maxY] = [0, 0, 100, 100];
  const w = maxX - minX + pad * 2;
  const h = maxY - minY + pad * 2;
  const ox = pad - minX;
  const oy = pad - minY;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${num(w)}" height="${num(h)}" viewBox="0 0 ${num(w)} ${num(h)}" font-family="system-ui, sans-serif" font-size="12">`);
  out.push(`<title>${escapeHtml(opts.title)}</title>`);
  out.push(`<rect width="100%" height="100%" fill="${escapeHtml(opts.background)}"/>`);
  const colours = [...new Set(edges.map((e) => e.colour))];
  out.push('<defs>');
  colours.forEach((c, i) => out.push(`<marker id="arrow${i}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${escapeHtml(c)}"/></marker>`));
  out.push('</defs>');
  out.push('<g class="edges">');
  for (const e of edges) {
    const dx = e.x2 - e.x1;
    const dy = e.y2 - e.y1;
    const len = Math.hypot(dx, dy) || 1;
    const x2 = e.x2 - (dx / len) * e.targetRadius;
    const y2 = e.y2 - (dy / len) * e.targetRadius;
    const dash = e.style === 'dashed' ? ' stroke-dasharray="6 4"' : e.style === 'dotted' ? ' stroke-dasharray="1.5 3"' : '';
    out.push(
      `<line x1="${num(e.x1 + ox)}" y1="${num(e.y1 + oy)}" x2="${num(x2 + ox)}" y2="${num(y2 + oy)}" stroke="${escapeHtml(e.colour)}" stroke-width="${num(e.width)}"${dash} marker-end="url(#arrow${colours.indexOf(e.colour)})"><title>${escapeHtml(e.title)}</title></line>`,
    );
  }
  out.push('</g><g class="nodes">');
  for (const n of nodes) {
    const dash = n.dashed ? ' stroke-dasharray="4 3"' : '';
    out.push(
      `<g><title>${escapeHtml(n.title)}</title><circle cx="${num(n.x + ox)}" cy="${num(n.y + oy)}" r="${num(n.size / 2)}" fill="${escapeHtml(n.fill)}" stroke="${escapeHtml(n.stroke)}" stroke-width="${num(n.strokeWidth)}"${dash}/>` +
        `<text x="${num(n.x + ox)}" y="${num(n.y + oy + n.size / 2 + 14)}" text-anchor="middle" fill="${escapeHtml(opts.text)}">${escapeHtml(n.label)}</text></g>`,
    );
  }
  out.push('</g></svg>');
  return out.join('\n');
}
