const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['tasks', 2, 'status']` -> `tasks[2].status`; odd keys are quoted: `meta["a b"]`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(String(segment))) out += out ? `.${String(segment)}` : String(segment);
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}
