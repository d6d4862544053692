// Reads the `fake-agent:` directive lines of a brief: what the fake agent does for this task.

export const MODES = {
  complete: 0, slow: 1, hang: 0, 'hang-ignore-term': 0, exit: 1, 'no-results': 0, partial: 0, failed: 0,
  blocked: 0, 'wrong-run-id': 0, 'fenced-results': 0, 'results-in-repo': 0, 'results-no-exit': 0, 'huge-output': 1,
  'usage-limit': 1,
};

// A directive may sit in a list item, a quote or a code span: `- fake-agent: slow 3`.
const LINE = /^[\s>*`-]*fake-agent:\s*(.*?)[\s`]*$/i;

export class DirectiveError extends Error {}

/** Parses `spec` ("slow 3") into `{ name, args }`, checking the mode exists and has its argument. */
export function parseMode(spec, where) {
  const [name = '', ...args] = spec.trim().split(/\s+/);
  if (!(name in MODES)) throw new DirectiveError(`fake-codex: unknown fake-agent mode '${name}' in ${where}`);
  const needed = MODES[name];
  if (args.length < needed || (needed > 0 && !Number.isFinite(Number(args[0])))) {
    throw new DirectiveError(`fake-codex: fake-agent mode '${name}' needs a number in ${where}`);
  }
  return { name, args };
}

function unescape(text) {
  return text.replace(/\\(n|t|\\)/g, (_, c) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
}

/** `{ mode?, onResume?, writes: [{ path, content, listed }] }`: the first mode line wins; `write` lines add up. */
export function readDirectives(text, where) {
  const result = { writes: [] };
  for (const line of text.split(/\r?\n/)) {
    const body = LINE.exec(line)?.[1];
    if (body === undefined) continue;
    const keyword = body.split(/\s+/, 1)[0];
    if (keyword === 'write' || keyword === 'write-unlisted') {
      const match = /^\S+\s+(\S+)(?:\s(.*))?$/.exec(body);
      if (!match) throw new DirectiveError(`fake-codex: 'fake-agent: ${keyword}' needs a path in ${where}`);
      // write-unlisted: like an agent that forgets a file in its results' files_changed.
      result.writes.push({ path: match[1], content: `${unescape(match[2] ?? '')}\n`, listed: keyword === 'write' });
    } else if (keyword === 'on-resume') {
      result.onResume ??= parseMode(body.slice('on-resume'.length), where);
    } else {
      result.mode ??= parseMode(body, where);
    }
  }
  return result;
}
