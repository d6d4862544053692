import { describe, expect, it } from 'vitest';
import { checkRepoAllowed, normalizeRepoUrl } from './allow-repo.js';
import { refSafe } from './job-names.js';

describe('normalizeRepoUrl', () => {
  it.each([
    ['https://GitHub.com/acme/app.git/', 'https://github.com/acme/app'],
    ['HTTPS://github.com/acme/app/', 'https://github.com/acme/app'],
    ['ssh://Git@GitHub.COM:22/acme/App.git', 'ssh://Git@github.com:22/acme/App'],
    ['git@GitHub.com:acme/app.git', 'git@github.com:acme/app'],
    ['/srv/git/App.git/', '/srv/git/App'],
  ])('%s -> %s', (url, normalized) => {
    expect(normalizeRepoUrl(url)).toBe(normalized);
  });
});

describe('checkRepoAllowed', () => {
  it('allows any repository with an empty list, and a listed one in any spelling', () => {
    expect(() => checkRepoAllowed({ url: 'https://x.example/a.git', allowRepos: [], worker: 'w1' })).not.toThrow();
    expect(() => checkRepoAllowed({ url: 'https://X.example/a', allowRepos: ['https://x.example/a.git'], worker: 'w1' })).not.toThrow();
  });

  it('refuses another repository, naming the URL, the worker and the fix', () => {
    expect(() => checkRepoAllowed({ url: 'https://x.example/b.git', allowRepos: ['https://x.example/a.git'], worker: 'w1' })).toThrow(
      expect.objectContaining({
        name: 'RepoNotAllowedError',
        message: 'worker w1 refuses the job for https://x.example/b.git: the repository is not on its --allow-repo list',
        hint: 'start the worker with --allow-repo https://x.example/b.git',
        exitCode: 2,
      }),
    );
  });
});

describe('refSafe', () => {
  it.each([
    ['w1', 'w1'],
    ['build box #2', 'build-box--2'],
    ['.hidden..name.lock', 'hidden-name-lock'],
    ['a:b~c^d', 'a-b-c-d'],
    ['', 'worker'],
  ])('%s -> %s', (name, safe) => {
    expect(refSafe(name)).toBe(safe);
  });
});
