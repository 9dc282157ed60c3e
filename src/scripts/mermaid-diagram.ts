/**
 * <mermaid-diagram> around a server-rendered `<pre class="mermaid">`: draws it as SVG when it
 * comes near the viewport (the mermaid library is imported only then, so pages without diagrams
 * never load it), again when the theme changes, and shows the source with the error when the
 * diagram cannot be drawn. Without JavaScript the source stays readable.
 */
type Mermaid = (typeof import('mermaid'))['default'];

let library: Promise<Mermaid> | null = null;
/** mermaid's configuration is global, so renders take turns. */
let queue: Promise<unknown> = Promise.resolve();
let counter = 0;

const darkQuery = matchMedia('(prefers-color-scheme: dark)');

function isDark(): boolean {
  const theme = document.documentElement.dataset.theme;
  return theme ? theme === 'dark' : darkQuery.matches;
}

class MermaidDiagram extends HTMLElement {
  private source = '';
  private observer?: IntersectionObserver;
  private drawn = false;
  private readonly redraw = () => {
    if (this.drawn) void this.draw();
  };

  connectedCallback(): void {
    const pre = this.querySelector('pre.mermaid');
    if (!pre) return;
    this.source = pre.textContent ?? '';
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.observer?.disconnect();
        void this.draw();
      },
      { rootMargin: '300px' },
    );
    this.observer.observe(this);
    document.documentElement.addEventListener('atlas-theme-change', this.redraw);
    darkQuery.addEventListener('change', this.redraw);
  }

  disconnectedCallback(): void {
    this.observer?.disconnect();
    document.documentElement.removeEventListener('atlas-theme-change', this.redraw);
    darkQuery.removeEventListener('change', this.redraw);
  }

  private draw(): Promise<void> {
    this.setAttribute('aria-busy', 'true');
    const job = queue.then(async () => {
      const id = `mermaid-svg-${++counter}`;
      try {
        // Published as files by src/build/vendor-step.ts rather than bundled (see there).
        const base = document.documentElement.dataset.base ?? '/';
        library ??= import(/* @vite-ignore */ `${base}vendor/mermaid/mermaid.esm.min.mjs`).then((m: { default: Mermaid }) => m.default);
        const mermaid = await library;
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: isDark() ? 'dark' : 'default' });
        const { svg } = await mermaid.render(id, this.source);
        this.show(svg);
      } catch (err) {
        this.fail(err instanceof Error ? err.message : String(err));
      } finally {
        // A failed render leaves its scratch element behind.
        document.getElementById(`d${id}`)?.remove();
        this.drawn = true;
        this.removeAttribute('aria-busy');
      }
    });
    queue = job;
    return job;
  }

  private show(svg: string): void {
    this.dataset.state = 'rendered';
    const figure = document.createElement('figure');
    figure.className = 'mermaid-output';
    figure.setAttribute('role', 'img');
    figure.setAttribute('aria-label', `Diagram: ${this.source.split('\n')[0]?.trim() ?? ''}`);
    figure.innerHTML = svg;
    const details = document.createElement('details');
    details.className = 'mermaid-source';
    details.innerHTML = '<summary>Diagram source</summary>';
    const pre = document.createElement('pre');
    pre.textContent = this.source;
    details.append(pre);
    this.replaceChildren(figure, details);
  }

  private fail(message: string): void {
    this.dataset.state = 'error';
    const note = document.createElement('p');
    note.className = 'mermaid-error';
    note.textContent = `This diagram could not be drawn: ${message.split('\n').filter(Boolean).slice(0, 3).join(' ')}`;
    const pre = document.createElement('pre');
    pre.className = 'mermaid';
    pre.textContent = this.source;
    this.replaceChildren(note, pre);
  }
}

if (!customElements.get('mermaid-diagram')) customElements.define('mermaid-diagram', MermaidDiagram);
