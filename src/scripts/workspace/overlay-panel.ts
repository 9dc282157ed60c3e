/**
 * The YAML overlay: files typed, pasted or dropped (folders too), kept in this browser, checked by
 * the pipeline in a worker against the published atlas, with problems, a diff, the draft records
 * and downloads. Nothing is sent anywhere.
 */
import type { Problem } from '../../pipeline/problems';
import { siteBase } from '../site-urls';
import type { EdgeRef } from './analyze';
import { plural } from '../../site/plural';
import { download } from '../download';
import { h, type Child } from './dom';
import { DEFAULT_OVERLAY_PATH, normalizeOverlayPath, type OverlayFile } from './overlay-files';
import { renderDraft, type LinkContext } from './render-record';
import type { OverlayReport } from './report';
import type { WorkerRequest, WorkerResponse } from './worker';
import workerUrl from 'virtual:atlas/workspace-worker-url';

export interface OverlayPanelOptions {
  root: HTMLElement;
  ids: () => Promise<Record<string, [string, string, string]> | null>;
  /** Published record URL from its page path. */
  pageUrl: (path: string) => string;
  /** Called once the published atlas is loaded, with the checker's script URL (to keep it for offline use). */
  onLoaded?: (workerUrl: string) => void;
}

const storageKey = () => `atlas-workspace-overlay:${siteBase()}`;
/** Where the checker's script was last loaded from (for the offline fallback). */
const WORKER_URL_KEY = 'atlas-workspace-worker-url';

