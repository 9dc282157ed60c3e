/**
 * Writes many small files on a worker thread: thirty thousand of them at 10k records (each
 * record's `.json` and `.graph.json`, the search index's fragments), plus the files the build
 * copies. Written in place they kept the build's main thread busy with system calls. Here the main
 * thread serializes and hands the contents (or the file to copy) over in batches; the worker
 * creates folders and writes, in order, one file at a time: on a small machine that costs far less
 * than many threads creating files at once.
 */
import { Worker } from 'node:worker_threads';

/** Files handed over per message: few messages, and the worker starts on the first batch early. */
const BATCH = 256;

/** The worker: plain CommonJS, so it starts without the TypeScript loader. */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const made = new Set();
parentPort.on('message', (batch) => {
  for (const [file, source] of batch) {
    const dir = path.dirname(file);
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    if (typeof source === 'string' || ArrayBuffer.isView(source)) fs.writeFileSync(file, source);
    else fs.copyFileSync(source.copyOf, file);
  }
  if (batch.length < ${BATCH}) parentPort.postMessage('flushed');
});
`;

/** What a queued file is made from: its contents (text is written as UTF-8), or a file to copy. */
type FileSource = string | Uint8Array | { copyOf: string };

export class BackgroundFileWriter {
  #worker: Worker | null = null;
  /** Settles when the worker reports every file written, or rejects when it fails or stops. */
  #flushed: Promise<void> | null = null;
  #batch: [file: string, source: FileSource][] = [];

  /** Queues `contents` (text is written as UTF-8) for the absolute path `file` (its folder is created as needed). */
  write(file: string, contents: string | Uint8Array): void {
    this.#queue([file, contents]);
  }

  /** Queues a copy of the file `from` to the absolute path `file` (its folder is created as needed). */
  copy(from: string, file: string): void {
    this.#queue([file, { copyOf: from }]);
  }

  #queue(entry: [file: string, source: FileSource]): void {
    this.#batch.push(entry);
    if (this.#batch.length === BATCH) {
      this.#start().postMessage(this.#batch);
      this.#batch = [];
    }
  }

  /** Resolves once every queued file is on disk; rejects with the first write error. */
  async close(): Promise<void> {
    if (!this.#worker && this.#batch.length === 0) return;
    const worker = this.#start();
    const flushed = this.#flushed!;
    this.#worker = null;
    this.#flushed = null;
    // A batch shorter than BATCH (empty, if need be) asks the worker to answer once it is done.
    worker.postMessage(this.#batch);
    this.#batch = [];
    try {
      await flushed;
    } finally {
      await worker.terminate();
    }
  }

  #start(): Worker {
    if (!this.#worker) {
      const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] });
      let failure: unknown = null;
      this.#flushed = new Promise<void>((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', (err) => (failure = err));
        worker.once('exit', () => reject(failure ?? new Error('The file writer stopped before writing every file.')));
      });
      this.#flushed.catch(() => {}); // reported by close()
      this.#worker = worker;
    }
    return this.#worker;
  }
}
