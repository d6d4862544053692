import { printJson, type CliIo } from '@planwright/cli-kit';
import { jsonSchemaFor, type SchemaName } from '../schemas/json-schema.js';
import type { JsonSchemaArgs } from './args.js';

/** `json-schema`: the JSON Schema of one file format (yargs has checked the name). */
export async function runJsonSchema(args: JsonSchemaArgs, io: CliIo): Promise<number> {
  printJson(io, jsonSchemaFor(args.schema as SchemaName));
  return 0;
}
