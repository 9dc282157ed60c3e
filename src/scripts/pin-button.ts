/**
 * <pin-button data-id data-kind data-name data-path>: pins or unpins the record in the workspace.
 * The button is hidden in the HTML and shown here, so it never appears without JavaScript.
 */
import { loadWorkspace, onWorkspaceChange, saveWorkspace } from './pin-store';

class PinButton extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button');
    const label = this.querySelector('.label');
    const status = this.querySelector('[role="status"]');
    if (!button || !label) return;
    const { id = '', kind = '', name = '', path = '' } = this.dataset;
    const pinned = () => loadWorkspace().pins.some((p) => p.id === id);
    const render = () => {
      const on = pinned();
      button.setAttribute('aria-pressed', String(on));
      label.textContent = on ? 'Pinned' : 'Pin';
    };
    button.addEventListener('click', () => {
      const data = loadWorkspace();
      const was = data.pins.some((p) => p.id === id);
      data.pins = was ? data.pins.filter((p) => p.id !== id) : [...data.pins, { id, kind, name, path, note: '', pinnedAt: new Date().toISOString() }];
      const ok = saveWorkspace(data);
      if (status) status.textContent = !ok ? 'Could not save: this browser refuses local storage' : was ? 'Unpinned' : 'Pinned to your workspace';
      render();
    });
    onWorkspaceChange(render);
    render();
    button.hidden = false;
  }
}

customElements.define('pin-button', PinButton);
