// Test-only: fast-check arbitraries of plan.json texts a careless user or a planning agent could write.
// A mostly valid plan, then mutations of its value (type changes, missing and extra keys, deep nesting,
// huge strings, odd ids) and of its text (BOM, NUL, truncation).
import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Ids a person would not pick, next to ordinary ones: unicode, path-like, empty, control characters. */
const odd = ['', '../x', 'a/b', '/abs', '.hidden', '..', 'C:\\x', 'a\u0000b', 'ü', '😀', 'with space', '-x', '__proto__', 'a'.repeat(300)];
const idArb = fc.oneof(fc.constantFrom('task_001', 'task_002', 'a', 'b.c'), fc.constantFrom(...odd), fc.string({ unit: 'binary', maxLength: 8 }));
const statusArb = fc.constantFrom('pending', 'in_progress', 'agent_done', 'done', 'deferred', 'blocked', 'delegated', 'wip', '');

const taskArb = fc.record(
  {
    id: idArb,
    title: fc.string({ maxLength: 20 }),
    status: statusArb,
    depends_on: fc.array(idArb, { maxLength: 2 }),
    expected_files: fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('../../etc/passwd', '/tmp/x', 'src/**')), { maxLength: 2 }),
    verify: fc.array(fc.constantFrom('true', 'false'), { maxLength: 2 }),
    domain: fc.string({ maxLength: 6 }),
  },
  { requiredKeys: ['id'] },
);
const planArb = fc.record({ goal: fc.string({ maxLength: 20 }), tasks: fc.array(taskArb, { maxLength: 4 }) }, { requiredKeys: ['tasks'] });

/** Every container path in a JSON value (the root is []). */
function containers(value: Json, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return out;
  out.push(path);
  for (const [key, child] of Object.entries(value)) containers(child as Json, [...path, Array.isArray(value) ? Number(key) : key], out);
  return out;
}

function at(value: Json, path: (string | number)[]): Json {
  return path.reduce<Json>((node, key) => (node as Record<string, Json>)[key as string] as Json, value);
}

/** Sets an own key (also `__proto__`, which plain assignment would turn into a prototype change). */
function put(target: Json, key: string | number, child: Json): void {
  if (Array.isArray(target)) target[(Number(key) || 0) % (target.length + 1)] = child;
  else Object.defineProperty(target, String(key), { value: child, enumerable: true, writable: true, configurable: true });
}

function nest(levels: number, leaf: Json, objects: boolean): Json {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = objects ? { k: value } : [value];
  return value;
}

type Mutation = (plan: Json) => void;

/** Picks a container of the plan by a random number, then changes one of its children. */
function mutation(change: (container: Json, key: string | number) => void): fc.Arbitrary<Mutation> {
  return fc.tuple(fc.nat(), fc.oneof(fc.nat({ max: 5 }), fc.constantFrom('id', 'status', 'tasks', 'depends_on', 'x_extra', '__proto__', 'ünï'))).map(
    ([pick, key]) =>
      (plan: Json) => {
        const all = containers(plan);
        const container = at(plan, all[pick % all.length]!);
        const keys = Object.keys(container as object);
        change(container, typeof key === 'number' && keys.length > 0 ? (Array.isArray(container) ? key : keys[key % keys.length]!) : key);
      },
  );
}

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  mutation((container, key) => void (Array.isArray(container) ? container.splice(Number(key) || 0, 1) : delete (container as Record<string, Json>)[key])),
  fc.jsonValue({ maxDepth: 3 }).chain((value) => mutation((container, key) => put(container, key, value as Json))),
  fc.tuple(fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 250, max: 700 })), fc.boolean()).chain(([levels, objects]) => mutation((container, key) => put(container, key, nest(levels, 1, objects)))),
  fc.integer({ min: 10_000, max: 100_000 }).chain((length) => mutation((container, key) => put(container, key, 'x'.repeat(length)))),
  fc.constantFrom(...odd).chain((text) => mutation((container, key) => put(container, key, text))),
);

/** How the text of the plan is spoiled after it was written. */
const textArb = fc.record({ bom: fc.boolean(), nulAt: fc.option(fc.nat()), cutAt: fc.option(fc.nat()), pretty: fc.boolean() });

/**
 * A plan.json text: usually a plan with a few mutations, sometimes a megabyte of brackets. With
 * `safeVerify`, every verify command that is a string becomes `true` or `false` (for commands that run
 * them: random text must not reach a shell).
 */
export function planTextArb(options: { safeVerify?: boolean } = {}): fc.Arbitrary<string> {
  return fc.oneof(
    {
      weight: 20,
      arbitrary: fc.tuple(planArb, fc.array(mutationArb, { maxLength: 3 }), textArb).map(([plan, mutations, text]) => render(plan as Json, mutations, text, options.safeVerify ?? false)),
    },
    // Nested past any stack: open brackets, open objects, and closed objects under a key of the user's.
    { weight: 3, arbitrary: fc.constantFrom('['.repeat(1_000_000), `{"tasks": [], "x": ${'{"a":'.repeat(50_000)}`, `{"tasks": [], "x_deep": ${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`) },
    { weight: 1, arbitrary: fc.constantFrom('\u0000', '\ufeff', '', 'null', '[]') },
  );
}

function render(plan: Json, mutations: Mutation[], text: { bom: boolean; nulAt: number | null; cutAt: number | null; pretty: boolean }, safeVerify: boolean): string {
  for (const mutate of mutations) mutate(plan);
  if (safeVerify) neuterVerify(plan);
  let out = JSON.stringify(plan, null, text.pretty ? 2 : undefined);
  // Deep values indented grow with the square of their depth: past half a megabyte, write them compact.
  if (out.length > 500_000) out = JSON.stringify(plan);
  if (text.nulAt !== null) out = `${out.slice(0, text.nulAt % (out.length + 1))}\u0000${out.slice(text.nulAt % (out.length + 1))}`;
  if (text.cutAt !== null && text.cutAt % 5 === 0) out = out.slice(0, text.cutAt % (out.length + 1));
  return text.bom ? `\ufeff${out}` : out;
}

function neuterVerify(plan: Json): void {
  const tasks = plan !== null && typeof plan === 'object' && !Array.isArray(plan) ? plan.tasks : undefined;
  for (const task of Array.isArray(tasks) ? tasks : []) {
    const verify = task !== null && typeof task === 'object' && !Array.isArray(task) ? task.verify : undefined;
    if (typeof verify === 'string') (task as Record<string, Json>).verify = 'true';
    if (Array.isArray(verify)) verify.forEach((command, index) => typeof command === 'string' && (verify[index] = command === 'false' ? 'false' : 'true'));
  }
}

/** The id of the plan's first task when it has a usable-looking one, for `--task`. */
export function firstTaskId(text: string): string {
  try {
    const id = (JSON.parse(text.replace(/^\ufeff/, '')) as { tasks?: { id?: unknown }[] }).tasks?.[0]?.id;
    return typeof id === 'string' && id !== '' ? id : 'task_001';
  } catch {
    return 'task_001';
  }
}
