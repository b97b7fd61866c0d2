/**
 * The key reference of templates/README.md, generated from schema.ts so it cannot drift:
 *
 *   node dist/pipeline/templates/docs.js templates/README.md
 *
 * rewrites the part of the README between the KEYS markers. A test checks it is current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { LAYOUT_SPEC, STYLE_NAMES, type Spec } from './schema.js';

export const BEGIN = '<!-- KEYS:BEGIN';
export const END = '<!-- KEYS:END -->';
const BEGIN_LINE = `${BEGIN} (generated from pipeline/templates/schema.ts by npm run docs; do not edit by hand) -->`;

const TYPE: Record<Spec['kind'], string> = {
  length: 'length',
  fontSize: 'font size',
  lineHeight: 'line height',
  number: 'number',
  integer: 'integer',
  string: 'text',
  template: 'Handlebars text',
  enum: 'one of',
  boolean: 'true/false',
  color: 'colour',
  pageSize: 'paper size',
  list: 'list',
  object: 'mapping',
  map: 'mapping',
};

const show = (value: unknown): string => {
  if (value === undefined) return '—';
  if (value === null) return '`null`';
  if (typeof value === 'object') return '`' + JSON.stringify(value).replace(/"/g, '').replace(/,/g, ', ') + '`';
  return '`' + String(value) + '`';
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function rows(spec: Spec, path: string, out: string[]): void {
  if (spec.kind === 'object') {
    if (path === 'styles') {
      out.push(`| \`styles.<role>\` | mapping | — | — | ${cell(spec.doc)} Roles: ${STYLE_NAMES.map((s) => `\`${s}\``).join(', ')}. Properties below. |`);
      return;
    }
    if (path) out.push(`| \`${path}\` | mapping | — | — | ${cell(spec.doc)} |`);
    for (const [key, field] of Object.entries(spec.fields)) rows(field, path ? `${path}.${key}` : key, out);
    return;
  }
  if (spec.kind === 'map') {
    out.push(`| \`${path}.<key>\` | mapping | — | \`${spec.example ?? 'name'}\` | ${cell(spec.doc)} |`);
    if (spec.of.kind === 'object') for (const [key, field] of Object.entries(spec.of.fields)) rows(field, `${path}.<key>.${key}`, out);
    return;
  }
  const type = spec.kind === 'enum' ? `one of ${spec.values.map((v) => `\`${v}\``).join(', ')}` : spec.kind === 'list' ? `list of ${TYPE[spec.of.kind]}` : TYPE[spec.kind];
  const example = 'example' in spec && spec.example ? `\`${spec.example}\`` : '—';
  out.push(`| \`${path}\` | ${type} | ${show('default' in spec ? spec.default : undefined)} | ${cell(example)} | ${cell(spec.doc)} |`);
  if (spec.kind === 'list' && spec.of.kind === 'object') for (const [key, field] of Object.entries(spec.of.fields)) rows(field, `${path}[].${key}`, out);
}

export function keyReference(): string {
  const out = ['| key | type | default | example | meaning |', '|---|---|---|---|---|'];
  rows(LAYOUT_SPEC, '', out);
  const styles = (LAYOUT_SPEC as Extract<Spec, { kind: 'object' }>).fields.styles as Extract<Spec, { kind: 'object' }>;
  const body = styles.fields.body as Extract<Spec, { kind: 'object' }>;
  const props = ['', '**Style properties** (every role; a role leaves out what it takes from `body`):', '', '| property | type | default (body) | example | meaning |', '|---|---|---|---|---|'];
  for (const [key, field] of Object.entries(body.fields)) {
    const type = field.kind === 'enum' ? `one of ${field.values.map((v) => `\`${v}\``).join(', ')}` : TYPE[field.kind];
    const example = 'example' in field && field.example ? `\`${field.example}\`` : '—';
    props.push(`| \`${key}\` | ${type} | ${show('default' in field ? field.default : undefined)} | ${cell(example)} | ${cell(field.doc)} |`);
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
