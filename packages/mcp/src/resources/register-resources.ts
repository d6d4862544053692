import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { UsageError } from '@planwright/cli-kit';
import { readLogTail, showRun } from '@planwright/run-store';
import { findRun } from '../runs/find-run.js';
import { prPaths, type PrPaths, type ServerContext } from '../server/context.js';
import { servePlanSubscriptions } from './plan-watch.js';

/** The files of a PR served as resources, by the last part of their URI. */
const PLAN_FILES = { 'plan.json': 'application/json', 'MASTER.md': 'text/markdown', 'CONTEXT.md': 'text/markdown' } as const;
type PlanFileName = keyof typeof PLAN_FILES;

/**
 * The resources of a repository's PRs: `planwright://pr/<pr>/plan.json`, `.../MASTER.md`, `.../CONTEXT.md`,
 * `.../runs/latest` (the latest run's summary) and `.../tasks/<task>/log` (the tail of the task's log in
 * the latest run). plan.json can be subscribed to. Returns what to close.
 */
export function registerResources(server: McpServer, context: ServerContext): { close(): void } {
  const listPrs = async () => {
    const entries = await readdir(join(context.repo, '.plans'), { withFileTypes: true }).catch(() => []);
    return entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => entry.name).sort();
  };
  for (const [name, mimeType] of Object.entries(PLAN_FILES)) {
    server.registerResource(
      name,
      new ResourceTemplate(`planwright://pr/{pr}/${name}`, {
        list: async () => ({ resources: (await listPrs()).map((pr) => ({ uri: `planwright://pr/${pr}/${name}`, name: `${pr} ${name}`, mimeType })) }),
      }),
      { title: `A PR's ${name}`, description: `.plans/<pr>/${name}`, mimeType },
      async (uri, variables) => ({ contents: [{ uri: uri.href, mimeType, text: await readPlanFile(await prOf(context, variables), name as PlanFileName) }] }),
    );
  }
  server.registerResource(
    'latest-run',
    new ResourceTemplate('planwright://pr/{pr}/runs/latest', { list: undefined }),
    { title: "A PR's latest run", description: 'The latest run: status, and per task results, agent and log (run_status of the newest run)', mimeType: 'application/json' },
    async (uri, variables) => {
      const paths = await prOf(context, variables);
      const run = await showRun({ runDir: (await findRun(paths, undefined)).run_dir });
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(run, null, 2) }] };
    },
  );
  server.registerResource(
    'task-log',
    new ResourceTemplate('planwright://pr/{pr}/tasks/{task}/log', { list: undefined }),
    { title: "A task's log tail", description: "The last 200 lines of the task's agent log in the latest run", mimeType: 'text/plain' },
    async (uri, variables) => {
      const paths = await prOf(context, variables);
      const run = await showRun({ runDir: (await findRun(paths, undefined)).run_dir });
      const task = run.tasks.find((candidate) => candidate.task_id === String(variables.task));
      if (!task) throw new UsageError(`${run.run_dir}: task ${JSON.stringify(variables.task)} is not in the latest run`, { hint: `its tasks: ${run.tasks.map((t) => t.task_id).join(', ') || 'none'}` });
      return { contents: [{ uri: uri.href, mimeType: 'text/plain', text: await readLogTail(task.log.path, { maxLines: 200 }) }] };
    },
  );
  return servePlanSubscriptions(server, async (uri) => {
    const match = /^planwright:\/\/pr\/([^/]+)\/plan\.json$/.exec(uri);
    if (!match) throw new UsageError(`${uri}: only a PR's plan.json can be subscribed to`, { hint: 'planwright://pr/<pr>/plan.json' });
    return (await prPaths(context, decodeURIComponent(match[1]!))).file;
  });
}

async function prOf(context: ServerContext, variables: Record<string, string | string[]>): Promise<PrPaths> {
  return prPaths(context, decodeURIComponent(String(variables.pr)));
}

async function readPlanFile(paths: PrPaths, name: PlanFileName): Promise<string> {
  const file = join(paths.planDir, name);
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${paths.label.replace(/plan\.json$/, name)}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {
      hint: name === 'plan.json' ? 'create it with add_tasks (goal) or create_plan_from_change' : `${name} is written by planwright plan and mark_verified`,
    });
  }
}
