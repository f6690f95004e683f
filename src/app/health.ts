/**
 * The health and metrics endpoints, on HEALTH_PORT (off when unset) and HEALTH_HOST (default
 * 127.0.0.1: only this machine's probes and scraper reach it unless asked otherwise). Plain node:http.
 *
 *   GET /healthz  200 while the process runs (a liveness probe)
 *   GET /readyz   200 when it can answer (the gateway is ready and the knowledge is loaded; under the
 *                 shard manager: every shard), else 503 with the reason
 *   GET /metrics  Prometheus text format (see ./metrics.ts)
 *
 * HEAD is answered like GET without a body; other methods get 405, other paths 404.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from './log';

export interface Readiness {
  ready: boolean;
  /** Why not, in a few words (the body of a 503). */
  reason?: string;
}

export interface HealthOptions {
  port: number;
  host: string;
  readiness(): Readiness | Promise<Readiness>;
  metrics(): Promise<{ contentType: string; body: string }>;
  logger: Logger;
}

export interface HealthServer {
  /** The port actually bound (HEALTH_PORT=0 picks a free one). */
  port: number;
  host: string;
  close(): Promise<void>;
}

const TEXT = 'text/plain; charset=utf-8';

export async function startHealthServer(options: HealthOptions): Promise<HealthServer> {
  const { logger } = options;
  const server = http.createServer((req, res) => {
    const send = (status: number, body: string, headers: http.OutgoingHttpHeaders = {}): void => {
      res.writeHead(status, { 'Content-Type': TEXT, 'Cache-Control': 'no-store', ...headers, 'Content-Length': Buffer.byteLength(body) });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n', { Allow: 'GET, HEAD' });
    const path = (req.url ?? '/').split('?')[0];
    const answer = async (): Promise<void> => {
      if (path === '/healthz') return send(200, 'ok\n');
      if (path === '/readyz') {
        const r = await options.readiness();
        return r.ready ? send(200, 'ready\n') : send(503, `not ready${r.reason ? `: ${r.reason}` : ''}\n`);
      }
      if (path === '/metrics') {
        const m = await options.metrics();
        return send(200, m.body, { 'Content-Type': m.contentType });
      }
      send(404, 'not found\n');
    };
    answer().catch((error: unknown) => {
      logger.error({ err: error, path }, 'health endpoint failed');
      if (!res.headersSent) send(500, 'internal error\n');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => logger.error({ err: error }, 'health server error'));
  const address = server.address() as AddressInfo;
  logger.info({ host: options.host, port: address.port }, 'health server listening');
  return {
    port: address.port,
    host: options.host,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
