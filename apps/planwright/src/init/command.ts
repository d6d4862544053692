import { camelCaseFlags, handler, printJson, UsageError } from '@planwright/cli-kit';
import { layoutOption } from '@planwright/specflow/commands';
import type { CommandModule } from 'yargs';

interface InitArgs {
  repo: string;
  force: boolean;
  json: boolean;
  layout?: 'kit' | 'openspec-1';
  mcp?: string;
  global: boolean;
}

/** `planwright init`: openspec/, .plans/PLANNER.md and the .gitignore block; with --mcp, an agent CLI's MCP configuration. */
export const initCommand: CommandModule<object, InitArgs> = {
  command: 'init',
  describe: 'Set a repository up: openspec/ with project.md (or, --layout openspec-1, OpenSpec 1.x\'s config.yaml), .plans/PLANNER.md (the planner\'s rules), the .gitignore block; with --mcp, mount "planwright mcp" in an agent CLI',
  builder: (yargs) =>
    camelCaseFlags(layoutOption(yargs)
      .option('repo', { type: 'string', default: '.', describe: 'Repository root' })
      .option('force', { type: 'boolean', default: false, describe: 'Rewrite project.md and PLANNER.md if they exist' })
      .option('mcp', { type: 'string', describe: 'Also configure this agent CLI to start "planwright mcp": codex (.codex/config.toml), claude (.mcp.json) or gemini (.gemini/settings.json)' })
      .option('global', { type: 'boolean', default: false, describe: 'With --mcp: write the user\'s configuration ($CODEX_HOME/config.toml, ~/.claude.json, ~/.gemini/settings.json) instead of the project\'s' })
      .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document' })
      .example('$0 init', 'Set up the current repository')
      .example('$0 init --mcp claude', 'The same, and Claude Code starts planwright\'s MCP server in this project')
      .example('$0 init --layout openspec-1', 'The same, in the layout today\'s OpenSpec CLI uses')),
  handler: handler(async (args, io) => {
    const { initRepo } = await import('./init-repo.js');
    const { planMcpEdit, writeMcpEdit } = await import('./init-mcp.js');
    const { initMcpLines } = await import('./init-mcp-lines.js');
    if (args.global && args.mcp === undefined) throw new UsageError('--global: only with --mcp', { hint: 'name the agent CLI whose user configuration to write, e.g. --mcp codex --global' });
    // The MCP file is checked before anything is written, so bad input changes nothing on disk.
    const edit = args.mcp === undefined ? undefined : await planMcpEdit({ client: args.mcp, global: args.global, repo: args.repo });
    const result = await initRepo({ repo: args.repo, force: args.force, layout: args.layout });
    if (edit) await writeMcpEdit(edit);
    const mcpLines = edit ? await initMcpLines(edit.result, result.repo) : [];
    if (args.json) printJson(io, edit ? { ...result, mcp: { ...edit.result, notes: mcpLines.slice(1) } } : result);
    else {
      io.out(`layout: ${result.layout === 'kit' ? 'kit (openspec/project.md, archives in openspec/archive/)' : 'openspec-1 (OpenSpec 1.x: openspec/config.yaml, archives in openspec/changes/archive/)'}`);
      for (const file of result.created) io.out(`created ${file}`);
      if (result.kept.length) io.out(`kept ${result.kept.join(', ')}`);
      io.out(`.gitignore: ${result.gitignore === 'unchanged' ? 'run folders already ignored' : `run folders ignored (${result.gitignore})`}`);
      for (const line of mcpLines) io.out(line);
      io.out(edit ? `next: give .plans/PLANNER.md to ${edit.result.client} as its instructions; it calls planwright's tools (server "planwright")` : 'next: give .plans/PLANNER.md to your planning agent, then "planwright proposal <change>"');
    }
  }),
};
