import { request } from 'node:http';

/**
 * A GET with the path sent exactly as given: fetch() and URL() would resolve `..` and `%2e%2e` before
 * sending, so traversal attempts need a raw request.
 */
export function rawRequest(port: number, path: string, options: { method?: string; host?: string; body?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: options.host ?? `127.0.0.1:${port}`, 'content-type': 'application/json' } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
