// Parses a command line the way codex-cli 0.169 (clap) does for `codex exec` and `codex exec resume`,
// so the orchestrator's adapter meets the same usage errors (exit 2) as with the real binary.

const SANDBOX_MODES = ['read-only', 'workspace-write', 'danger-full-access'];

// Options that take a value, with the key they are stored under.
const EXEC_VALUES = {
  '-c': 'config', '--config': 'config', '--enable': 'enable', '--disable': 'disable', '-i': 'image',
  '--image': 'image', '-m': 'model', '--model': 'model', '--local-provider': 'localProvider', '-p': 'profile',
  '--profile': 'profile', '-s': 'sandbox', '--sandbox': 'sandbox', '-C': 'cd', '--cd': 'cd', '--add-dir': 'addDir',
  '--thread-source': 'threadSource', '--cyber-access-program': 'cyberAccessProgram',
  '--output-schema': 'outputSchema', '--color': 'color', '-o': 'outputLastMessage',
  '--output-last-message': 'outputLastMessage',
};
const EXEC_FLAGS = [
  '--oss', '--strict-config', '--approve-for-me', '--dangerously-bypass-approvals-and-sandbox',
  '--dangerously-bypass-hook-trust', '--worktree', '--skip-git-repo-check', '--trust', '--ephemeral',
  '--ignore-user-config', '--ignore-rules', '--json',
];
// `-C`, `-s` and `--add-dir` are not accepted after `resume` (they go before it), as in the real CLI.
const RESUME_VALUES = Object.fromEntries(Object.entries(EXEC_VALUES).filter(([flag]) =>
  !['-C', '--cd', '-s', '--sandbox', '--add-dir', '-p', '--profile', '--local-provider', '--color'].includes(flag)));
const RESUME_FLAGS = [...EXEC_FLAGS.filter((flag) => !['--oss', '--approve-for-me'].includes(flag)), '--last', '--all'];

export const EXEC_USAGE = 'Usage: codex exec [OPTIONS] [PROMPT]\n       codex exec [OPTIONS] <COMMAND> [ARGS]';
export const RESUME_USAGE = 'Usage: codex exec resume [OPTIONS] [SESSION_ID] [PROMPT]';

export class UsageError extends Error {
  constructor(message, usage) {
    super(`error: ${message}\n\n${usage}\n\nFor more information, try '--help'.`);
  }
}

function unexpected(arg, usage) {
  const tip = arg.startsWith('-') ? `\n\n  tip: to pass '${arg}' as a value, use '-- ${arg}'` : '';
  return new UsageError(`unexpected argument '${arg}' found${tip}`, usage);
}

/**
 * `argv` without node and the script. Returns `{ command: 'version' | 'help' | 'exec', ... }` or throws
 * UsageError. `fullAuto` says whether this simulated version still has `--full-auto`.
 */
export function parseCommandLine(argv, { fullAuto = false } = {}) {
  const top = { config: [] };
  let index = 0;
  for (; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--version' || arg === '-V') return { command: 'version' };
    if (arg === '--help' || arg === '-h') return { command: 'help', topic: 'top' };
    if (arg === '-c' || arg === '--config') top.config.push(argv[++index] ?? '');
    else if (arg.startsWith('--config=')) top.config.push(arg.slice('--config='.length));
    else break;
  }
  const sub = argv[index];
  if (sub !== 'exec' && sub !== 'e') {
    throw new UsageError(`fake-codex simulates only \`codex exec\`, not '${sub ?? ''}'`, EXEC_USAGE);
  }
  const exec = parseLevel(argv.slice(index + 1), execSpec(fullAuto));
  if (exec.help) return { command: 'help', topic: exec.resumeArgs ? 'resume' : 'exec' };
  if (exec.version) return { command: 'version' };
  const options = { ...exec.options, config: [...top.config, ...(exec.options.config ?? [])] };
  if (!exec.resumeArgs) return { command: 'exec', resume: false, options, prompt: exec.positionals[0] };
  const resume = parseLevel(exec.resumeArgs, resumeSpec(fullAuto));
  if (resume.help) return { command: 'help', topic: 'resume' };
  const merged = { ...options, ...resume.options, config: [...options.config, ...(resume.options.config ?? [])] };
  const [first, second] = resume.positionals;
  const last = merged.last === true;
  return {
    command: 'exec', resume: true, options: merged,
    threadId: last && second === undefined ? undefined : first,
    prompt: last && second === undefined ? first : second,
  };
}

function execSpec(fullAuto) {
  return { values: EXEC_VALUES, flags: fullAuto ? [...EXEC_FLAGS, '--full-auto'] : EXEC_FLAGS, usage: EXEC_USAGE, maxPositionals: 1, subcommands: true };
}
function resumeSpec(fullAuto) {
  return { values: RESUME_VALUES, flags: fullAuto ? [...RESUME_FLAGS, '--full-auto'] : RESUME_FLAGS, usage: RESUME_USAGE, maxPositionals: 2, subcommands: false };
}

function parseLevel(args, spec) {
  const options = {};
  const positionals = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--') { positionals.push(...args.slice(i + 1)); break; }
    if (arg === '-h' || arg === '--help') return { help: true, options, positionals };
    if (arg === '-V' || arg === '--version') return { version: true, options, positionals };
    if (arg !== '-' && arg.startsWith('-')) {
      const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
      const name = eq > 0 ? arg.slice(0, eq) : arg;
      const attached = !arg.startsWith('--') && arg.length > 2 && spec.values[arg.slice(0, 2)] ? arg.slice(0, 2) : undefined;
      const key = spec.values[attached ?? name];
      if (key) {
        const value = attached ? arg.slice(2) : eq > 0 ? arg.slice(eq + 1) : args[++i];
        if (value === undefined) throw new UsageError(`a value is required for '${name} <VALUE>' but none was supplied`, spec.usage);
        if (key === 'sandbox' && !SANDBOX_MODES.includes(value)) {
          throw new UsageError(`invalid value '${value}' for '--sandbox <SANDBOX_MODE>'\n  [possible values: ${SANDBOX_MODES.join(', ')}]`, spec.usage);
        }
        const repeatable = ['config', 'enable', 'disable', 'image', 'addDir'].includes(key);
        options[key] = repeatable ? [...(options[key] ?? []), value] : value;
      } else if (spec.flags.includes(name) && eq < 0) {
        options[name.slice(2).replace(/-([a-z])/g, (_, c) => c.toUpperCase())] = true;
      } else {
        throw unexpected(arg, spec.usage);
      }
      continue;
    }
    if (spec.subcommands && positionals.length === 0 && arg === 'resume') {
      return { options, positionals, resumeArgs: args.slice(i + 1) };
    }
    if (spec.subcommands && positionals.length === 0 && ['review', 'fork', 'help'].includes(arg)) {
      throw new UsageError(`fake-codex does not simulate \`codex exec ${arg}\``, spec.usage);
    }
    if (positionals.length >= spec.maxPositionals) throw unexpected(arg, spec.usage);
    positionals.push(arg);
  }
  return { options, positionals };
}
