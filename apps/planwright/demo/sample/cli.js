#!/usr/bin/env node
import { pathToFileURL } from 'node:url';
import { countWords } from './src/words.js';

/** Runs one command and returns what it prints; a wrong command line throws. */
export function run(args) {
  const [command, ...rest] = args;
  const text = rest.join(' ');
  switch (command) {
    case 'count':
      return String(countWords(text));
    default:
      throw new Error('usage: node cli.js count <text>');
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(run(process.argv.slice(2)));
  } catch (error) {
    console.error(error.message);
    process.exitCode = 2;
  }
}
