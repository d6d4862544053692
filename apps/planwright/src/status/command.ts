import { camelCaseFlags, handler, printJson, type CliIo } from '@planwright/cli-kit';
import { planLocationOptions } from '@planwright/plan-schema/commands';
import type { CommandModule } from 'yargs';
import type { StatusArgs } from './args.js';

/** `planwright status`: the plan, the latest run; `--graph` Mermaid; `--watch` while a run goes on. */
export const statusCommand: CommandModule<object, StatusArgs> = {
  command: 'status',
  describe: 'Where a PR stands: counts, runnable and blocked tasks, agent/time/tokens per task, the latest run',
  builder: (yargs) =>
    camelCaseFlags(planLocationOptions(yargs)
      .option('run-root', { type: 'string', describe: 'Runs in <run-root>/<PR>/ (default <plan dir>/runs)' })
      .option('graph', { type: 'boolean', default: false, describe: 'Print the dependency graph as Mermaid (domains as subgraphs)' })
      .option('watch', { type: 'boolean', default: false, describe: 'Refresh while a run is going; ends when it ends (or Ctrl-C)' })
      .option('interval', { type: 'number', default: 2, describe: 'Seconds between refreshes with --watch' })
      .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document' })
      .example('$0 status --pr pr-42', 'Where pr-42 stands')
      .example('$0 status --pr pr-42 --graph > graph.mmd', 'The dependency graph for a Markdown viewer')),
  handler: handler(async (args, io) => {
    if (args.graph) {
      const { loadPlan, resolvePlanFile } = await import('@planwright/plan-schema');
      const { mermaidGraph } = await import('./mermaid.js');
      const located = resolvePlanFile(args);
      io.out(mermaidGraph(await loadPlan(located.file, { label: located.label })).trimEnd());
      return 0;
    }
    if (args.watch) return (await import('./watch.js')).watchStatus(args, io);
    const { prStatus, renderPrStatus } = await import('./pr-status.js');
    const status = await prStatus(args);
    if (args.json) printJson(io, status);
    else io.out(renderPrStatus(status));
    return 0;
  }),
};

export type { StatusArgs, CliIo };
