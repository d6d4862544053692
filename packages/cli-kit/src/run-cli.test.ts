import { describe, expect, it } from 'vitest';
import type { CommandModule } from 'yargs';
import { handler } from './context.js';
import { PlanwrightError, UsageError } from './errors.js';
import { captureIo } from './io.js';
import { runCli } from './run-cli.js';

const commands: CommandModule<object, { name?: string; loud: boolean }>[] = [
  {
    command: 'hello [name]',
    describe: 'Say hello',
    builder: (yargs) => yargs.positional('name', { type: 'string' }).option('loud', { type: 'boolean', default: false }),
    handler: handler(async (args, io) => {
      io.out(`hello ${args.name ?? 'world'}${args.loud ? '!' : ''}`);
    }),
  },
  { command: 'fail', describe: 'Fail the work', handler: handler(async () => 1) },
  {
    command: 'refuse',
    describe: 'Refuse bad input',
    handler: handler(async () => {
      throw new UsageError('plan.json: tasks[0].id: missing', { hint: 'every task needs an "id"' });
    }),
  },
  {
    command: 'timeout',
    describe: 'Time out',
    handler: handler(async () => {
      throw new PlanwrightError('the agent ran past --timeout-minutes 1', { exitCode: 124 });
    }),
  },
  {
    command: 'crash',
    describe: 'A bug',
    handler: handler(async () => {
      throw new TypeError('x is undefined');
    }),
  },
];

async function run(argv: string[]) {
  const io = captureIo();
  const code = await runCli({ scriptName: 'demo', version: '1.2.3', description: 'A demo CLI.', commands }, argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('runCli', () => {
  it('runs a command and returns 0', async () => {
    expect(await run(['hello', 'ana', '--loud'])).toEqual({ code: 0, stdout: 'hello ana!\n', stderr: '' });
  });

  it('returns the exit code a handler gives', async () => {
    expect((await run(['fail'])).code).toBe(1);
  });

  it('prints help and version to the io, exit 0', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('demo <command> [options]\n\nA demo CLI.');
    expect(help.stdout).toContain('demo hello [name]');
    expect((await run(['--version'])).stdout).toBe('1.2.3\n');
  });

  it('prints a typed error as one line with its hint, and its exit code', async () => {
    expect(await run(['refuse'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'demo: plan.json: tasks[0].id: missing (every task needs an "id")\n',
    });
    expect((await run(['timeout'])).code).toBe(124);
  });

  it('prints the stack of an unexpected error, exit 1', async () => {
    const { code, stderr } = await run(['crash']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^TypeError: x is undefined\n\s+at /);
  });

  it.each([
    [['hello', '--bogus'], 'demo: unknown option: --bogus (see demo --help)\n'],
    [['hello', '--a=1', '-b'], 'demo: unknown options: --a, -b (see demo --help)\n'],
    [['nope'], 'demo: unknown argument: nope (see demo --help)\n'],
    [[], 'demo: Name a command. (see demo --help)\n'],
  ])('usage mistakes %j exit 2 with one line', async (argv, stderr) => {
    expect(await run(argv)).toEqual({ code: 2, stdout: '', stderr });
  });
});
