// Writes dist/schemas/<name>.schema.json from the built zod schemas, so the JSON Schema that ships is
// always the one the code validates with.
import { mkdir, writeFile } from 'node:fs/promises';
import { SCHEMAS, jsonSchemaFor } from '../dist/index.js';

const outDir = new URL('../dist/schemas/', import.meta.url);
await mkdir(outDir, { recursive: true });
for (const name of Object.keys(SCHEMAS)) {
  await writeFile(new URL(`${name}.schema.json`, outDir), `${JSON.stringify(jsonSchemaFor(name), null, 2)}\n`);
}
