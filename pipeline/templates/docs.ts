/**
 * The key reference of templates/README.md, generated from schema.ts so it cannot drift:
 *
 *   node dist/pipeline/templates/docs.js templates/README.md
 *
 * rewrites the part of the README between the KEYS markers. A test checks it is current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import * as v from 'valibot';
import { LAYOUT, STYLE_NAMES } from './schema.js';

export const BEGIN = '<!-- KEYS:BEGIN';
export const END = '<!-- KEYS:END -->';
const BEGIN_LINE = `${BEGIN} (generated from pipeline/templates/schema.ts by npm run docs; do not edit by hand) -->`;

/** Any schema of the layout, read for its parts (valibot's schemas are plain objects). */
type Schema = v.GenericSchema & { type: string; wrapped?: Schema; default?: unknown; pipe?: readonly Schema[]; entries?: Record<string, Schema>; item?: Schema; value?: Schema; options?: readonly string[] };

/** A key's schema without its optional/nullable wrappers, and the default the outermost gives. */
function peel(schema: Schema): { schema: Schema; fallback: unknown } {
  let fallback: unknown;
  while (schema.wrapped) {
    if (fallback === undefined) fallback = schema.default;
    schema = schema.wrapped;
  }
  return { schema, fallback };
}

/** The schema a pipe starts from (the value kind under the titles and descriptions). */
function base(schema: Schema): Schema {
  while (schema.pipe) schema = schema.pipe[0]!;
  return schema;
}

function typeName(schema: Schema): string {
  const title = v.getTitle(schema);
  if (title) return title;
  const kind = base(schema);
  if (kind.type === 'picklist') return `one of ${kind.options!.map((o) => `\`${o}\``).join(', ')}`;
  if (kind.type === 'array') return `list of ${typeName(peel(kind.item!).schema)}`;
  return 'mapping';
}

const show = (value: unknown): string => {
  if (value === undefined) return '—';
  if (value === null) return '`null`';
  if (typeof value === 'object') return '`' + JSON.stringify(value).replace(/"/g, '').replace(/,/g, ', ') + '`';
  return '`' + String(value) + '`';
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const meaning = (schema: Schema) => cell(v.getDescription(schema) ?? '');
const example = (schema: Schema, fallback: string) => {
  const given = (v.getMetadata(schema) as { example?: string }).example;
  return given ? cell(`\`${given}\``) : fallback;
};

/** One row per key: a row for a mapping, then rows for its keys. */
function rows(key: Schema, path: string, out: string[]): void {
  const { schema, fallback } = peel(key);
  const kind = base(schema);
  if (kind.type === 'strict_object') {
    if (path === 'styles') {
      out.push(`| \`styles.<role>\` | mapping | — | — | ${meaning(schema)} Roles: ${STYLE_NAMES.map((s) => `\`${s}\``).join(', ')}. Properties below. |`);
      return;
    }
    if (path) out.push(`| \`${path}\` | mapping | — | — | ${meaning(schema)} |`);
    for (const [name, field] of Object.entries(kind.entries!)) rows(field, path ? `${path}.${name}` : name, out);
    return;
  }
  if (kind.type === 'record') {
    out.push(`| \`${path}.<key>\` | mapping | — | ${example(schema, '`name`')} | ${meaning(schema)} |`);
    for (const [name, field] of Object.entries(base(kind.value!).entries!)) rows(field, `${path}.<key>.${name}`, out);
    return;
  }
  out.push(`| \`${path}\` | ${typeName(schema)} | ${show(fallback)} | ${example(schema, '—')} | ${meaning(schema)} |`);
  const item = kind.type === 'array' ? base(kind.item!) : undefined;
  if (item?.type === 'strict_object') for (const [name, field] of Object.entries(item.entries!)) rows(field, `${path}[].${name}`, out);
}

export function keyReference(): string {
  const out = ['| key | type | default | example | meaning |', '|---|---|---|---|---|'];
  const layout = base(LAYOUT as Schema);
  rows(LAYOUT as Schema, '', out);
  const body = base(peel(base(peel(layout.entries!.styles!).schema).entries!.body!).schema);
  const props = ['', '**Style properties** (every role; a role leaves out what it takes from `body`):', '', '| property | type | default (body) | example | meaning |', '|---|---|---|---|---|'];
  for (const [name, field] of Object.entries(body.entries!)) {
    const { schema, fallback } = peel(field);
    props.push(`| \`${name}\` | ${typeName(schema)} | ${show(fallback)} | ${example(schema, '—')} | ${meaning(schema)} |`);
  }
  return [BEGIN_LINE, '', ...out, ...props, '', END].join('\n');
}

/** The README with its generated part replaced. */
export function withKeyReference(readme: string): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1) throw new Error('templates/README.md lacks the KEYS markers');
  return readme.slice(0, start) + keyReference() + readme.slice(end + END.length);
}

if (process.argv[1] && basename(process.argv[1]) === 'docs.js') {
  const file = process.argv[2] ?? 'templates/README.md';
  writeFileSync(file, withKeyReference(readFileSync(file, 'utf8')));
}
