// The checks of word-tools, runnable with plain node (no install): `node test.mjs` runs them all,
// `node test.mjs slugify cli-slug` only those. Exit 1 when one fails.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

// The commands run in this process (cli.js exports run), so the checks start no child process.
const cli = async (...args) => (await import('./cli.js')).run(args);

const checks = {
  words: async () => {
    const { words, countWords } = await import('./src/words.js');
    assert.deepEqual(words('  one two\tthree '), ['one', 'two', 'three']);
    assert.equal(countWords(''), 0);
  },
  count: async () => assert.equal(await cli('count', 'three little words'), '3'),
  slugify: async () => {
    const { slugify } = await import('./src/slug.js');
    assert.equal(slugify('Hello, World!'), 'hello-world');
    assert.equal(slugify('  Crème brûlée 2024 '), 'creme-brulee-2024');
  },
  'title-case': async () => {
    const { titleCase } = await import('./src/title-case.js');
    assert.equal(titleCase('the quick  brown fox'), 'The Quick  Brown Fox');
  },
  'cli-slug': async () => assert.equal(await cli('slug', 'Plans From Files'), 'plans-from-files'),
  readme: () => assert.match(readFileSync(new URL('./README.md', import.meta.url), 'utf8'), /node cli\.js slug/),
};

const names = process.argv.slice(2);
let failed = 0;
for (const name of names.length > 0 ? names : Object.keys(checks)) {
  try {
    if (!checks[name]) throw new Error(`no check named ${name} (known: ${Object.keys(checks).join(', ')})`);
    await checks[name]();
    console.log(`ok   ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}: ${String(error.message).split('\n')[0]}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
