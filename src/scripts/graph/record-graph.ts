/**
 * <record-graph>: waits until the graph tab is shown (on load via `?tab=graph`, or through the
 * tabs' `tab-change` event), and only then imports the graph code and cytoscape. Other tabs and
 * pages never download either.
 */
class RecordGraph extends HTMLElement {
  private app: Promise<{ resize(): void } | undefined> | undefined;

  connectedCallback(): void {
    document.addEventListener('tab-change', (e) => {
      if ((e as CustomEvent<{ tab: string }>).detail?.tab === 'graph') this.open();
    });
    if (document.documentElement.dataset.tab === 'graph') this.open();
  }

  private open(): void {
    if (this.app) {
      // Shown again after another tab: the canvas was measured while hidden.
      void this.app.then((a) => a?.resize());
      return;
    }
    this.app = import('./record-graph-app').then(
      async ({ RecordGraphApp }) => {
        const app = new RecordGraphApp(this, this.dataset.id!, this.dataset.path!);
        await app.start();
        return app;
      },
      (err: unknown) => {
        this.app = undefined;
        // The graph's own status line may not exist yet (its script is what failed to load).
        let status = this.querySelector<HTMLElement>('.graph-load-error');
        if (!status) {
          status = document.createElement('p');
          status.className = 'graph-load-error notice';
          status.setAttribute('role', 'status');
          this.querySelector('.graph-ui')?.before(status);
        }
        status.textContent = `The graph could not be loaded (${String(err)}). The table below lists every connection.`;
        return undefined;
      },
    );
  }
}

customElements.define('record-graph', RecordGraph);
