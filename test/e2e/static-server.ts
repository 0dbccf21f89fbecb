/**
 * A tiny static server for the built task pane: serves one folder on 127.0.0.1 at a random port,
 * GET and HEAD only, with the MIME types the pane needs; anything else is 404 (or 405).
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface ServedRequest {
  method: string;
  path: string;
  status: number;
}

export interface StaticServer {
  /** «http://127.0.0.1:<port>», no trailing slash. */
  origin: string;
  /** Every request the server answered, in order. */
  requests: ServedRequest[];
  close(): Promise<void>;
}

export function mimeType(file: string): string | undefined {
  return MIME[path.extname(file).toLowerCase()];
}

/** The file under `root` a URL path names, or undefined when it escapes the root or is not a served file. */
function resolveFile(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  try {
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

function answer(root: string, request: IncomingMessage, response: ServerResponse): number {
  const method = request.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('method not allowed');
    return 405;
  }
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const file = resolveFile(root, url.pathname);
  const type = file ? mimeType(file) : undefined;
  if (!file || !type) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    return 404;
  }
  response.writeHead(200, {
    'Content-Type': type,
    'Content-Length': statSync(file).size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
  return 200;
}

/** Serves `root` on 127.0.0.1 at a port the system picks. */
export function startStaticServer(root: string): Promise<StaticServer> {
  const base = path.resolve(root);
  const requests: ServedRequest[] = [];
  const server = createServer((request, response) => {
    const status = answer(base, request, response);
    requests.push({ method: request.method ?? 'GET', path: request.url ?? '/', status });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        requests,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
