/** <theme-toggle>: flips between light and dark, remembering the choice. */
class ThemeToggle extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button');
    if (!button) return;
    const root = document.documentElement;
    const isDark = () => (root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches);
    const sync = () => button.setAttribute('aria-pressed', String(isDark()));
    sync();
    button.addEventListener('click', () => {
      root.dataset.theme = isDark() ? 'light' : 'dark';
      try {
        localStorage.setItem('atlas-theme', root.dataset.theme);
      } catch {
        /* private mode: the choice lasts for this page only */
      }
      sync();
      root.dispatchEvent(new CustomEvent('atlas-theme-change'));
    });
  }
}
customElements.define('theme-toggle', ThemeToggle);
