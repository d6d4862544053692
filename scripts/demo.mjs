// The README's main job, for now: validate the example plan and show where it stands, with the built
// planwright CLI. (The full workflow demo, `planwright demo`, replaces this when the orchestrator lands.)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../apps/planwright/dist/bin/planwright.js', import.meta.url));
const plan = 'docs/examples/plan.json';

for (const [title, args] of [
  ['validate the example plan', ['validate-plan', '--plan', plan]],
  ['its status', ['status', '--plan', plan]],
  ['what can be delegated next', ['next', '--plan', plan]],
]) {
  console.log(`\n$ planwright ${args.join(' ')}    # ${title}`);
  const { status } = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
