import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** Mean of a list of numbers. */
export function mean(values) {
  return values.reduce((total, value) => total + value, 0) / values.length;
}

/** Median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Wall time of one process run, in ms (`options`: spawn's `cwd` and `env`). Throws if it exits non-zero. */
export function timeProcess(command, args, options = {}) {
  const start = performance.now();
  const result = spawnSync(command, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

/**
 * Median wall time of each command over `runs` rounds. Commands run interleaved (a, b, c, a, b, c, ...)
 * so that a slow moment of the machine hurts them all alike, and the ratios stay fair.
 */
export function compareProcesses(commands, { runs = 15, warmup = 2 } = {}) {
  const samples = commands.map(() => []);
  for (let round = 0; round < warmup + runs; round++) {
    commands.forEach(([command, args, options], index) => {
      const elapsed = timeProcess(command, args, options);
      if (round >= warmup) samples[index].push(elapsed);
    });
  }
  return samples.map(median);
}

/** Median time of an async function over `runs` calls, in ms. */
export async function timeAsync(fn, { runs = 7, warmup = 1 } = {}) {
  const samples = [];
  for (let round = 0; round < warmup + runs; round++) {
    const start = performance.now();
    await fn();
    if (round >= warmup) samples.push(performance.now() - start);
  }
  return median(samples);
}

/** One result line: name, measured value, baseline, ratio, and whether the target holds. */
export function report(rows) {
  const lines = rows.map((row) => [
    row.name,
    `${row.value.toFixed(1)} ms`,
    row.baseline === undefined ? '' : `${row.baseline.toFixed(1)} ms ${row.baselineName}`,
    row.baseline === undefined ? '' : `${(row.value / row.baseline).toFixed(2)}x`,
    row.target,
    row.target === '(info)' ? '' : row.met ? 'ok' : 'MISSED',
  ]);
  const header = ['benchmark', 'median', 'baseline', 'ratio', 'target', ''];
  const widths = header.map((_, i) => Math.max(...[header, ...lines].map((line) => line[i].length)));
  for (const line of [header, ...lines]) console.log(line.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd());
  return rows.every((row) => row.met);
}
