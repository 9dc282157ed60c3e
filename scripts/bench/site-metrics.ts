/**
 * Static measurements of a built site: output size and file count, record page HTML sizes, and
 * what a record page makes the browser download up front (its module scripts and their static
 * imports, resolved from the built files; lazily `import()`ed chunks are not counted).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { quantile } from './measure';

export interface PageWeight {
  /** Site path of the page, e.g. `/n/tool/x/`. */
  page: string;
  htmlBytes: number;
  htmlGzip: number;
  /** Module scripts (external and inline) plus static imports, transitively. */
  jsFiles: number;
  jsBytes: number;
  jsGzip: number;
  cssBytes: number;
  cssGzip: number;
}

export interface SiteMetrics {
  distBytes: number;
  distFiles: number;
  /** Bytes and files per top-level folder (`n`, `pagefind`, `_astro`, …), largest first. */
  byFolder: { folder: string; bytes: number; files: number }[];
  recordPages: number;
  recordHtmlMedian: number;
  recordHtmlP95: number;
  recordHtmlMax: number;
  /** Gzip sizes from a deterministic sample of up to 400 record pages. */
  recordHtmlGzipMedian: number;
  recordHtmlGzipP95: number;
  /** The median-sized record page. */
  medianPage: PageWeight | null;
  /** The largest record page (usually a hub with thousands of incoming edges). */
  largestPage: PageWeight | null;
}

export function gzipSize(data: Buffer | string): number {
  return zlib.gzipSync(data).length;
}

/** Measures the site in `dist` (served at `/`). */
export function measureSite(dist: string): SiteMetrics {
  let distBytes = 0;
  let distFiles = 0;
  const folders = new Map<string, { bytes: number; files: number }>();
  const recordPages: { file: string; bytes: number }[] = [];
  const walk = (dir: string, rel: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        walk(abs, r);
        continue;
      }
      const bytes = fs.statSync(abs).size;
      distBytes += bytes;
      distFiles++;
      const top = r.includes('/') ? r.slice(0, r.indexOf('/')) : '(root)';
      const f = folders.get(top) ?? { bytes: 0, files: 0 };
      f.bytes += bytes;
      f.files++;
      folders.set(top, f);
      // Every index.html under n/ is a record page (tabs live inside it).
      if (r.startsWith('n/') && entry.name === 'index.html') recordPages.push({ file: abs, bytes });
    }
  };
  walk(dist, '');

  const sizes = recordPages.map((p) => p.bytes);
  recordPages.sort((a, b) => a.bytes - b.bytes || (a.file < b.file ? -1 : 1));
  const step = Math.max(1, Math.floor(recordPages.length / 400));
  const gz: number[] = [];
  for (let i = 0; i < recordPages.length; i += step) gz.push(gzipSize(fs.readFileSync(recordPages[i]!.file)));
  const medianEntry = recordPages[Math.floor((recordPages.length - 1) / 2)];
  const largestEntry = recordPages[recordPages.length - 1];
  const pageOf = (entry: { file: string } | undefined) => (entry ? pageWeight(dist, `/${path.relative(dist, path.dirname(entry.file)).split(path.sep).join('/')}/`) : null);
  return {
    distBytes,
    distFiles,
    byFolder: [...folders.entries()].map(([folder, v]) => ({ folder, ...v })).sort((a, b) => b.bytes - a.bytes),
    recordPages: recordPages.length,
    recordHtmlMedian: quantile(sizes, 0.5),
    recordHtmlP95: quantile(sizes, 0.95),
    recordHtmlMax: largestEntry?.bytes ?? 0,
    recordHtmlGzipMedian: quantile(gz, 0.5),
    recordHtmlGzipP95: quantile(gz, 0.95),
    medianPage: pageOf(medianEntry),
    largestPage: pageOf(largestEntry),
  };
}

const SCRIPT_TAG = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const MODULEPRELOAD = /<link\b[^>]*\brel=["']?modulepreload["']?[^>]*>/gi;
const STYLESHEET = /<link\b[^>]*\brel=["']?stylesheet["']?[^>]*>/gi;
/** `import x from "…"`, `import {a} from"…"`, `import "…"`, and `export … from "…"`; not `import(…)`. */
const STATIC_IMPORT = /\bimport\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"'\n]+)["']|\bexport\s*(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*["']([^"'\n]+)["']/g;

/** What the browser fetches for one page before anything is lazily imported. */
export function pageWeight(dist: string, page: string): PageWeight {
  const htmlFile = fileFor(dist, page)!;
  const html = fs.readFileSync(htmlFile);
  const text = html.toString('utf8');
  const js = new Map<string, Buffer>();
  const queue: { url: string; base: string }[] = [];
  let inlineBytes = 0;
  let inlineGzip = 0;
  for (const m of text.matchAll(SCRIPT_TAG)) {
    const attrs = m[1]!;
    if (!/\btype=["']?module/i.test(attrs)) continue;
    const src = /\bsrc=["']?([^"'\s>]+)/i.exec(attrs)?.[1];
    if (src) queue.push({ url: src, base: page });
    else {
      inlineBytes += Buffer.byteLength(m[2]!);
      inlineGzip += gzipSize(m[2]!);
      for (const spec of importsOf(m[2]!)) queue.push({ url: spec, base: page });
    }
  }
  for (const m of text.matchAll(MODULEPRELOAD)) {
    const href = /\bhref=["']?([^"'\s>]+)/i.exec(m[0])?.[1];
    if (href) queue.push({ url: href, base: page });
  }
  while (queue.length) {
    const { url, base } = queue.shift()!;
    const resolved = new URL(url, `http://site${base}`);
    if (resolved.host !== 'site') continue;
    const key = resolved.pathname;
    if (js.has(key)) continue;
    const file = fileFor(dist, key);
    if (!file) continue;
    const body = fs.readFileSync(file);
    js.set(key, body);
    for (const spec of importsOf(body.toString('utf8'))) queue.push({ url: spec, base: key });
  }
  let cssBytes = 0;
  let cssGzip = 0;
  for (const m of text.matchAll(STYLESHEET)) {
    const href = /\bhref=["']?([^"'\s>]+)/i.exec(m[0])?.[1];
    const file = href ? fileFor(dist, new URL(href, `http://site${page}`).pathname) : null;
    if (!file) continue;
    const body = fs.readFileSync(file);
    cssBytes += body.length;
    cssGzip += gzipSize(body);
  }
  let jsBytes = inlineBytes;
  let jsGzip = inlineGzip;
  for (const body of js.values()) {
    jsBytes += body.length;
    jsGzip += gzipSize(body);
  }
  return { page, htmlBytes: html.length, htmlGzip: gzipSize(html), jsFiles: js.size, jsBytes, jsGzip, cssBytes, cssGzip };
}

function importsOf(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(STATIC_IMPORT)) {
    const spec = m[1] ?? m[2];
    if (spec && (spec.startsWith('.') || spec.startsWith('/'))) out.push(spec);
  }
  return out;
}

/** The built file behind a site path (directories serve their index.html), or null. */
export function fileFor(dist: string, sitePath: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(sitePath);
  } catch {
    rel = sitePath;
  }
  const file = path.join(dist, rel);
  if (!file.startsWith(dist)) return null;
  try {
    const st = fs.statSync(file);
    if (st.isFile()) return file;
    if (st.isDirectory() && fs.existsSync(path.join(file, 'index.html'))) return path.join(file, 'index.html');
  } catch {
    // Missing.
  }
  return null;
}
