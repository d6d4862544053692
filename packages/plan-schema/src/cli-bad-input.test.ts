import { readFile } from 'node:fs/promises';
import { captureIo } from '@planwright/cli-kit';
import { tempPlanRepo } from '@planwright/test-utils';
import { describe, expect, it } from 'vitest';
import { main } from './cli.js';

// Every way a plan can be unusable, through every command that reads a plan: exit 2, one line on
// stderr naming the file and the JSON path (or line:column) with a fix, no stack, the file untouched.
const cases: [string, string, RegExp][] = [
  ['invalid JSON', '{"tasks": [{"id": "a"]}', /plan\.json:1:22: invalid JSON: expected ',' or '}' after the property value, found '\]' \(fix the JSON syntax/],
  ['a non-object JSON', '"just a string"', /plan\.json: expected a JSON object, got "just a string" \(the file must hold one object/],
  ['a wrong type', '{"tasks": [{"id": "a", "depends_on": "b"}]}', /plan\.json: tasks\[0\]\.depends_on: expected an array, got "b"$/],
  ['an unknown status', '{"tasks": [{"id": "a", "status": "wip"}]}', /plan\.json: tasks\[0\]\.status: unknown status "wip" \(allowed: pending, in_progress, agent_done, done, deferred, blocked, paused\)$/],
  ['duplicate ids', '{"tasks": [{"id": "a"}, {"id": "a"}]}', /plan\.json: tasks\[1\]\.id: duplicate id "a" \(also tasks\[0\]\) \(give every task its own id\)$/],
  ['a dependency on no task', '{"tasks": [{"id": "a", "depends_on": ["x"]}]}', /plan\.json: tasks\[0\]\.depends_on\[0\]: no task has the id "x" \(fix the id or remove it from depends_on\)$/],
  ['a cycle', '{"tasks": [{"id": "a", "depends_on": ["b"]}, {"id": "b", "depends_on": ["a"]}]}', /plan\.json: tasks\[0\]\.depends_on: dependency cycle: a -> b -> a \(each needs the next\) \(remove one of these dependencies\)$/],
  ['an unsafe id', '{"tasks": [{"id": "../../etc"}]}', /plan\.json: tasks\[0\]\.id: "\.\.\/\.\.\/etc" is not a file-name-safe id \(use letters, digits/],
  // A megabyte of brackets, and deep objects under a key of the user's: the path where the limit was passed.
  ['a file of [[[[', '['.repeat(1_000_000), /plan\.json:1:257: \(\[0\] ×256\): nested more than 256 levels deep \(planwright reads JSON up to 256 levels; flatten or remove that value\)$/],
  [
    'deep objects in an unknown key',
    `{"tasks": [{"id": "a", "x_notes": ${'{"k":'.repeat(5000)}1${'}'.repeat(5000)}}]}`,
    /plan\.json:1:\d+: tasks\[0\]\.x_notes\(\.k ×253\): nested more than 256 levels deep \(/,
  ],
];

describe.each(['status', 'next', 'validate-plan', 'mark-verified'])('plan-schema %s with a bad plan', (command) => {
  it.each(cases)('%s', async (_name, text, message) => {
    const { repo, planFile } = await tempPlanRepo({ plan: text });
    const io = captureIo();
    const extra = command === 'mark-verified' ? ['--task', 'a'] : [];
    const code = await main([command, '--repo', repo, '--pr', 'pr-1', ...extra], io);
    expect(code).toBe(2);
    const lines = io.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(io.stderr).not.toMatch(/\n\s+at /);
    expect(await readFile(planFile, 'utf8')).toBe(text);
  });
});
