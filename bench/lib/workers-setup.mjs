// The pieces of the workers benchmark (bench/workers.mjs): a redis-server on a free port, a bare remote, a
// repository on a PR branch with its plan, worker processes of the built CLI. Everything started here is
// ended by its pid; everything written lives in one temp folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const path = (relative) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));
export const planwright = path('apps/planwright/dist/bin/planwright.js');
const fakeCodex = path('packages/test-utils/bin/fake-codex.mjs');

/** A temp root, the environment every process of the benchmark runs with, and a cleanup. */
export function benchRoot() {
  const root = mkdtempSync(join(tmpdir(), 'planwright-bench-workers-'));
  mkdirSync(join(root, 'home'));
  const env = {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com',
    CODEX_BIN: fakeCodex, CODEX_HOME: join(root, 'home'), XDG_CACHE_HOME: join(root, 'home', 'cache'), CODEX_ORCH_CONFIG: '',
  };
  const children = [];
  return {
    root, env, children,
    cleanup: async () => {
      await Promise.all(children.map(stopChild));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A task of the fake agent: `seconds` of work, then its file (which the `test -f` verify checks). */
export function benchTask(id, { domain, seconds = 0, files = true } = {}) {
  const directives = [...(seconds > 0 ? [`slow ${seconds}`] : []), `write ${id}.txt ${id}`];
  return {
    // expected_files: tasks without a domain run side by side only when their files are named.
    id, title: `Task ${id}`, status: 'pending', verify: [`test -f ${id}.txt`], depends_on: [], expected_files: files ? [`${id}.txt`] : [],
    description: ['Do the work.', ...directives.map((line) => `fake-agent: ${line}`)].join('\n'),
    ...(domain ? { domain } : {}),
  };
}

/** Runs git in `cwd` with the benchmark's environment; throws with its stderr when it fails. */
export function benchGit({ env }, cwd, args) {
  const result = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

/** A repository on branch pr/bench with `.plans/bench/plan.json` (gitignored), pushed to a bare remote. */
export function benchRepo(context, name, tasks) {
  const { root } = context;
  const git = (cwd, args) => benchGit(context, cwd, args);
  const bare = join(root, `${name}-remote.git`);
  const repo = join(root, name);
  git(root, ['init', '-q', '--bare', bare]);
  mkdirSync(join(repo, '.plans', 'bench'), { recursive: true });
  writeFileSync(join(repo, 'README.md'), '# bench\n');
  writeFileSync(join(repo, '.gitignore'), '.plans/\n');
  writeFileSync(join(repo, '.plans', 'bench', 'plan.json'), JSON.stringify({ goal: 'bench', tasks }, null, 2));
  git(repo, ['init', '-q', '-b', 'pr/bench']);
  git(repo, ['add', 'README.md', '.gitignore']);
  git(repo, ['commit', '-qm', 'initial']);
  git(repo, ['remote', 'add', 'origin', bare]);
  git(repo, ['push', '-q', 'origin', 'pr/bench']);
  return { repo, bare };
}

/** redis-server on 127.0.0.1 and a free port (no persistence: the benchmark measures the queue, not the disk). */
export async function benchRedis(context) {
  const port = await freePort();
  const dir = join(context.root, `redis-${port}`);
  mkdirSync(dir);
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const failed = new Promise((_, reject) => child.once('error', (error) => reject(new Error(`redis-server: ${error.message} (bash scripts/setup-system.sh installs it)`))));
  context.children.push(child);
  await Promise.race([ping(port, 200), failed]);
  return { url: `redis://127.0.0.1:${port}`, port, pid: child.pid };
}

/**
 * `count` worker processes (`planwright worker`), each with its own cache; resolves once all are registered.
 * With `timings`, the workers append their per-job phases there (PLANWRIGHT_TIMINGS).
 */
export async function benchWorkers(context, url, { count, concurrency, timings }) {
  const env = timings ? { ...context.env, PLANWRIGHT_TIMINGS: timings } : context.env;
  for (let n = 1; n <= count; n++) {
    const args = [planwright, 'worker', '--queue', url, '--cache', join(context.root, `cache-${n}`), '--name', `w${n}`, '--concurrency', String(concurrency)];
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    child.isWorker = true;
    let log = '';
    // The worker's last lines, each with the time it arrived (for a benchmark that fails).
    child.stderr.on('data', (chunk) => (log = (log + String(chunk).replace(/^(?=.)/gm, `${new Date().toISOString().slice(11, 23)} `)).slice(-4000)));
    child.log = () => log;
    context.children.push(child);
  }
  for (let tries = 0; tries < 100; tries++) {
    const listed = spawnSync(process.execPath, [planwright, 'workers', '--queue', url, '--json'], { env: context.env, encoding: 'utf8' });
    const workers = listed.status === 0 ? JSON.parse(listed.stdout) : [];
    if ((Array.isArray(workers) ? workers : workers.workers ?? []).length >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the ${count} workers did not register within 20 s`);
}

/**
 * The CPU time in ms (user + system) the worker processes have used so far, with every process under
 * them (every git, every agent: waited for, or still alive, as git-ops' kept shell is), from /proc; NaN
 * where /proc is missing.
 */
export function workersCpuMs(context) {
  return cpuMsOf(context.children.filter((candidate) => candidate.isWorker).map((child) => child.pid));
}

/**
 * The CPU time in ms of these processes and of every process below them, from /proc: each process's own
 * time and that of the children it reaped (utime, stime, cutime, cstime), over the living tree, so a
 * reaped process counts once (in its parent) and a living one (or a zombie) once (itself). NaN without /proc.
 */
export function cpuMsOf(pids) {
  if (!existsSync('/proc/self/stat')) return NaN;
  const ticks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
  const stats = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let text;
    try {
      text = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    // The fields after the command name (which may hold spaces): ppid is 4, utime..cstime are 14-17.
    const fields = text.replace(/^.*\) /s, '').split(' ');
    stats.set(Number(entry), { ppid: Number(fields[1]), ticks: [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]), 0) });
  }
  const children = new Map();
  for (const [pid, { ppid }] of stats) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let total = 0;
  const visit = (pid) => {
    total += stats.get(pid)?.ticks ?? 0;
    for (const child of children.get(pid) ?? []) visit(child);
  };
  for (const pid of pids) visit(pid);
  return (total * 1000) / ticks;
}

// bash's `times` after the command: the CPU of its children (the node process and every git it waited for).
const WITH_CPU = '"$@"; code=$?; times >&2; exit $code';

/**
 * Runs a node process to its end; resolves with its wall time in ms (and with `cpu`, its CPU time in ms,
 * user + system, its own and its child processes'). Throws on a non-zero exit.
 */
export function timedRun(args, options, { cpu = false } = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const [command, argv] = cpu ? ['bash', ['-c', WITH_CPU, 'bash', process.execPath, ...args]] : [process.execPath, args];
    const child = spawn(command, argv, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    child.once('exit', (code) => {
      const ms = performance.now() - start;
      if (code !== 0) return reject(new Error(`${args.slice(1, 3).join(' ')} exited ${code}: ${stderr}`));
      if (!cpu) return resolve(ms);
      resolve({ ms, cpuMs: childrenCpuMs(stderr) });
    });
  });
}

/** The children's CPU (user + system, ms) from the last line of bash's `times` output; NaN when absent. */
export function childrenCpuMs(timesOutput) {
  const children = timesOutput.trim().split('\n').at(-1).match(/(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/);
  return children ? 1000 * (60 * children[1] + Number(children[2]) + 60 * children[3] + Number(children[4])) : NaN;
}

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const ended = new Promise((resolve) => child.once('exit', resolve));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 5000);
  await ended;
  clearTimeout(timer);
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves once the server answers PING; also the round trip the benchmark shows as a baseline. */
export async function ping(port, tries = 1) {
  for (let round = 0; round < tries; round++) {
    const start = performance.now();
    const reply = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
      socket.once('data', (data) => (socket.destroy(), resolve(data.toString())));
      socket.once('error', () => resolve(''));
    });
    if (reply.startsWith('+PONG')) return performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`redis-server did not answer on port ${port}`);
}
