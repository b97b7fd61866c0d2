/**
 * Issue 17, group 2: a template cannot read files outside its folder chain through symbolic
 * links, and a loop or a bad layout is one error naming the template file.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../../pipeline/errors.js';
import { loadTemplate } from '../../pipeline/templates/index.js';
import { ROOT } from '../helpers.js';

/** A copy of the default template in a fresh folder, beside a secret file. */
function copy(): { dir: string; secret: string } {
  const root = mkdtempSync(join(tmpdir(), 'rp-tpl-link-'));
  const dir = join(root, 'tpl');
  cpSync(join(ROOT, 'templates/default'), dir, { recursive: true });
  const secret = join(root, 'secret.txt');
  writeFileSync(secret, 'SECRET-MARKER\n');
  return { dir, secret };
}

function failure(fn: () => unknown): ReportError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ReportError);
    return error as ReportError;
  }
  throw new Error('expected a ReportError');
}

describe('template files and symbolic links', () => {
  it('refuses a partial that links out of the template, naming the partial', () => {
    const { dir, secret } = copy();
    symlinkSync(secret, join(dir, 'partials/leak.hbs'));
    const error = failure(() => loadTemplate(dir, ROOT));
    expect(error.file).toBe(join(dir, 'partials/leak.hbs'));
    expect(error.message).toMatch(/symbolic link .*outside the template/);
  });

  it('refuses a stylesheet replaced by a link out of the template', () => {
    const { dir, secret } = copy();
    rmSync(join(dir, 'web/web.css.hbs'));
    symlinkSync(secret, join(dir, 'web/web.css.hbs'));
    expect(failure(() => loadTemplate(dir, ROOT)).file).toBe(join(dir, 'web/web.css.hbs'));
  });

  it('names the file of a symbolic link loop (ELOOP) instead of an internal error', () => {
    const { dir } = copy();
    symlinkSync(join(dir, 'partials/b.hbs'), join(dir, 'partials/a.hbs'));
    symlinkSync(join(dir, 'partials/a.hbs'), join(dir, 'partials/b.hbs'));
    const error = failure(() => loadTemplate(dir, ROOT));
    expect(error.format()).toMatch(/partials\/a\.hbs: error: cannot read template file: symbolic link loop/);
  });

  it('refuses a folder linked out of the template', () => {
    const { dir, secret } = copy();
    const outside = join(secret, '..', 'elsewhere');
    cpSync(join(dir, 'partials'), outside, { recursive: true });
    symlinkSync(outside, join(dir, 'more'));
    expect(failure(() => loadTemplate(dir, ROOT)).file).toBe(join(dir, 'more'));
  });

  it('follows a link that stays inside the template', () => {
    const { dir } = copy();
    symlinkSync(join(dir, 'partials/html-title.hbs'), join(dir, 'partials/title-again.hbs'));
    expect(loadTemplate(dir, ROOT).find('partials/title-again.hbs')).toBe(join(dir, 'partials/html-title.hbs'));
  });

  it('refuses a layout.yaml that links out of its folder', () => {
    const { dir, secret } = copy();
    const outside = join(secret, '..', 'layout.yaml');
    cpSync(join(dir, 'layout.yaml'), outside);
    rmSync(join(dir, 'layout.yaml'));
    symlinkSync(outside, join(dir, 'layout.yaml'));
    expect(failure(() => loadTemplate(dir, ROOT)).message).toMatch(/layout file is a symbolic link/);
  });

  it('refuses a YAML alias bomb in layout.yaml with one line naming the file', () => {
    const { dir } = copy();
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    writeFileSync(join(dir, 'layout.yaml'), bomb.join('\n') + '\n');
    const error = failure(() => loadTemplate(dir, ROOT));
    expect(error.file).toBe(join(dir, 'layout.yaml'));
    expect(error.message).toMatch(/alias/i);
  });
});

describe('Handlebars expansion', () => {
  it('refuses partials that double forty levels deep, naming a file', () => {
    const { dir } = copy();
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, `partials/d${i}.hbs`), i === 39 ? 'x' : `{{> d${i + 1}}}{{> d${i + 1}}}`);
    const error = failure(() => loadTemplate(dir, ROOT));
    expect(error.file).toMatch(/partials\/d\d+\.hbs$/);
    expect(error.message).toMatch(/partials expand to more than/);
  });

  it('keeps a partial that recurses over nested data, and names the file when one recurses without end', () => {
    const { dir } = copy();
    writeFileSync(join(dir, 'partials/html-imprint.hbs'), '{{> html-imprint}}');
    const tpl = loadTemplate(dir, ROOT);
    let error: unknown;
    try {
      tpl.render('html/titlepage.xhtml.hbs', { meta: {}, labels: {} });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).file).toMatch(/titlepage\.xhtml\.hbs$/);
  });
});
