import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A plan of `count` tasks shaped like real ones: titles, verify commands, expected files, a few
 * dependencies on earlier tasks, domains, and a spread of statuses.
 */
export function makePlan(count) {
  const id = (i) => `task_${String(i + 1).padStart(5, '0')}`;
  const statuses = ['done', 'done', 'agent_done', 'pending', 'pending', 'pending', 'blocked', 'in_progress'];
  const tasks = Array.from({ length: count }, (_, i) => {
    const depends_on = [i - 1, i - 7, i - 31].filter((dep) => dep >= 0 && (i + dep) % 3 !== 0).map(id);
    return {
      id: id(i),
      title: `Implement part ${i + 1} of the feature`,
      description: 'Change the module, keep the public API, add tests next to the code.',
      expected_files: [`src/part-${i}.ts`, `src/part-${i}.test.ts`],
      verify: ['pnpm typecheck', `pnpm vitest run src/part-${i}.test.ts`],
      done_criteria: ['tests pass'],
      depends_on,
      status: i < count / 4 ? 'done' : statuses[i % statuses.length],
      domain: `domain-${i % 8}`,
    };
  });
  return { goal: `A plan of ${count} tasks`, created_at: '2026-11-24T00:00:00Z', tasks };
}

/** Writes plans of the given sizes to a temp folder; returns their paths and a cleanup function. */
export function writePlans(sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'planwright-bench-'));
  const files = Object.fromEntries(
    sizes.map((size) => {
      const file = join(dir, `plan-${size}.json`);
      writeFileSync(file, `${JSON.stringify(makePlan(size), null, 2)}\n`);
      return [size, file];
    }),
  );
  return { files, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
