import { describe, expect, it } from 'vitest';
import { specflowCommands } from './commands/index.js';
import { fixtureRepo, run } from '../test/fixture-repo.js';

describe('specflow CLI', () => {
  it('prints the help: every command, and one example for each', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatchInlineSnapshot(`
      "specflow <command> [options]

      Spec-first scaffolding: OpenSpec-style changes (proposal, tasks, spec deltas) that validate,
      turn into a plan.json, and merge into openspec/specs/ when archived.

      Commands:
        specflow init                 Create openspec/ with project.md and the specs/, changes/ and
                                      archive/ folders (--layout openspec-1: OpenSpec 1.x's)
        specflow proposal <change>    Create openspec/changes/<change>/ with proposal.md, tasks.md,
                                      design.md and specs/
        specflow validate [change]    Check a change (tasks, every spec delta) or a main spec, or all of
                                      them (exit 1 on problems)
        specflow plan <change>        Generate .plans/<PR>/plan.json (and CONTEXT.md, a MASTER.md entry)
                                      from the change's tasks.md
        specflow validate-plan        Check .plans/<PR>/plan.json: JSON syntax, types, statuses, ids,
                                      dependencies, cycles
        specflow archive <change>     Merge the change's spec deltas into openspec/specs/ and move it to
                                      openspec/archive/ (OpenSpec 1.x: openspec/changes/archive/), all or
                                      nothing
        specflow list                 List active changes with task progress and the capabilities they
                                      change (--specs: the specs, --archived: archived changes)
        specflow show <name>          Show a change (tasks with their state, what each delta does) or a
                                      spec (requirements)
        specflow conflicts [change]   Find requirements that more than one active change touches (exit 1
                                      when there are any)
        specflow sync-tasks <change>  Check the tasks.md boxes of tasks done in .plans/<PR>/plan.json and
                                      report drift either way

      Options:
            --version  Show version number                                                       [boolean]
        -h, --help     Show help                                                                 [boolean]

      Examples:
        specflow init                           openspec/ with project.md
        specflow proposal add-2fa               scaffold openspec/changes/add-2fa/
        specflow validate add-2fa --strict      tasks and spec deltas, warnings fail too
        specflow validate --all --json          every change and main spec at once
        specflow plan add-2fa --pr pr-42        write .plans/pr-42/plan.json
        specflow validate-plan --pr pr-42       check .plans/pr-42/plan.json
        specflow archive add-2fa                merge the deltas into openspec/specs/
        specflow list                           active changes with task progress
        specflow show add-2fa                   tasks and deltas of a change
        specflow conflicts                      requirements two changes touch
        specflow sync-tasks add-2fa --pr pr-42  tick tasks.md from plan.json

      --repo DIR (default .) goes before or after the command. Every command takes --help and --json.
      "
    `);
  });

  it.each(specflowCommands.map((command) => String(command.command).split(' ')[0]!))(
    '%s --help shows --repo, --json and an example',
    async (name) => {
      const { code, stdout } = await run([name, '--help']);
      expect(code).toBe(0);
      expect(stdout).toContain('--repo');
      expect(stdout).toContain('--json');
      expect(stdout).toMatch(new RegExp(`Examples:\\n\\s+specflow ${name}`));
    },
  );

  it('takes --repo before the command (the kit form) or after it', async () => {
    const repo = await fixtureRepo('basic');
    const before = await run(['--repo', repo, 'list'], repo);
    const after = await run(['list', '--repo', repo], repo);
    expect(before).toEqual({ code: 0, stdout: 'add-2fa  1/4 tasks  specs: auth, notifications  Add two-factor login\n', stderr: '' });
    expect(after).toEqual(before);
  });

  it('rejects an unknown flag or command with exit 2 and one line', async () => {
    expect(await run(['validate', 'x', '--bogus'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'specflow: unknown option: --bogus (see specflow --help)\n',
    });
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('says which option is missing', async () => {
    const { code, stderr } = await run(['validate-plan']);
    expect(code).toBe(2);
    expect(stderr).toBe('specflow: Missing required argument: pr (see specflow --help)\n');
  });
});
