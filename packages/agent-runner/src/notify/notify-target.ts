/** Where a notification goes: `--notify <target>` or an entry of orchestrator.toml's `notify`. */
export type NotifyTarget =
  | { kind: 'command'; spec: string; words: string[] }
  | { kind: 'webhook'; spec: string; url: URL; body: WebhookBody }
  | { kind: 'desktop'; spec: string };

/** The JSON a webhook receives: planwright's own (with Slack's `text`), Slack's alone, or ntfy's publish. */
export type WebhookBody = 'json' | 'slack' | 'ntfy';

/** The placeholders a command template may use. */
export const NOTIFY_PLACEHOLDERS = ['event', 'task_id', 'reason', 'pr', 'run_dir'] as const;

/** What every target may look like, for error hints and --help. */
export const NOTIFY_TARGET_FORMS = 'command:<program and args, with {event} {task_id} {reason} {pr} {run_dir}>, http(s)://<url>, slack:<url>, ntfy:<url> or desktop';

/** A target that cannot work; the caller names the flag or the file and key. */
export class NotifyTargetError extends Error {
  override name = 'NotifyTargetError';
}

/**
 * Reads one notification target. Parsed before the run starts, so a typo is a usage error rather than a
 * notification that silently never comes.
 *
 * @example
 * parseNotifyTarget('command:notify-me {event} {task_id}'); // { kind: 'command', words: ['notify-me', '{event}', '{task_id}'] }
 * parseNotifyTarget('ntfy:https://ntfy.sh/my-runs'); // { kind: 'webhook', body: 'ntfy', ... }
 */
export function parseNotifyTarget(spec: string): NotifyTarget {
  const text = spec.trim();
  if (text === 'desktop') return { kind: 'desktop', spec: text };
  const command = /^(?:command|cmd):(.*)$/s.exec(text);
  if (command) return { kind: 'command', spec: text, words: commandWords(command[1]!) };
  const prefixed = /^(slack|ntfy):(.*)$/s.exec(text);
  if (prefixed) return { kind: 'webhook', spec: text, url: httpUrl(prefixed[2]!), body: prefixed[1] as WebhookBody };
  if (/^https?:/i.test(text)) return { kind: 'webhook', spec: text, url: httpUrl(text), body: 'json' };
  throw new NotifyTargetError(`"${spec}" is not a notification target`);
}

// Words split on blanks and each filled in on its own: no shell reads a reason the agent wrote.
function commandWords(template: string): string[] {
  const words = template.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) throw new NotifyTargetError('command: names no program');
  for (const word of words) {
    for (const [, name] of word.matchAll(/\{([^}]*)\}/g)) {
      if (!(NOTIFY_PLACEHOLDERS as readonly string[]).includes(name!)) {
        throw new NotifyTargetError(`command: unknown placeholder {${name}} (known: ${NOTIFY_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')})`);
      }
    }
  }
  return words;
}

function httpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new NotifyTargetError(`"${text}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new NotifyTargetError(`"${text}" is not an http(s) URL`);
  return url;
}

/** The target as it may be logged: a webhook's path and query often hold its secret, so only its origin. */
export function describeTarget(target: NotifyTarget): string {
  if (target.kind === 'webhook') return `${target.body === 'json' ? 'webhook' : target.body} ${target.url.origin}`;
  if (target.kind === 'command') return `command ${target.words[0]}`;
  return 'desktop';
}
