/**
 * <wiki-toc>: marks the section being read in the table of contents (aria-current), and on
 * phones closes the collapsible contents once a link in it is followed.
 */
class WikiToc extends HTMLElement {
  private observer?: IntersectionObserver;

  connectedCallback(): void {
    const links = [...this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
    const details = this.querySelector('details');
    if (details) for (const a of links) a.addEventListener('click', () => (details.open = false));
    const headings = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1)))).filter((h): h is HTMLElement => h !== null);
    if (headings.length === 0) return;
    const visible = new Set<Element>();
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) (e.isIntersecting ? visible.add(e.target) : visible.delete(e.target));
        const current = headings.find((h) => visible.has(h));
        if (!current) return;
        for (const a of links) {
          if (a.hash.slice(1) === current.id) a.setAttribute('aria-current', 'true');
          else a.removeAttribute('aria-current');
        }
      },
      { rootMargin: '0px 0px -60% 0px' },
    );
    for (const h of headings) this.observer.observe(h);
  }

  disconnectedCallback(): void {
    this.observer?.disconnect();
  }
}

if (!customElements.get('wiki-toc')) customElements.define('wiki-toc', WikiToc);
