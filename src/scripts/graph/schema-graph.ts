/** <schema-graph>: loads the schema drawing (and cytoscape) once the page shows it. */
class SchemaGraphElement extends HTMLElement {
  connectedCallback(): void {
    import('./schema-app').then(
      ({ startSchemaGraph }) => startSchemaGraph(this),
      (err: unknown) => {
        const status = this.querySelector('.graph-status');
        if (status) status.textContent = `The schema graph could not be loaded (${String(err)}). The table below lists it.`;
      },
    );
  }
}

customElements.define('schema-graph', SchemaGraphElement);
