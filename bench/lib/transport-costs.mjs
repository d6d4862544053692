// What git as the transport costs per task on this machine, step by step, with the remote's side of each
// push and fetch (receive-pack, upload-pack, pack-objects, unpack or index-pack, the connectivity check,
// gc --auto): the CPU that a task on workers needs on top of a local run, whatever the orchestrator does.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { mean } from './measure.mjs';
import { benchGit, childrenCpuMs } from './workers-setup.mjs';

/**
 * The steps of one task's round trip, in order. A task's own commit and push are its alone; the worker's
 * fetch serves only its jobs sent from one head, the coordinator's steps a batch of tasks.
 */
export const TRANSPORT_STEPS = [
  { name: 'worker fetch', side: 'worker', what: 'the new base into its clone' },
  { name: 'worker checkout', side: 'worker', what: 'the base, detached' },
  { name: 'worker commit', side: 'worker', what: 'add and commit the task' },
  { name: 'worker push', side: 'worker', what: 'the task branch' },
  { name: 'coordinator fetch', side: 'coordinator', what: "the task's commit" },
  { name: 'coordinator cherry-pick', side: 'coordinator', what: 'onto a head that moved' },
  { name: 'coordinator push', side: 'coordinator', what: 'the PR branch, for the next task' },
];

// Housekeeping put off, as planwright's own fetches and commits do (one `gc --auto` later, not one per command).
const QUIET = '-c gc.auto=0 -c maintenance.auto=false';

// One round: a worker takes the PR branch's head, commits its task and pushes it; the coordinator, whose
// head another task moved meanwhile, fetches it, cherry-picks it and pushes the PR branch. `times` after
// each step: the children's CPU so far, so the difference is that step's.
const ROUND = `
set -e
mark() { times >&3; echo "@@ $1" >&3; }
cd "$WORKER"
git ${QUIET} fetch -q origin +refs/heads/pr/bench:refs/remotes/origin/pr/bench; mark 'worker fetch'
git checkout -q --force --detach origin/pr/bench; mark 'worker checkout'
echo "$ROUND_ID" > "w$ROUND_ID.txt"; git add -A; git ${QUIET} commit -q -m "w$ROUND_ID"; mark 'worker commit'
git push -q origin "HEAD:refs/heads/planwright/bench/w$ROUND_ID"; mark 'worker push'
cd "$COORDINATOR"
echo "$ROUND_ID" > "o$ROUND_ID.txt"; git add -A; git ${QUIET} commit -q -m "other $ROUND_ID"
mark skip
git ${QUIET} fetch -q origin "refs/heads/planwright/bench/w$ROUND_ID"; mark 'coordinator fetch'
git ${QUIET} cherry-pick FETCH_HEAD >/dev/null; mark 'coordinator cherry-pick'
git push -q origin pr/bench; mark 'coordinator push'
`;

/**
 * The CPU (ms, the mean of `rounds` after a first one) of each transport step against the bench remote of
 * `repo` (a benchRepo: pr/bench pushed to its bare `origin`), from clones of its own in the bench root.
 */
export function transportCosts(context, { bare }, rounds = 10) {
  const worker = join(context.root, 'transport-worker');
  const coordinator = join(context.root, 'transport-coordinator');
  benchGit(context, context.root, ['clone', '-q', '--branch', 'pr/bench', bare, worker]);
  benchGit(context, context.root, ['clone', '-q', '--branch', 'pr/bench', bare, coordinator]);
  const samples = new Map(TRANSPORT_STEPS.map((step) => [step.name, []]));
  for (let round = 0; round <= rounds; round++) {
    const env = { ...context.env, WORKER: worker, COORDINATOR: coordinator, ROUND_ID: String(round) };
    const result = spawnSync('bash', ['-c', `exec 3>&1 1>/dev/null; ${ROUND}`], { env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`transport round ${round}: ${result.stderr}`);
    if (round === 0) continue; // clones' first fetch and push: not what a task's costs
    // Lines of `times` (the children's line last), then `@@ <step>`: each step is the difference (`skip`:
    // the coordinator's own commit standing for another task's landing, not counted).
    let before = 0;
    let now = 0;
    for (const line of result.stdout.split('\n')) {
      if (line.startsWith('@@ ')) {
        samples.get(line.slice(3))?.push(now - before);
        before = now;
      } else if (/\dm[\d.]+s/.test(line)) {
        now = childrenCpuMs(line);
      }
    }
  }
  // The mean of the rounds: a busy moment of the host in one of them counts as a tenth.
  const perStep = TRANSPORT_STEPS.map((step) => ({ ...step, ms: mean(samples.get(step.name)) }));
  const sum = (side) => perStep.filter((step) => !side || step.side === side).reduce((total, step) => total + step.ms, 0);
  return { steps: perStep, workerMs: sum('worker'), coordinatorMs: sum('coordinator'), totalMs: sum() };
}
