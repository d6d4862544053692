import { camelCaseFlags, handler, printJson } from '@planwright/cli-kit';
import { layoutOption } from '@planwright/specflow/commands';
import type { CommandModule } from 'yargs';

interface InitArgs {
  repo: string;
  force: boolean;
  json: boolean;
  layout?: 'kit' | 'openspec-1';
}

/** `planwright init`: openspec/, .plans/PLANNER.md and the .gitignore block. */
export const initCommand: CommandModule<object, InitArgs> = {
  command: 'init',
  describe: 'Set a repository up: openspec/ with project.md (or, --layout openspec-1, OpenSpec 1.x\'s config.yaml), .plans/PLANNER.md (the planner\'s rules), the .gitignore block',
  builder: (yargs) =>
    camelCaseFlags(layoutOption(yargs)
      .option('repo', { type: 'string', default: '.', describe: 'Repository root' })
      .option('force', { type: 'boolean', default: false, describe: 'Rewrite project.md and PLANNER.md if they exist' })
      .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document' })
      .example('$0 init', 'Set up the current repository')
      .example('$0 init --layout openspec-1', 'The same, in the layout today\'s OpenSpec CLI uses')),
  handler: handler(async (args, io) => {
    const { initRepo } = await import('./init-repo.js');
    const result = await initRepo({ repo: args.repo, force: args.force, layout: args.layout });
    if (args.json) printJson(io, result);
    else {
      io.out(`layout: ${result.layout === 'kit' ? 'kit (openspec/project.md, archives in openspec/archive/)' : 'openspec-1 (OpenSpec 1.x: openspec/config.yaml, archives in openspec/changes/archive/)'}`);
      for (const file of result.created) io.out(`created ${file}`);
      if (result.kept.length) io.out(`kept ${result.kept.join(', ')}`);
      io.out(`.gitignore: ${result.gitignore === 'unchanged' ? 'run folders already ignored' : `run folders ignored (${result.gitignore})`}`);
      io.out('next: give .plans/PLANNER.md to your planning agent, then "planwright proposal <change>"');
    }
  }),
};
