/**
 * A minimal static file server for tests: serves a built site the way a static host does
 * (directory index.html, 404.html with status 404, ATLAS_BASE prefix), on a free loopback port.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.ndjson': 'application/x-ndjson; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function serveStatic(root: string, base = '/'): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    // Appended, not resolved: a request for `//x` is a path here, not a protocol-relative URL.
    const url = new URL(`http://x${req.url ?? '/'}`);
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      rel = url.pathname;
    }
    if (!rel.startsWith(base)) return notFound(res, root);
    rel = rel.slice(base.length);
    let file = path.join(root, rel);
    if (!file.startsWith(root)) return notFound(res, root);
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!rel.endsWith('/') && rel !== '') {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
        res.end();
        return;
      }
      file = path.join(file, 'index.html');
    }
    if (!fs.existsSync(file)) return notFound(res, root);
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function notFound(res: http.ServerResponse, root: string): void {
  const page = path.join(root, '404.html');
  res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
  if (fs.existsSync(page)) fs.createReadStream(page).pipe(res);
  else res.end('not found');
}
