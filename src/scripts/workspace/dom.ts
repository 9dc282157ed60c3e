/**
 * A tiny element builder for the workspace's client-rendered views. Text always goes in through
 * text nodes (never innerHTML), so YAML the author typed cannot inject markup.
 */
export type Child = Node | string | number | null | undefined | false | Child[];

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined | null> | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** `<copy-button>` (the site's own element) copying the text of element `target`. */
export function copyButton(target: string, label: string): HTMLElement {
  const el = document.createElement('copy-button');
  el.dataset.target = target;
  el.append(h('button', { type: 'button', hidden: true }, h('span', { class: 'label' }, label)), h('span', { class: 'copy-status', role: 'status', 'aria-live': 'polite' }));
  return el;
}
