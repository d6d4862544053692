#!/usr/bin/env node
// A stand-in for `codex` (codex-cli 0.169) in fast orchestrator tests: the same `exec` / `exec resume`
// command line, stdin handling, JSONL events, exit codes and files, with the agent's behaviour chosen by
// `fake-agent: <mode>` lines in the task brief that the prompt names. See the package README.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
// The one prompt parser, shared with the scripted model servers; plain JavaScript, so no build is needed.
import { findBriefRefs } from '@planwright/scripted-models/brief-refs';
import { parseCommandLine, UsageError } from './fake-codex/cli-args.mjs';
import { DirectiveError, parseMode, readDirectives } from './fake-codex/directives.mjs';
import { helpText } from './fake-codex/help.mjs';
import { readPrompt } from './fake-codex/input.mjs';
import { runMode } from './fake-codex/modes.mjs';
import { loadThread, newThread, threadsDir } from './fake-codex/threads.mjs';
import { Turn } from './fake-codex/turn.mjs';

const env = process.env;

// As git sees it: a `.git` file (a worktree's pointer) or a `.git` folder that holds a HEAD. A stray empty
// `.git` folder somewhere above the temp dir does not make a repository.
function isGitDir(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat !== undefined && (stat.isFile() || existsSync(join(path, 'HEAD')));
}

function insideGitRepo(dir) {
  for (let current = dir; ; current = dirname(current)) {
    if (isGitDir(join(current, '.git'))) return true;
    if (dirname(current) === current) return false;
  }
}

function readBrief(workdir, refs) {
  if (!refs.briefPath) return { text: '', where: 'the environment' };
  const file = resolve(workdir, refs.briefPath);
  try {
    return { text: readFileSync(file, 'utf8'), where: file };
  } catch (error) {
    process.stderr.write(`fake-codex: cannot read the brief ${file}: ${error.code ?? error.message}\n`);
    return { text: '', where: file };
  }
}

async function runExec(command) {
  const { options } = command;
  const prompt = await readPrompt(command.prompt, env);
  if (prompt.trim() === '') return fatal('No prompt provided via stdin.');
  const workdir = resolve(options.cd ?? '.');
  if (!existsSync(workdir) || !statSync(workdir).isDirectory()) return fatal(`Error: No such directory: ${workdir}`);
  if (!options.skipGitRepoCheck && !insideGitRepo(workdir)) {
    return fatal('Not inside a trusted directory and --skip-git-repo-check was not specified.');
  }
  const dir = threadsDir(env);
  let thread;
  if (command.resume) {
    thread = await loadThread(dir, command.threadId);
    if (!thread) return fatal(`Error: thread/resume: thread/resume failed: no rollout found for thread id ${command.threadId ?? '(--last)'} (code -32600)`);
  }
  const promptRefs = findBriefRefs(prompt);
  // A prompt naming another brief (the task resumed by a later run) points the thread at that run's files.
  const movedOn = promptRefs.briefPath !== undefined && promptRefs.briefPath !== thread?.refs?.briefPath;
  const firstRefs = movedOn ? promptRefs : { ...thread?.refs, ...promptRefs };
  const brief = readBrief(workdir, firstRefs);
  const refs = { ...findBriefRefs(brief.text), ...firstRefs };
  thread ??= newThread();
  thread.refs = refs;
  const directives = readDirectives(brief.text, brief.where);
  const mode = command.resume
    ? directives.onResume ?? { name: 'complete', args: [] }
    : directives.mode ?? parseMode(env.FAKE_AGENT_MODE ?? 'complete', 'FAKE_AGENT_MODE');
  const turn = new Turn({
    json: options.json === true, workdir, refs, thread, threadsDir: dir, persist: options.ephemeral !== true,
    writes: directives.writes, lastMessageFile: options.outputLastMessage && resolve(options.outputLastMessage),
  });
  await turn.start();
  return runMode(turn, mode, env);
}

function fatal(message) {
  process.stderr.write(`${message}\n`);
  return 1;
}

async function main() {
  const fullAuto = env.FAKE_CODEX_FULL_AUTO === '1';
  try {
    const command = parseCommandLine(process.argv.slice(2), { fullAuto });
    if (command.command === 'version') {
      const version = env.FAKE_CODEX_VERSION ?? '0.169.0';
      process.stdout.write(`${version.startsWith('codex-cli') ? version : `codex-cli ${version}`}\n`);
      return 0;
    }
    if (command.command === 'help') {
      process.stdout.write(helpText(command.topic, { fullAuto }));
      return 0;
    }
    return await runExec(command);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof DirectiveError) return fatal(error.message);
    throw error;
  }
}

process.exitCode = await main();