export function initOverlayPanel({ root, ids, pageUrl, onLoaded }: OverlayPanelOptions): void {
  const filesEl = root.querySelector<HTMLElement>('[data-files]')!;
  const statusEl = root.querySelector<HTMLElement>('[data-overlay-status]')!;
  const noteEl = root.querySelector<HTMLElement>('[data-overlay-note]')!;
  const resultsEl = root.querySelector<HTMLElement>('[data-results]')!;
  const dropZone = root.querySelector<HTMLElement>('[data-drop-zone]')!;
  const fileInput = root.querySelector<HTMLInputElement>('[data-pick-files]')!;
  const folderInput = root.querySelector<HTMLInputElement>('[data-pick-folder]')!;
  let files: OverlayFile[] = restore();
  let report: OverlayReport | null = null;
  let worker: Worker | null = null;
  let ready: Promise<void> | null = null;
  let clusters = new Set<string>();
  let seq = 0;
  let timer = 0;
  let known: Record<string, [string, string, string]> | null = null;
  /** Resolvers of `check()` calls, by request number. */
  const pending = new Map<number, () => void>();
  const settle = (n: number) => {
    pending.get(n)?.();
    pending.delete(n);
  };

  const setStatus = (text: string, busy = false) => {
    statusEl.textContent = text;
    root.toggleAttribute('data-busy', busy);
  };

  const load = (): Promise<void> => {
    if (ready) return ready;
    ready = new Promise((resolve, reject) => {
      let loaded = false;
      const start = (w: Worker, fallback: boolean) => {
        worker = w;
        w.addEventListener('error', () => {
          if (loaded) return;
          const url = localStorage.getItem(WORKER_URL_KEY);
          // Some browsers will not start a worker from a script the service worker serves
          // offline; the same script from a blob URL runs, so retry that way once.
          if (!fallback && url) {
            fetch(url)
              .then((r) => (r.ok ? r.blob() : Promise.reject(new Error(`HTTP ${r.status}`))))
              .then((blob) => start(new Worker(URL.createObjectURL(blob)), true))
              .catch(() => fail());
            return;
          }
          fail();
        });
        w.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
          const m = event.data;
          if (m.type === 'progress') setStatus(m.message, true);
          else if (m.type === 'loaded') {
            loaded = true;
            clusters = new Set(m.clusters);
            setStatus(`Loaded the published atlas (${plural(m.records, 'record')}).`);
            if (!fallback) {
              try {
                localStorage.setItem(WORKER_URL_KEY, m.scriptUrl);
              } catch {
                // only the offline fallback needs it
              }
              onLoaded?.(m.scriptUrl);
            }
            resolve();
          } else if (m.type === 'failed') {
            setStatus(`Could not load the published atlas: ${m.message}. Reload the page to try again.`);
            reject(new Error(m.message));
          } else if (m.type === 'report') {
            // An older check that finished after a newer one started is dropped.
            if (m.seq === seq) {
              report = m.report;
              renderResults();
            }
            settle(m.seq);
          } else if (m.type === 'check-failed') {
            if (m.seq === seq) setStatus(`The check failed: ${m.message}`);
            settle(m.seq);
          }
        });
        // Absolute: a blob-URL worker has no path of its own to resolve `/…` against.
        w.postMessage({ type: 'load', base: `${location.origin}${siteBase()}` } satisfies WorkerRequest);
      };
      const fail = () => {
        setStatus('Could not start the checker (its script did not load). Reload the page to try again.');
        reject(new Error('worker failed to start'));
      };
      // A module worker: `astro dev` serves the checker's TypeScript source as a module.
      start(new Worker(workerUrl, { type: 'module' }), false);
    });
    return ready;
  };
  const post = (m: WorkerRequest) => worker!.postMessage(m);

  /** Checks the current files; resolves once their report is shown (or the check failed). */
  const check = async (): Promise<void> => {
    clearTimeout(timer);
    save();
    const mine = ++seq;
    try {
      await load();
    } catch {
      return;
    }
    if (mine !== seq) return;
    setStatus('Checking…', true);
    const done = new Promise<void>((resolve) => pending.set(mine, resolve));
    post({ type: 'check', seq: mine, files: files.map((f) => ({ path: normalizeOverlayPath(f.path), text: f.text })) });
    await done;
  };
  const schedule = () => {
    clearTimeout(timer);
    save();
    timer = window.setTimeout(check, 400);
  };

  function save() {
    try {
      localStorage.setItem(storageKey(), JSON.stringify(files));
    } catch {
      setStatus('This browser refuses local storage: the draft will be lost on reload (download it to keep it).');
    }
  }

  // ---- file editors -------------------------------------------------------------------------

  const renderFiles = () => {
    filesEl.replaceChildren(...files.map((f, i) => fileEditor(f, i)));
  };

  const fileEditor = (f: OverlayFile, i: number) => {
    const pathId = `overlay-path-${i}`;
    const textId = `overlay-text-${i}`;
    const path = h('input', { type: 'text', id: pathId, value: f.path, spellcheck: 'false', autocomplete: 'off', 'data-path-input': '' });
    const text = h('textarea', { id: textId, rows: Math.min(24, Math.max(10, f.text.split('\n').length + 1)), spellcheck: 'false', autocapitalize: 'off', 'data-file-text': f.path, 'aria-describedby': `${textId}-hint` });
    text.value = f.text;
    path.addEventListener('input', () => {
      f.path = path.value;
      text.dataset.fileText = normalizeOverlayPath(path.value);
      schedule();
    });
    text.addEventListener('input', () => {
      f.text = text.value;
      schedule();
    });
    // Tab indents inside the editor (YAML is indentation); Escape then Tab leaves it, as in code editors.
    let escaped = false;
    text.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') escaped = true;
      else if (e.key === 'Tab' && !e.shiftKey && !escaped) {
        e.preventDefault();
        text.setRangeText('  ', text.selectionStart, text.selectionEnd, 'end');
        text.dispatchEvent(new Event('input'));
      } else escaped = false;
    });
    const remove = h('button', { type: 'button', class: 'remove-file', 'aria-label': `Remove ${f.path || 'this file'}` }, 'Remove file');
    remove.addEventListener('click', () => {
      files.splice(i, 1);
      if (files.length === 0) files.push({ path: DEFAULT_OVERLAY_PATH, text: '' });
      renderFiles();
      filesEl.querySelector<HTMLElement>('textarea')?.focus();
      schedule();
    });
    return h(
      'div',
      { class: 'overlay-file', 'data-overlay-file': '' },
      h('div', { class: 'file-head' }, h('label', { for: pathId }, 'File name'), path, remove),
      h('label', { for: textId, class: 'visually-hidden' }, `YAML of ${f.path}`),
      text,
      h('p', { id: `${textId}-hint`, class: 'muted editor-hint' }, 'Tab indents; press Escape then Tab to leave the editor.'),
    );
  };

  const addFiles = (incoming: OverlayFile[], note = '') => {
    if (incoming.length === 0) {
      noteEl.textContent = `No YAML files found.${note}`;
      return;
    }
    // A lone empty draft is a placeholder: dropped files take its place.
    if (files.length === 1 && !files[0]!.text.trim()) files = [];
    for (const f of incoming) {
      const at = files.findIndex((x) => normalizeOverlayPath(x.path) === f.path);
      if (at >= 0) files[at] = f;
      else files.push(f);
    }
    renderFiles();
    noteEl.textContent = `Added ${plural(incoming.length, 'file')}: ${incoming.map((f) => f.path).join(', ')}.${note}`;
    void check();
  };

  root.querySelector('[data-action="add-file"]')!.addEventListener('click', () => {
    let n = files.length + 1;
    while (files.some((f) => f.path === `overlay/draft-${n}.yaml`)) n++;
    files.push({ path: files.length ? `overlay/draft-${n}.yaml` : DEFAULT_OVERLAY_PATH, text: '' });
    renderFiles();
    filesEl.querySelectorAll<HTMLElement>('textarea')[files.length - 1]?.focus();
  });
  root.querySelector('[data-action="check"]')!.addEventListener('click', () => void check());
  root.querySelector('[data-action="clear-overlay"]')!.addEventListener('click', () => {
    if (files.some((f) => f.text.trim()) && !confirm('Discard every overlay file in this browser? Download them first to keep a copy.')) return;
    files = [{ path: DEFAULT_OVERLAY_PATH, text: '' }];
    renderFiles();
    void check();
  });
  root.querySelector('[data-action="pick-files"]')!.addEventListener('click', () => fileInput.click());
  root.querySelector('[data-action="pick-folder"]')!.addEventListener('click', () => folderInput.click());
  for (const input of [fileInput, folderInput]) {
    input.addEventListener('change', async () => {
      const picked = [...(input.files ?? [])].map((file) => ({ file, path: file.webkitRelativePath || file.name }));
      input.value = '';
      await ingest(picked);
    });
  }

  // ---- drag and drop ------------------------------------------------------------------------

  dropZone.addEventListener('dragover', (e) => {
    e.preventDefault();
    dropZone.classList.add('over');
  });
  dropZone.addEventListener('dragleave', () => dropZone.classList.remove('over'));
  dropZone.addEventListener('drop', async (e) => {
    e.preventDefault();
    dropZone.classList.remove('over');
    const dt = e.dataTransfer;
    if (!dt) return;
    const entries = [...dt.items].map((item) => item.webkitGetAsEntry?.() ?? null);
    if (entries.length && entries.every((x) => x !== null)) await ingest(await readEntries(entries as FileSystemEntry[]));
    else await ingest([...dt.files].map((file) => ({ file, path: file.name })));
  });

  /** Turns picked or dropped files into overlay files, with paths the reader would see. */
  const ingest = async (picked: { file: File; path: string }[]) => {
    const yamlFiles = picked.filter((p) => /\.ya?ml$/i.test(p.file.name));
    const ignored = picked.length - yamlFiles.length;
    const out: OverlayFile[] = [];
    const undecodable: string[] = [];
    for (const p of yamlFiles) {
      try {
        out.push({ path: overlayPathFor(normalizeOverlayPath(p.path), clusters), text: new TextDecoder('utf-8', { fatal: true }).decode(await p.file.arrayBuffer()) });
      } catch {
        undecodable.push(p.path);
      }
    }
    const notes = [ignored ? ` Ignored ${ignored === 1 ? '1 file that is' : `${ignored} files that are`} not YAML.` : '', undecodable.length ? ` Not valid UTF-8, left out: ${undecodable.join(', ')}.` : ''].join('');
    addFiles(out, notes);
  };

  // ---- results ------------------------------------------------------------------------------

  const links: LinkContext = {
    recordUrl: (id) => (known?.[id] ? pageUrl(known[id]![2]) : null),
    draftAnchor: (id) => {
      const i = report?.drafts.findIndex((d) => d.record.id === id) ?? -1;
      return i >= 0 ? `#draft-${i}` : null;
    },
    publishedName: (id) => known?.[id]?.[0] ?? report?.names[id]?.[0] ?? null,
    kindUrl: (kind) => `${siteBase()}kinds/${encodeURIComponent(kind)}/`,
  };

  const renderResults = () => {
    if (!report) return;
    const r = report;
    const sev = (s: string) => r.problems.filter((p) => p.severity === s).length;
    const empty = files.every((f) => !f.text.trim());
    setStatus(
      empty
        ? 'Type or drop some YAML to check it.'
        : `Checked: ${plural(sev('error'), 'error')}, ${plural(sev('warning'), 'warning')}${sev('info') ? `, ${sev('info')} info` : ''}; ${plural(r.diff.added.length, 'record')} added, ${r.diff.changed.length} changed${r.diff.removed.length ? `, ${r.diff.removed.length} removed` : ''}.`,
    );
    resultsEl.replaceChildren(
      h('section', { class: 'ws-block', 'aria-labelledby': 'ws-problems' }, h('h3', { id: 'ws-problems' }, 'Problems ', h('span', { class: 'count' }, r.problems.length)), problemsView(r)),
      h('section', { class: 'ws-block', 'aria-labelledby': 'ws-diff' }, h('h3', { id: 'ws-diff' }, 'Changes against the published atlas'), diffView(r)),
      h(
        'section',
        { class: 'ws-block', 'aria-labelledby': 'ws-drafts' },
        h('h3', { id: 'ws-drafts' }, 'Draft records ', h('span', { class: 'count' }, r.drafts.length)),
        r.drafts.length === 0 ? h('p', { class: 'muted' }, 'No record is defined or extended by the overlay yet.') : r.drafts.map((d, i) => renderDraft(d, i, r, links)),
      ),
    );
  };

  const problemsView = (r: OverlayReport): Child => {
    const out: Child[] = [];
    if (r.skipped.length) {
      out.push(h('ul', { class: 'notice warn skipped' }, r.skipped.map((s) => h('li', null, h('code', null, s.path || '(no name)'), ` is not read by the atlas: ${s.reason}.`))));
    }
    if (r.replaces.length) {
      out.push(h('p', { class: 'notice' }, 'These overlay files replace the published file of the same path: ', r.replaces.map((p, i) => [i ? ', ' : '', h('code', null, p)]), '.'));
    }
    if (r.problems.length === 0) {
      out.push(h('p', { class: 'ok-note' }, files.some((f) => f.text.trim()) ? ['No problems: ', h('code', null, 'npm run atlas -- check'), ' would report nothing for these files.'] : 'Nothing to check yet.'));
      return out;
    }
    out.push(h('ul', { class: 'problem-list' }, r.problems.map((p) => problemItem(p))));
    return out;
  };

  const problemItem = (p: Problem) => {
    const loc = p.line ? `${p.file}:${p.line}:${p.column || 1}` : p.file;
    const jump = h('button', { type: 'button', class: 'loc-button', title: 'Show this line in the editor' }, h('code', { class: 'loc' }, loc));
    jump.addEventListener('click', () => focusLine(p.file, p.line, p.column));
    return h(
      'li',
      { class: `problem sev-${p.severity}`, 'data-code': p.code },
      h('div', { class: 'problem-main' }, jump, ' ', h('span', { class: `badge sev-${p.severity}` }, p.severity), ' ', h('code', { class: 'code' }, p.code), ': ', h('span', { class: 'message' }, p.message)),
      h('div', { class: 'hint muted' }, 'Fix: ', p.hint),
    );
  };

  const focusLine = (file: string, line: number, column: number) => {
    const area = [...filesEl.querySelectorAll<HTMLTextAreaElement>('textarea')].find((t) => t.dataset.fileText === file);
    if (!area) return;
    const lines = area.value.split('\n');
    let start = 0;
    for (let i = 0; i < Math.max(0, line - 1) && i < lines.length; i++) start += lines[i]!.length + 1;
    const lineText = lines[Math.max(0, line - 1)] ?? '';
    area.focus();
    area.setSelectionRange(start + Math.max(0, Math.min(lineText.length, column - 1)), start + lineText.length);
    // Scroll the line into view: textareas do not do it for a programmatic selection everywhere.
    const lh = parseFloat(getComputedStyle(area).lineHeight) || 20;
    area.scrollTop = Math.max(0, (line - 3) * lh);
  };

  const recordRef = (id: string): Child => {
    const anchor = links.draftAnchor(id);
    const url = anchor ?? links.recordUrl(id);
    const name = report?.names[id]?.[0] ?? known?.[id]?.[0] ?? id;
    return url ? [h('a', { href: url }, name), ' ', h('code', { class: 'muted' }, id)] : h('code', null, id);
  };

  const edgeLine = (e: EdgeRef, cls = ''): HTMLElement =>
    h('li', { class: `diff-edge ${cls}` }, recordRef(e.from), h('span', { class: 'mono edge-arrow' }, ` —${e.kind}→ `), h('code', null, e.to), e.attributes ? h('span', { class: 'muted' }, ` ${JSON.stringify(e.attributes)}`) : null);

  const diffView = (r: OverlayReport): Child => {
    const d = r.diff;
    if (!d.added.length && !d.changed.length && !d.removed.length && !d.newlyDangling.length && !d.newlyResolved.length) {
      return h('p', { class: 'muted' }, 'The overlay changes nothing in the published atlas.');
    }
    const block = (title: string, items: Child, n: number, cls: string) =>
      n ? h('section', { class: `diff-part ${cls}` }, h('h4', null, `${title} `, h('span', { class: 'count' }, n)), items) : null;
    return [
      block('Records added', h('ul', { class: 'diff-list' }, d.added.map((a) => h('li', { class: 'diff-added', 'data-id': a.id }, h('span', { class: 'sign', 'aria-hidden': 'true' }, '+ '), recordRef(a.id), ' ', h('span', { class: 'badge kind' }, a.kind)))), d.added.length, 'added'),
      block('Records changed', d.changed.map((c) => changeView(c)), d.changed.length, 'changed'),
      block('Records removed', h('ul', { class: 'diff-list' }, d.removed.map((x) => h('li', { class: 'diff-removed' }, h('span', { class: 'sign', 'aria-hidden': 'true' }, '− '), recordRef(x.id), ` (was in ${x.file})`))), d.removed.length, 'removed'),
      block('Edges that would newly dangle', h('ul', { class: 'diff-list' }, d.newlyDangling.map((e) => edgeLine(e, 'dangle'))), d.newlyDangling.length, 'dangling'),
      block('Edges that would be resolved', h('ul', { class: 'diff-list' }, d.newlyResolved.map((e) => edgeLine(e, 'resolve'))), d.newlyResolved.length, 'resolved'),
    ];
  };

  const changeView = (c: OverlayReport['diff']['changed'][number]) =>
    h(
      'article',
      { class: 'diff-change', 'data-id': c.id },
      h('h5', null, recordRef(c.id)),
      c.kindBefore !== c.kindAfter && h('p', null, 'Kind: ', h('del', null, c.kindBefore), ' → ', h('ins', null, c.kindAfter)),
      c.attributes.length > 0 &&
        h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'attr-diff' },
            h('caption', { class: 'visually-hidden' }, `Attribute changes of ${c.id}`),
            h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Attribute'), h('th', { scope: 'col' }, 'Before'), h('th', { scope: 'col' }, 'After'))),
            h(
              'tbody',
              null,
              c.attributes.map((a) =>
                h(
                  'tr',
                  null,
                  h('th', { scope: 'row' }, h('code', null, a.key)),
                  h('td', null, 'before' in a ? h('del', null, shortValue(a.before)) : h('span', { class: 'muted' }, '(none)')),
                  h('td', null, 'after' in a ? h('ins', null, shortValue(a.after)) : h('span', { class: 'muted' }, '(removed)')),
                ),
              ),
            ),
          ),
        ),
      (c.edgesAdded.length > 0 || c.edgesRemoved.length > 0 || c.edgesChanged.length > 0) &&
        h(
          'ul',
          { class: 'diff-list' },
          c.edgesAdded.map((e) => h('li', { class: 'diff-added' }, h('span', { class: 'sign' }, '+ edge '), edgeText(e))),
          c.edgesRemoved.map((e) => h('li', { class: 'diff-removed' }, h('span', { class: 'sign' }, '− edge '), edgeText(e))),
          c.edgesChanged.map((x) => h('li', { class: 'diff-changed' }, h('span', { class: 'sign' }, '~ edge '), edgeText(x.after), h('span', { class: 'muted' }, ` attributes ${JSON.stringify(x.before.attributes ?? {})} → ${JSON.stringify(x.after.attributes ?? {})}`))),
        ),
    );

  const edgeText = (e: EdgeRef) => [h('code', null, e.from), h('span', { class: 'mono edge-arrow' }, ` —${e.kind}→ `), h('code', null, e.to)];

  // ---- downloads ----------------------------------------------------------------------------

  root.querySelector('[data-action="download-yaml"]')!.addEventListener('click', () => {
    const typed = files.filter((f) => f.text.trim());
    if (!typed.length) return setStatus('There is no YAML to download yet.');
    // One download per file: the browser may ask once whether to allow several.
    for (const f of typed) download(normalizeOverlayPath(f.path).replace(/\//g, '__') || 'draft.yaml', f.text, 'application/yaml');
    setStatus(typed.length === 1 ? `Downloaded ${typed[0]!.path}.` : `Downloaded ${typed.length} files (folders are written as “__” in the file names).`);
  });
  root.querySelector('[data-action="download-json"]')!.addEventListener('click', async () => {
    await check();
    if (!report) return setStatus('The overlay could not be checked, so there is no normalized form yet.');
    download('overlay-normalized.json', `${JSON.stringify({ format: 'atlas-overlay', files: files.map((f) => normalizeOverlayPath(f.path)), records: report.normalized, problems: report.problems }, null, 2)}\n`, 'application/json');
  });

  // ---- start --------------------------------------------------------------------------------

  renderFiles();
  void ids().then((map) => {
    known = map;
    if (report) renderResults();
  });
  // Fetch the published atlas only when the overlay is used (or a saved draft is waiting).
  if (files.some((f) => f.text.trim())) void check();
  else root.addEventListener('focusin', () => void load().catch(() => undefined), { once: true });
}

/** Dropped folders: if the folder holds the atlas's own top-level folders, it is an atlas root. */
export function overlayPathFor(path: string, clusters: ReadonlySet<string>): string {
  const parts = path.split('/');
  if (parts.length === 1) return `overlay/${parts[0]}`;
  if (parts.length >= 3 && (parts[1] === 'schema' || clusters.has(parts[1]!))) return parts.slice(1).join('/');
  return path;
}

/** Reads dropped entries, walking folders (readEntries returns batches until an empty one). */
async function readEntries(entries: FileSystemEntry[]): Promise<{ file: File; path: string }[]> {
  const out: { file: File; path: string }[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push({ file, path: entry.fullPath.replace(/^\/+/, '') });
      return;
    }
    if (!entry.isDirectory) return;
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child);
    }
  };
  for (const e of entries) await walk(e);
  return out;
}

function shortValue(v: unknown): string {
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

function restore(): OverlayFile[] {
  try {
    const raw = JSON.parse(localStorage.getItem(storageKey()) ?? 'null') as unknown;
    if (Array.isArray(raw)) {
      const list = raw.filter((f): f is OverlayFile => !!f && typeof f.path === 'string' && typeof f.text === 'string');
      if (list.length) return list;
    }
  } catch {
    // fall through to an empty draft
  }
  return [{ path: DEFAULT_OVERLAY_PATH, text: '' }];
}
