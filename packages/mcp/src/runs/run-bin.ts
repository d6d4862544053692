#!/usr/bin/env node
// The process start_run spawns (dist/bin/planwright-run.js): `planwright run` with the workers' executors.
const { main } = await import('./run-main.js');
process.exitCode = await main(process.argv.slice(2));
