// docs/file-formats.md: one table of fields per file, read from the JSON Schemas that
// @planwright/plan-schema ships (jsonSchemaFor) and from orchestrator.toml's zod schema in
// @planwright/agent-runner; the words around the tables are in format-notes.mjs.
import { FIELD_NOTES, FILES, INTRO, OTHER_FILES, TOML_FILE } from './format-notes.mjs';
import { anchor } from './cli-reference.mjs';

// zod writes "any safe integer" as these bounds; they say nothing to a reader.
const SAFE_INT = 9007199254740991;

/** Fields found without a description during one render, reported on stderr. */
const missing = [];

/** A field's type in the words of the table: `string`, `string[]`, `"a" \| "b"`, `integer ≥ 0 \| null`. */
function typeOf(schema) {
  if (!schema || Object.keys(schema).length === 0) return 'any';
  if (schema.anyOf) return [...new Set(schema.anyOf.map(typeOf))].join(' \\| ');
  if (schema.enum) return schema.enum.map((value) => `\`"${value}"\``).join(' \\| ');
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types
    .map((type) => {
      if (type === undefined) return 'any';
      if (type === 'array') {
        const item = typeOf(schema.items);
        return item.includes('\\|') ? `(${item})[]` : `${item}[]`;
      }
      if (type === 'object' && schema.additionalProperties && Object.keys(schema.additionalProperties).length && !schema.properties) {
        return `map of ${typeOf(schema.additionalProperties)}`;
      }
      const floor = schema.minimum !== undefined && schema.minimum !== -SAFE_INT ? ` ≥ ${schema.minimum}` : '';
      return `${type}${floor}`;
    })
    .join(' \\| ');
}

/** The object part of a field (`usage` is `object | null`), when it has named fields. */
function objectPart(schema) {
  if (schema?.properties) return schema;
  return schema?.anyOf?.find((member) => member.properties);
}

/** Table rows of an object schema, nested fields as `a.b`, map entries as `a.<key>.b`. */
function rows(file, schema, prefix = '') {
  const required = new Set(schema.required ?? []);
  const out = [];
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${name}`;
    const key = `${file.schema}:${path}`;
    const description = [field.description, FIELD_NOTES[key]].filter(Boolean).join(' ');
    if (!description) missing.push(key);
    const link = file.links?.[path];
    const type = file.types?.[path] ?? (link ? `[${link}](#${anchor(FILES.find((f) => f.schema === link).heading)})[]` : typeOf(field));
    out.push({ path, type, required: required.has(name), description });
    if (link) continue;
    const inner = objectPart(field);
    if (inner) out.push(...rows(file, inner, `${path}.`));
    const entry = field.additionalProperties;
    if (entry && typeof entry === 'object' && objectPart(entry)) {
      out.push(...rows(file, objectPart(entry), `${path}.${file.mapKeys?.[path] ?? '<key>'}.`));
    }
  }
  return out;
}

const cell = (text) => text.replace(/\n/g, ' ').replace(/\|/g, (bar, offset, all) => (all[offset - 1] === '\\' ? bar : '\\|'));

function table(file, schema) {
  const lines = ['| field | type | required | description |', '| --- | --- | --- | --- |'];
  for (const row of rows(file, schema)) {
    lines.push(`| \`${row.path}\` | ${row.type} | ${row.required ? 'yes' : 'no'} | ${cell(row.description || '—')} |`);
  }
  return lines.join('\n');
}

/** orchestrator.toml's zod schema, as the subset of JSON Schema the table reads. */
export function zodToJsonSchema(schema) {
  const def = schema._zod.def;
  switch (def.type) {
    case 'optional':
      return zodToJsonSchema(def.innerType);
    case 'object': {
      const properties = {};
      const required = [];
      for (const [name, field] of Object.entries(def.shape)) {
        properties[name] = zodToJsonSchema(field);
        if (field._zod.def.type !== 'optional') required.push(name);
      }
      return { type: 'object', properties, required };
    }
    case 'record':
      return { type: 'object', additionalProperties: zodToJsonSchema(def.valueType) };
    case 'enum':
      return { type: 'string', enum: Object.values(def.entries) };
    case 'array':
      return { type: 'array', items: zodToJsonSchema(def.element) };
    case 'number': {
      const floor = (def.checks ?? []).map((check) => check._zod.def).find((check) => check.check === 'greater_than' && check.inclusive);
      return { type: def.format ? 'integer' : 'number', ...(floor ? { minimum: Number(floor.value) } : {}) };
    }
    case 'string':
    case 'boolean':
      return { type: def.type };
    default:
      return {};
  }
}

function section(file, schema) {
  const title = file.schema === TOML_FILE.schema ? '' : ` Schema: \`${file.schema}\` (\`planwright json-schema --schema ${file.schema}\`).`;
  return [`## ${file.heading}`, `${file.intro}${title}`, table(file, schema), file.notes?.trim()].filter(Boolean).join('\n\n');
}

export function renderFileFormats({ planSchema, agentRunner }) {
  missing.length = 0;
  const names = Object.keys(planSchema.SCHEMAS);
  const known = new Set(FILES.map((file) => file.schema));
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length) throw new Error(`gen-docs: no notes for the schema(s) ${unknown.join(', ')}: add them to scripts/gen-docs/format-notes.mjs`);
  const files = FILES.filter((file) => names.includes(file.schema));
  const sections = files.map((file) => section(file, planSchema.jsonSchemaFor(file.schema)));
  sections.push(section(TOML_FILE, zodToJsonSchema(agentRunner.OrchestratorConfigSchema)));
  if (missing.length) console.error(`gen-docs: fields without a description (add one to the schema or to format-notes.mjs): ${missing.join(', ')}`);
  const overview = [
    '| file | fields | written by |',
    '| --- | --- | --- |',
    ...[...files, TOML_FILE].map((file) => `| ${file.path} | [${file.heading}](#${anchor(file.heading)}) | ${file.writtenBy} |`),
  ].join('\n');
  return `${INTRO.trim()}\n\n${overview}\n\n${sections.join('\n\n')}\n\n${OTHER_FILES.trim()}\n`;
}
