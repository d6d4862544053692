// Help texts shaped like codex-cli 0.169's, so an adapter that probes `codex exec --help` for the flags a
// version accepts finds the same flags here.

const EXEC_OPTIONS = [
  ['-c, --config <key=value>', 'Override a configuration value that would otherwise be loaded from `~/.codex/config.toml`'],
  ['    --enable <FEATURE>', 'Enable a feature (repeatable). Equivalent to `-c features.<name>=true`'],
  ['    --disable <FEATURE>', 'Disable a feature (repeatable). Equivalent to `-c features.<name>=false`'],
  ['    --strict-config', 'Error out when config.toml contains fields that are not recognized by this version of Codex'],
  ['-i, --image <FILE>...', 'Optional image(s) to attach to the initial prompt'],
  ['-m, --model <MODEL>', 'Model the agent should use'],
  ['    --oss', 'Use open-source provider'],
  ['    --local-provider <OSS_PROVIDER>', 'Specify which local provider to use (lmstudio or ollama)'],
  ['-p, --profile <CONFIG_PROFILE_V2>', 'Layer $CODEX_HOME/<name>.config.toml on top of the base user config'],
  ['-s, --sandbox <SANDBOX_MODE>', 'Select the sandbox policy to use when executing model-generated shell commands\n          [possible values: read-only, workspace-write, danger-full-access]'],
  ['    --approve-for-me', 'Route approval requests through automatic review using the workspace-write sandbox'],
  ['    --dangerously-bypass-approvals-and-sandbox', 'Skip all confirmation prompts and execute commands without sandboxing. EXTREMELY DANGEROUS'],
  ['    --dangerously-bypass-hook-trust', 'Run enabled hooks without requiring persisted hook trust for this invocation'],
  ['-C, --cd <DIR>', 'Tell the agent to use the specified directory as its working root'],
  ['    --worktree', 'Run the session in a new managed Git worktree'],
  ['    --add-dir <DIR>', 'Additional directories that should be writable alongside the primary workspace'],
  ['    --thread-source <SOURCE>', 'Source classification for newly created or forked threads'],
  ['    --cyber-access-program <PROGRAM>', 'Request an experimental Cyber access program for this turn'],
  ['    --skip-git-repo-check', 'Allow running Codex outside a Git repository'],
  ['    --trust', 'Save trust for this project and future chats'],
  ['    --ephemeral', 'Run without persisting session files to disk'],
  ['    --ignore-user-config', 'Do not load `$CODEX_HOME/config.toml`; auth still uses `CODEX_HOME`'],
  ['    --ignore-rules', 'Do not load user or project execpolicy `.rules` files'],
  ['    --output-schema <FILE>', "Path to a JSON Schema file describing the model's final response shape"],
  ['    --color <COLOR>', 'Specifies color settings for use in the output\n          [default: auto]\n          [possible values: always, never, auto]'],
  ['    --json', 'Print events to stdout as JSONL'],
  ['-o, --output-last-message <FILE>', 'Specifies file where the last message from the agent should be written'],
];
const FULL_AUTO = ['    --full-auto', 'Convenience alias for low-friction sandboxed automatic execution (-a on-request, --sandbox workspace-write)'];
const RESUME_HIDDEN = ['--cd', '--sandbox', '--add-dir', '--profile', '--local-provider', '--color', '--oss', '--approve-for-me'];

function renderOptions(options) {
  const lines = options.map(([flags, text]) => `  ${flags}\n          ${text}\n`);
  return `Options:\n${lines.join('\n')}\n  -h, --help\n          Print help (see a summary with '-h')\n\n  -V, --version\n          Print version\n`;
}

export function helpText(topic, { fullAuto = false } = {}) {
  if (topic === 'top') {
    return 'Codex CLI (fake-codex, for tests)\n\nUsage: codex [OPTIONS] <COMMAND>\n\nCommands:\n  exec  Run Codex non-interactively [aliases: e]\n\n'
      + 'Options:\n  -c, --config <key=value>\n  -h, --help\n  -V, --version\n';
  }
  const options = fullAuto ? [...EXEC_OPTIONS.slice(0, 10), FULL_AUTO, ...EXEC_OPTIONS.slice(10)] : EXEC_OPTIONS;
  if (topic === 'resume') {
    const resumeOptions = [
      ['    --last', 'Resume the most recent recorded session (newest) without specifying an id'],
      ['    --all', 'Show all sessions (disables cwd filtering)'],
      ...options.filter(([flags]) => !RESUME_HIDDEN.some((hidden) => flags.includes(hidden))),
    ];
    return 'Resume a previous session by id or pick the most recent with --last\n\n'
      + 'Usage: codex exec resume [OPTIONS] [SESSION_ID] [PROMPT]\n\nArguments:\n  [SESSION_ID]\n          Conversation/session id (UUID) or thread name\n\n'
      + '  [PROMPT]\n          Prompt to send after resuming the session. If `-` is used, read from stdin\n\n'
      + renderOptions(resumeOptions);
  }
  return 'Run Codex non-interactively\n\nUsage: codex exec [OPTIONS] [PROMPT]\n       codex exec [OPTIONS] <COMMAND> [ARGS]\n\n'
    + 'Commands:\n  resume  Resume a previous session by id or pick the most recent with --last\n'
    + '  fork    Fork a previous session by id into a new session\n  review  Run a code review against the current repository\n'
    + '  help    Print this message or the help of the given subcommand(s)\n\n'
    + 'Arguments:\n  [PROMPT]\n          Initial instructions for the agent. If not provided as an argument (or if `-` is used),\n'
    + '          instructions are read from stdin\n\n'
    + renderOptions(options);
}
