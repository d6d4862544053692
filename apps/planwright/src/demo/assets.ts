import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folders the demo ships (`demo/` of the planwright package). */
export interface DemoAssets {
  /** The package root of planwright (holds package.json, demo/ and, in this monorepo, node_modules/). */
  root: string;
  /** The sample project copied into the temp folder. */
  sample: string;
  /** What the planner writes: project.md, proposal.md, tasks.md, design.md, specs/, PLAN_OPTIONS.md. */
  planner: string;
  /** The scripted models' answers: tasks/<id>.patch, RESEARCH.md, REVIEW.md. */
  models: string;
}

/**
 * Finds planwright's package root by walking up from this module to the package.json named `planwright`:
 * the same answer from src/demo/ (tests) and from dist/bin/ (the built CLI, code split into chunks).
 */
export function demoAssets(from: string = import.meta.url): DemoAssets {
  for (let dir = dirname(fileURLToPath(from)); dirname(dir) !== dir; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'planwright') {
      const demo = join(dir, 'demo');
      return { root: dir, sample: join(demo, 'sample'), planner: join(demo, 'planner'), models: join(demo, 'models') };
    }
  }
  throw new Error(`planwright: cannot find its own package.json above ${fileURLToPath(from)}`);
}
