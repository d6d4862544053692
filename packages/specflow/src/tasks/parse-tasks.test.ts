import { describe, expect, it } from 'vitest';
import { checkTasks } from './check-tasks.js';
import { groupDomain, groupName, parseTasksMd } from './parse-tasks.js';
import { looksLikePath, parseTaskLine } from './task-line.js';

describe('parseTasksMd', () => {
  it('reads every "- [ ]" line as a task, at any indentation, like the kit; the title is the text', () => {
    const tasks = parseTasksMd('# Tasks\n- [ ] 1.1 First\n  - [x] 1.1.1 Nested\n- [X] Plain words\n* [ ] a star bullet is no task\n- [ ]\n');
    expect(tasks.map(({ line, title, checked, ref, style }) => ({ line, title, checked, ref, style }))).toEqual([
      { line: 2, title: '1.1 First', checked: false, ref: '1.1', style: 'openspec' },
      { line: 3, title: '1.1.1 Nested', checked: true, ref: '1.1.1', style: 'openspec' },
      { line: 4, title: 'Plain words', checked: true, ref: undefined, style: 'plain' },
    ]);
  });

  it('takes groups from the shallowest sub-heading, without their numbering', () => {
    const text = '# T\n## 1. Database Setup\n- [ ] a\n### Details\n- [ ] b\n## Phase 2: User Story 1 - Login (Priority: P1)\n- [ ] c\n';
    expect(parseTasksMd(text).map((task) => [task.group, groupDomain(task.group)])).toEqual([
      ['Database Setup', 'database-setup'],
      ['Database Setup', 'database-setup'],
      ['User Story 1 - Login', 'user-story-1-login'],
    ]);
    expect(parseTasksMd('### Only\n- [ ] a\n')[0]!.group).toBe('Only');
    expect(parseTasksMd('- [ ] a\n')[0]!.group).toBeUndefined();
    expect(groupName('2.3) Wrap up')).toBe('Wrap up');
  });

  it('reads Verify, Files and Depends lines under a task; other lines become notes', () => {
    const [task, next] = parseTasksMd(
      '- [ ] 1.1 Store `src/a.ts`\n  - **Verify**: `npm test -- a` and `npm run lint`\n  - Files: `src/b.ts`, `src/a.ts`\n  - Depends on: 2.1\n  - Keep the API stable, see `docs/api.md`\n- [ ] 2.1 Next\n',
    );
    expect(task).toMatchObject({
      verify: ['npm test -- a', 'npm run lint'],
      paths: ['src/a.ts', 'src/b.ts', 'docs/api.md'],
      dependencies: [{ ref: '2.1', line: 4 }],
      notes: ['Keep the API stable, see `docs/api.md`'],
    });
    expect(next).toMatchObject({ verify: [], notes: [], title: '2.1 Next' });
  });

  it('ignores checkbox lines inside code fences', () => {
    expect(parseTasksMd('```\n- [ ] 1.1 example\n```\n- [ ] 1.2 real\n').map((task) => task.ref)).toEqual(['1.2']);
  });
});

describe('parseTaskLine', () => {
  it('reads spec-kit ids and markers, and drops the markers from the title', () => {
    expect(parseTaskLine('T012 [P] [US2] Add the model in `src/models/user.py`')).toEqual({
      ref: 'T012',
      style: 'spec-kit',
      parallel: true,
      story: 'US2',
      dependsOn: [],
      paths: ['src/models/user.py'],
      title: 'T012 Add the model in `src/models/user.py`',
    });
  });

  it('reads (depends on ...), (after ...) and (needs: ...) clauses', () => {
    expect(parseTaskLine('2.1 Wire it (depends on 1.1, 1.2 and T003)').dependsOn).toEqual(['1.1', '1.2', 'T003']);
    expect(parseTaskLine('Wire it (after `task_002`)')).toMatchObject({ dependsOn: ['task_002'], title: 'Wire it' });
    expect(parseTaskLine('Redirect after login').dependsOn).toEqual([]);
    expect(parseTaskLine('3 retries at most')).toMatchObject({ style: 'plain', title: '3 retries at most' });
    expect(parseTaskLine('1. First')).toMatchObject({ ref: '1', style: 'openspec' });
  });

  it('takes backticked paths, not commands, identifiers or URLs', () => {
    for (const path of ['src/a.ts', 'README.md', 'src/checkout/', 'docs/**/*.md', '.github/workflows/ci.yml']) expect(looksLikePath(path), path).toBe(true);
    for (const other of ['npm test', 'otp_secret', 'https://x.dev/a', 'v1.2', 'foo()', '--force', 'a=b.c']) expect(looksLikePath(other), other).toBe(false);
  });
});

describe('checkTasks', () => {
  it('resolves dependencies by number, spec-kit id or plan id', () => {
    const tasks = parseTasksMd('- [ ] 1.1 A\n- [ ] T002 B (after 1.1)\n- [ ] C (after t002, task_001)\n');
    expect(checkTasks(tasks, 'tasks.md')).toEqual({ dependsOn: [[], [0], [1, 0]], diagnostics: [] });
  });

  it('makes a spec-kit task without [P] depend on the task before it in its phase', () => {
    const text =
      '## Phase 1: Setup\n- [ ] T001 A\n- [ ] T002 [P] B\n- [ ] T003 C\n### Detail\n- [ ] T004 D\n' +
      '## Phase 2: Core\n- [ ] T005 [P] E\n- [ ] T006 F (depends on T001)\n- [ ] 2.1 An OpenSpec line\n';
    // T003 waits for T002 even though T002 is [P]; a sub-heading does not start a phase; T005 is [P] and
    // T006 adds T005 to its own dependency; OpenSpec lines get no implicit dependency.
    expect(checkTasks(parseTasksMd(text), 'tasks.md').dependsOn).toEqual([[], [], [1], [2], [], [0, 4], []]);
  });

  it('finds a cycle that the implicit spec-kit dependency closes', () => {
    const { diagnostics } = checkTasks(parseTasksMd('- [ ] T001 A (after T002)\n- [ ] T002 B\n'), 'tasks.md');
    expect(diagnostics.map((found) => found.message)).toEqual(['dependency cycle: T001 -> T002 -> T001']);
  });

  it('finds a self-dependency as a cycle', () => {
    const { diagnostics } = checkTasks(parseTasksMd('- [ ] 1.1 A (after 1.1)\n'), 'tasks.md');
    expect(diagnostics.map((found) => found.message)).toEqual(['dependency cycle: 1.1 -> 1.1']);
  });
});
