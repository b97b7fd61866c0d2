import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { read } from '../../pipeline/read/index.js';
import { parseText } from '../../pipeline/parse/index.js';
import { walk } from '../helpers.js';

const LOOKALIKES = ['# 不是标题', '* 不是列表', '> 不是引用', '<script>alert(1)</script>', '| 不 | 是 |', '1. 不是列表', '---', '-', '[链接](http://x)', '**不是粗体**', '&amp; 不是实体', '    不是代码', 'http://example.com/a_b', '<b>不是标签</b>'];

describe('raw text is made Markdown-safe', () => {
  it('keeps every lookalike line as the same text in a paragraph', () => {
    const source = LOOKALIKES.join('\n\n') + '\n';
    const file = new VFile({ path: 'x.txt' });
    // Closing prose keeps the last lookalikes inside the report (a lone address at the very
    // end of a page is the page's, see read/locate.ts).
    const tree = parseText(read(new TextEncoder().encode('正文。\n\n' + source + '\n结束。\n'), 'x.txt'), file);
    const types = new Set([...walk(tree)].map((n) => n.type));
    expect([...types].sort()).toEqual(['paragraph', 'root', 'text']);
    const texts = tree.children.map((p) => [...walk(p)].filter((n) => n.type === 'text').map((n) => (n as { value: string }).value).join(''));
    // The lone "-" and "---" lines have no words: they are page chrome and dropped on reading.
    expect(texts).toEqual(['正文。', ...LOOKALIKES.filter((l) => /\p{L}/u.test(l)).map((l) => l.trim()), '结束。']);
  });

  it('maps positions back to source lines and columns', () => {
    const file = new VFile({ path: 'x.txt' });
    const tree = parseText(read(new TextEncoder().encode('标题\n\n\u3000\u3000a*b(c)第三行。\n'), 'x.txt'), file);
    expect(tree.children[1]!.position?.start).toEqual({ line: 3, column: 3 });
  });
});
