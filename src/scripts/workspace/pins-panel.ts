/**
 * The workspace's pins (grouped by kind, with a private note each) and saved views: rendered from
 * the store, updated live when another tab pins something, exported and imported as JSON.
 */
import { loadWorkspace, onWorkspaceChange, saveWorkspace, type Pin, type WorkspaceData } from '../pin-store';
import { recordUrl, siteBase } from '../site-urls';
import { plural } from '../../site/plural';
import { download } from '../download';
import { h } from './dom';

export interface PinsPanelOptions {
  root: HTMLElement;
  /** Resolves to the published ids (`/ids.json`), to refresh names and flag pins that no longer exist. */
  ids: () => Promise<Record<string, [string, string, string]> | null>;
}

export function initPinsPanel({ root, ids }: PinsPanelOptions): void {
  const pinList = root.querySelector<HTMLElement>('[data-pin-list]')!;
  const viewList = root.querySelector<HTMLElement>('[data-view-list]')!;
  const status = root.querySelector<HTMLElement>('[data-pins-status]')!;
  const fileInput = root.querySelector<HTMLInputElement>('[data-import-file]')!;
  let known: Record<string, [string, string, string]> | null = null;
  let shape = '';

  const say = (text: string) => (status.textContent = text);

  const render = () => {
    const data = loadWorkspace();
    // Notes change on every keystroke: only rebuild when pins or views themselves change, so the
    // note being typed keeps its focus and caret.
    const next = JSON.stringify([data.pins.map((p) => [p.id, p.name, p.path]), data.views, known !== null]);
    if (next === shape) {
      for (const p of data.pins) {
        const area = pinList.querySelector<HTMLTextAreaElement>(`textarea[data-note-for="${CSS.escape(p.id)}"]`);
        if (area && document.activeElement !== area && area.value !== p.note) area.value = p.note;
      }
      return;
    }
    shape = next;
    renderPins(data);
    renderViews(data);
    root.querySelectorAll<HTMLElement>('[data-pin-count]').forEach((el) => (el.textContent = String(data.pins.length)));
    root.querySelectorAll<HTMLElement>('[data-view-count]').forEach((el) => (el.textContent = String(data.views.length)));
  };

  /** A pin's page, at its current path when /ids.json knows the id (paths can change between builds). */
  const pinUrl = (p: Pin) => recordUrl(known?.[p.id]?.[2] ?? p.path);

  const renderPins = (data: WorkspaceData) => {
    pinList.replaceChildren();
    if (data.pins.length === 0) {
      pinList.append(h('p', { class: 'muted empty' }, 'No pins yet. Open any record and press “Pin” next to its id; it will be listed here, grouped by kind.'));
      return;
    }
    const byKind = new Map<string, Pin[]>();
    for (const p of data.pins) {
      const kind = known?.[p.id]?.[1] ?? (p.kind || 'Unknown kind');
      byKind.set(kind, [...(byKind.get(kind) ?? []), p]);
    }
    for (const kind of [...byKind.keys()].sort((a, b) => a.localeCompare(b))) {
      const pins = byKind.get(kind)!.sort((a, b) => (a.name || a.id).localeCompare(b.name || b.id));
      pinList.append(
        h(
          'section',
          { class: 'pin-group', 'data-kind': kind },
          h('h3', null, h('span', { class: 'badge kind' }, kind), ' ', h('span', { class: 'muted' }, plural(pins.length, 'pin'))),
          h('ul', { class: 'pin-items' }, pins.map((p) => pinItem(p))),
        ),
      );
    }
  };

  const pinItem = (p: Pin) => {
    const gone = known !== null && !known[p.id];
    const name = known?.[p.id]?.[0] ?? (p.name || p.id);
    const noteId = `note-${encodeURIComponent(p.id).replace(/%/g, '_')}`;
    const area = h('textarea', { id: noteId, rows: 2, 'data-note-for': p.id, placeholder: 'A private note (stays in this browser)' });
    area.value = p.note;
    let timer = 0;
    const saveNote = () => {
      clearTimeout(timer);
      const data = loadWorkspace();
      const pin = data.pins.find((x) => x.id === p.id);
      if (!pin || pin.note === area.value) return;
      pin.note = area.value;
      if (!saveWorkspace(data)) say('Could not save the note: this browser refuses local storage.');
    };
    area.addEventListener('input', () => {
      clearTimeout(timer);
      timer = window.setTimeout(saveNote, 300);
    });
    area.addEventListener('blur', saveNote);
    const unpin = h('button', { type: 'button', class: 'unpin', 'aria-label': `Unpin ${name}` }, 'Unpin');
    unpin.addEventListener('click', () => {
      const data = loadWorkspace();
      data.pins = data.pins.filter((x) => x.id !== p.id);
      saveWorkspace(data);
      say(`Unpinned ${name}.`);
      // Keep the keyboard user in the list rather than dropping focus to the page top.
      queueMicrotask(() => (pinList.querySelector<HTMLElement>('.unpin') ?? root.querySelector<HTMLElement>('[data-action="export"]'))?.focus());
    });
    return h(
      'li',
      { class: 'pin-item', 'data-pin-id': p.id },
      h(
        'div',
        { class: 'pin-head' },
        gone ? h('span', { class: 'pin-name' }, name) : h('a', { class: 'pin-name', href: pinUrl(p) }, name),
        h('code', { class: 'pin-id' }, p.id),
        gone && h('span', { class: 'badge sev-warning', title: 'The published atlas has no record with this id any more' }, 'not in this atlas'),
        unpin,
      ),
      h('label', { class: 'pin-note', for: noteId }, h('span', { class: 'visually-hidden' }, `Note for ${name}`), area),
    );
  };

  const renderViews = (data: WorkspaceData) => {
    viewList.replaceChildren();
    if (data.views.length === 0) {
      viewList.append(h('p', { class: 'muted empty' }, 'No saved views. On the search page or the graph explorer, press “Save view” to keep the current query and filters under a name.'));
      return;
    }
    viewList.append(
      h(
        'ul',
        { class: 'view-items' },
        data.views.map((v) => {
          const remove = h('button', { type: 'button', 'aria-label': `Remove saved view ${v.name}` }, 'Remove');
          remove.addEventListener('click', () => {
            const d = loadWorkspace();
            d.views = d.views.filter((x) => x.name !== v.name);
            saveWorkspace(d);
            say(`Removed the view “${v.name}”.`);
          });
          return h(
            'li',
            { class: 'view-item' },
            h('a', { href: `${siteBase()}${v.url}` }, v.name),
            h('span', { class: 'badge' }, v.view),
            h('code', { class: 'view-url muted' }, `/${v.url}`),
            remove,
          );
        }),
      ),
    );
  };

  root.querySelector('[data-action="export"]')!.addEventListener('click', () => {
    const data = loadWorkspace();
    const out = { format: 'atlas-workspace', version: 1, exportedAt: new Date().toISOString(), pins: data.pins, views: data.views };
    download(`atlas-workspace-${new Date().toISOString().slice(0, 10)}.json`, `${JSON.stringify(out, null, 2)}\n`, 'application/json');
    say(`Exported ${plural(data.pins.length, 'pin')} and ${plural(data.views.length, 'saved view')}.`);
  });
  root.querySelector('[data-action="import"]')!.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    try {
      // Loaded on demand: the schema carries zod.
      const { parseWorkspaceExport } = await import('./store-schema');
      const incoming = parseWorkspaceExport(await file.text());
      const data = loadWorkspace();
      // Merge: an imported pin or view replaces the one with the same id or name.
      const pins = new Map(data.pins.map((p) => [p.id, p]));
      let updated = 0;
      for (const p of incoming.pins) {
        if (pins.has(p.id)) updated++;
        pins.set(p.id, p);
      }
      const views = new Map(data.views.map((v) => [v.name, v]));
      for (const v of incoming.views) views.set(v.name, v);
      if (!saveWorkspace({ version: 1, pins: [...pins.values()], views: [...views.values()] })) throw new Error('this browser refuses local storage');
      say(`Imported ${plural(incoming.pins.length, 'pin')} (${updated} already pinned) and ${plural(incoming.views.length, 'saved view')} from ${file.name}.`);
    } catch (err) {
      say(`Could not import ${file.name}: ${err instanceof Error ? err.message : String(err)}.`);
    }
  });
  root.querySelector('[data-action="clear"]')!.addEventListener('click', () => {
    const data = loadWorkspace();
    if (data.pins.length === 0) return say('There are no pins to remove.');
    if (!confirm(`Remove all ${plural(data.pins.length, 'pin')} and their notes from this browser? Export them first to keep a copy.`)) return;
    data.pins = [];
    saveWorkspace(data);
    say('Removed all pins.');
  });

  onWorkspaceChange(render);
  render();
  void ids().then((map) => {
    known = map;
    render();
  });
}
