import { execa, type ResultPromise } from 'execa';
import { createServer, connect } from 'node:net';
import { onTestFinished } from 'vitest';
import { tempDir } from './temp-dir.js';

/** A redis-server started by a test: on 127.0.0.1, a free port, its data in a temp folder. */
export interface TestRedis {
  /** `redis://127.0.0.1:<port>` (with the password when one was asked for). */
  url: string;
  port: number;
  dir: string;
  /** The server's pid (for the test to SIGSTOP it, say). */
  readonly pid: number | undefined;
  /** Ends the server by its pid (TERM, then KILL after 3 s). */
  stop(): Promise<void>;
  /** Starts it again on the same port and folder: the append-only file brings the queues back. */
  restart(): Promise<void>;
}

export interface StartRedisOptions {
  /** `requirepass`: the URL then carries it as `redis://:<password>@…`. */
  password?: string;
  /** The server binary (default `redis-server` on PATH). */
  binary?: string;
}

const MISSING = 'redis-server not found: run `bash scripts/setup-system.sh` (or `sudo apt-get install redis-server`)';

/**
 * Starts `redis-server` for the current test (append-only, fsync always, so a restart keeps every job) and
 * stops it, by pid, when the test finishes. A machine without redis-server fails the test saying how to get it.
 *
 * @example
 * const redis = await startRedis();
 * const executor = await createRedisExecutor(redis.url, { notice: () => {} });
 */
export async function startRedis(options: StartRedisOptions = {}): Promise<TestRedis> {
  const dir = await tempDir('planwright-redis-');
  const port = await freePort();
  let child: ResultPromise | undefined;
  const start = async () => {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--daemonize', 'no'];
    if (options.password) args.push('--requirepass', options.password);
    child = execa(options.binary ?? 'redis-server', args, { reject: false, stdio: 'ignore' });
    const spawned = child;
    const failed = new Promise<never>((_, reject) => {
      spawned.then((result) => {
        const missing = (result as { code?: string }).code === 'ENOENT' || /ENOENT/.test(String(result.message ?? ''));
        reject(new Error(missing ? MISSING : `redis-server on port ${port} exited (${result.exitCode ?? result.signal})`));
      });
    });
    await Promise.race([waitForPort(port), failed]);
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running?.pid || running.exitCode !== null && running.exitCode !== undefined) return;
    process.kill(running.pid, 'SIGTERM');
    const timer = setTimeout(() => running.pid && tryKill(running.pid), 3000);
    await running;
    clearTimeout(timer);
  };
  await start();
  onTestFinished(stop);
  const auth = options.password ? `:${encodeURIComponent(options.password)}@` : '';
  return {
    url: `redis://${auth}127.0.0.1:${port}`,
    port,
    dir,
    get pid() {
      return child?.pid;
    },
    stop,
    restart: async () => {
      await stop();
      await start();
    },
  };
}

function tryKill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// Ready means answering PING: a restarted server first replies -LOADING while it replays its append-only file.
async function waitForPort(port: number): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
      socket.once('data', (data) => (socket.destroy(), resolve(data.toString())));
      socket.once('error', () => resolve(''));
    });
    if (reply.startsWith('+PONG') || reply.startsWith('-NOAUTH')) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`redis-server did not answer on 127.0.0.1:${port} within 5 s`);
}
