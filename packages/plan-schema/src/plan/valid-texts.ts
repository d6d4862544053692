/**
 * The plan texts this process wrote after checking them in full (schema, ids, dependencies, cycles), so
 * that reading one of them back is a JSON.parse, not another check: a coordinator rereads and rewrites a
 * 200-task plan several times per task, and each check of it is ~3 ms of zod where the parse is ~0.2 ms.
 * Only texts equal to one written here are taken on trust; anything else (a person's edit, another
 * process's write) is checked as ever. The last few texts are kept (one plan's writes in flight at once).
 */
const KEPT = 4;
const texts: string[] = [];

/** `text` was just written, from a plan that passed checkPlanData. */
export function rememberValidText(text: string): void {
  if (texts.includes(text)) return;
  texts.push(text);
  if (texts.length > KEPT) texts.shift();
}

/** True when `text` is one this process wrote after a full check. */
export function isKnownValidText(text: string): boolean {
  return texts.includes(text);
}
