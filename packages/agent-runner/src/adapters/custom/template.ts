/** The placeholders a custom agent's command and env may use. */
export const PLACEHOLDERS = ['prompt_file', 'brief', 'results', 'run_id', 'task_id', 'code_dir', 'run_dir'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

// `{name}` is a placeholder; `{{` and `}}` are literal braces; any other brace (`{"a": 1}`) is kept as is.
const TOKEN = /\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const KNOWN = new Set<string>(PLACEHOLDERS);

/** The placeholders in `template` that planwright does not know, in order. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(TOKEN)].map((match) => match[1]).filter((name): name is string => name !== undefined && !KNOWN.has(name));
}

/** Whether `template` uses the placeholder `name`. */
export function usesPlaceholder(template: string, name: Placeholder): boolean {
  return [...template.matchAll(TOKEN)].some((match) => match[1] === name);
}

/**
 * `template` with its placeholders replaced by `values` (each replacement one argument's text: the
 * command is an argument array, never a shell string, so nothing needs quoting).
 *
 * @example
 * expandTemplate('--message-file={prompt_file}', values); // '--message-file=/runs/r1/tasks/task_001.prompt.txt'
 */
export function expandTemplate(template: string, values: Record<Placeholder, string>): string {
  return template.replace(TOKEN, (token, name: string | undefined) => {
    if (name === undefined) return token[0]!;
    if (!KNOWN.has(name)) throw new Error(`unknown placeholder {${name}}`);
    return values[name as Placeholder];
  });
}

/** `{prompt_file}, {brief}, ...` for messages. */
export function placeholderList(): string {
  return PLACEHOLDERS.map((name) => `{${name}}`).join(', ');
}
