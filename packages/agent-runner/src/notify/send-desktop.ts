import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { messageText, messageTitle, type NotifyMessage } from './notify-event.js';
import { runProgram, type RunProgramOptions } from './send-command.js';

/**
 * The desktop's own notifier: `notify-send` (Linux desktops) or `osascript` (macOS), whichever is on the
 * PATH; undefined when neither is (a server, a container).
 */
export async function desktopProgram(env: NodeJS.ProcessEnv = process.env): Promise<'notify-send' | 'osascript' | undefined> {
  for (const program of ['notify-send', 'osascript'] as const) {
    if (await onPath(program, env)) return program;
  }
  return undefined;
}

/** Shows one desktop notification; throws when the desktop has no notifier or it fails. */
export async function sendDesktop(message: NotifyMessage, options: RunProgramOptions): Promise<void> {
  const program = await desktopProgram(options.env);
  if (!program) throw new Error('neither notify-send nor osascript is on the PATH');
  const title = messageTitle(message);
  const text = messageText(message);
  // osascript gets the texts as arguments, never inside its script, so no quote in a reason can break it.
  const words =
    program === 'notify-send'
      ? ['notify-send', '--', title, text]
      : ['osascript', '-e', 'on run argv', '-e', 'display notification (item 2 of argv) with title (item 1 of argv)', '-e', 'end run', title, text];
  await runProgram(words, options);
}

async function onPath(program: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    try {
      await access(join(dir, program), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}
