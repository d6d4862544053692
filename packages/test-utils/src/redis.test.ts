import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startRedis } from './redis.js';

function ping(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.once('data', (data) => (socket.destroy(), resolve(data.toString().trim())));
    socket.once('error', reject);
  });
}

describe('startRedis', () => {
  it('serves on its port, stops by pid, and restarts on the same port', async () => {
    const redis = await startRedis();
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    expect(await ping(redis.port)).toBe('+PONG');
    await redis.stop();
    await expect(ping(redis.port)).rejects.toThrow(/ECONNREFUSED/);
    await redis.restart();
    expect(await ping(redis.port)).toBe('+PONG');
  });

  it('fails saying how to install redis-server when the binary is missing', async () => {
    await expect(startRedis({ binary: '/nonexistent/redis-server' })).rejects.toThrow('run `bash scripts/setup-system.sh` (or `sudo apt-get install redis-server`)');
  });
});
