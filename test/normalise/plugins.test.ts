/**
 * Each normalise plugin alone, on small trees: a fixture folder
 * `fixtures/<plugin>/<case>/` holds the input (`input.txt`, a plain-text report, or `input.md`,
 * Markdown for the structure earlier plugins would have made), the tree the plugin must leave
 * (`tree.json`, positions left out), when it warns its messages (`messages.txt`,
 * `line:column: reason`), and for the metadata plugin the metadata it gives (`meta.json`). The input goes through the parse stage only (the read stage's
 * blocks with the page left as it is, then the text or Markdown parser), and then through
 * unified with this one plugin: no other plugin, no publish().
 *
 * A case without tree.json gets one written from what the plugin does, and fails: read it,
 * and commit it if it is right.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { unified, type Plugin } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { read } from '../../pipeline/read/index.js';
import { parseMarkdown, parseText } from '../../pipeline/parse/index.js';
import { reportMetadata } from '../../pipeline/normalise/metadata.js';
import { reportPunctuation } from '../../pipeline/normalise/punctuation.js';
import { reportTables } from '../../pipeline/normalise/tables.js';
import { reportHeadings } from '../../pipeline/normalise/headings.js';
import { reportGlossary } from '../../pipeline/normalise/glossary.js';
import { reportLeads } from '../../pipeline/normalise/leads.js';
import { reportLists } from '../../pipeline/normalise/lists.js';
import { reportIds } from '../../pipeline/normalise/ids.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

/** The plugins that shape the tree (figures only reads it: test/normalise/figures*.test.ts). */
const PLUGINS: Record<string, Plugin<[], Root>> = {
  metadata: reportMetadata,
  punctuation: reportPunctuation,
  tables: reportTables,
  headings: reportHeadings,
  glossary: reportGlossary,
  leads: reportLeads,
  lists: reportLists,
  ids: reportIds,
};

/** The input of a case as the parse stage leaves it, and the file its messages go to. */
function parsed(dir: string): { tree: Root; file: VFile } {
  const markdown = existsSync(join(dir, 'input.md'));
  const path = join(dir, markdown ? 'input.md' : 'input.txt');
  const file = new VFile({ path: markdown ? 'input.md' : 'input.txt' });
  const input = read(readFileSync(path), file.path, { page: false });
  return { tree: markdown ? parseMarkdown(input, file) : parseText(input, file), file };
}

/** The tree as JSON without positions (they are the parse stage's, tested there). */
const withoutPositions = (tree: Root): unknown => JSON.parse(JSON.stringify(tree, (key, value) => (key === 'position' ? undefined : value)));

const messages = (file: VFile) => file.messages.map((m) => `${m.line ?? '-'}:${m.column ?? '-'}: ${m.reason}`);

describe('the fixtures', () => {
  it('cover every plugin that shapes the tree, and only those', () => {
    expect(readdirSync(FIXTURES).sort()).toEqual(Object.keys(PLUGINS).sort());
  });
});

describe.each(Object.keys(PLUGINS))('%s alone', (plugin) => {
  const cases = existsSync(join(FIXTURES, plugin)) ? readdirSync(join(FIXTURES, plugin)).sort() : [];
  it.each(cases)('%s', (name) => {
    const dir = join(FIXTURES, plugin, name);
    const { tree, file } = parsed(dir);
    unified().use(PLUGINS[plugin]!).runSync(tree, file);
    const got = withoutPositions(tree);
    const expectedTree = join(dir, 'tree.json');
    if (!existsSync(expectedTree)) {
      writeFileSync(expectedTree, JSON.stringify(got, null, 2) + '\n');
      if (file.messages.length) writeFileSync(join(dir, 'messages.txt'), messages(file).join('\n') + '\n');
      if (file.data.meta) writeFileSync(join(dir, 'meta.json'), JSON.stringify(file.data.meta, null, 2) + '\n');
      expect.fail(`${expectedTree} was missing: written from this run, to be read and committed`);
    }
    expect(got).toEqual(JSON.parse(readFileSync(expectedTree, 'utf8')));
    const expectedMessages = join(dir, 'messages.txt');
    expect(messages(file)).toEqual(existsSync(expectedMessages) ? readFileSync(expectedMessages, 'utf8').trimEnd().split('\n') : []);
    const expectedMeta = join(dir, 'meta.json');
    expect(file.data.meta).toEqual(existsSync(expectedMeta) ? JSON.parse(readFileSync(expectedMeta, 'utf8')) : undefined);
  });
});
