/** <copy-button data-target="id">: copies that element's text, with visible confirmation. */
class CopyButton extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button');
    const status = this.querySelector<HTMLElement>('.copy-status');
    if (!button) return;
    button.hidden = false;
    button.addEventListener('click', async () => {
      const target = document.getElementById(this.dataset.target ?? '');
      const text = target?.textContent ?? '';
      let ok = true;
      try {
        await navigator.clipboard.writeText(text);
      } catch {
        ok = fallbackCopy(text);
      }
      if (status) {
        status.textContent = ok ? 'Copied' : 'Copy failed: select the text and press Ctrl+C';
        status.dataset.state = ok ? 'ok' : 'bad';
        clearTimeout(Number(status.dataset.timer));
        status.dataset.timer = String(window.setTimeout(() => (status.textContent = ''), 2500));
      }
    });
  }
}

/** For pages served over plain http, where the async clipboard API is unavailable. */
function fallbackCopy(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

customElements.define('copy-button', CopyButton);
