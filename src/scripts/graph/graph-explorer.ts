/** <graph-explorer>: the /graph/ page; the explorer (and cytoscape) load as soon as it is on screen. */
class GraphExplorer extends HTMLElement {
  connectedCallback(): void {
    import('./explorer-app').then(
      ({ ExplorerApp }) => new ExplorerApp(this).start(),
      (err: unknown) => {
        const status = this.querySelector('.graph-status');
        if (status) status.textContent = `The explorer could not be loaded (${String(err)}).`;
      },
    );
  }
}

customElements.define('graph-explorer', GraphExplorer);
