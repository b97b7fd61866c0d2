/**
 * What must not reach a published file, removed between parsing and normalising (so that
 * figures, anchors and metadata are computed from what will be published): links other than
 * http:, https:, mailto: and #anchors, and bidirectional controls. Each removal is a warning
 * with its line; past MAX_WARNINGS of one kind they are counted in one closing line.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Meta } from '../model.js';
import { stringsWithoutBidi, withoutBidi } from './bidi.js';
import { safeLinks, shown } from './links.js';

export { isSafeLink } from './links.js';
export { BIDI_CONTROLS } from './bidi.js';

const MAX_WARNINGS = 20;

export function makeSafe(tree: Root, file: VFile): void {
  const counted = (kind: string) => {
    let n = 0;
    return {
      warn: (reason: string, node: { position?: Root['position'] }) => {
        if (++n <= MAX_WARNINGS) file.message(reason, node.position ?? undefined);
      },
      close: () => {
        if (n > MAX_WARNINGS) file.message(`${n - MAX_WARNINGS} more ${kind} not listed`);
      },
    };
  };
  const links = counted('unsafe links');
  safeLinks(tree, links.warn);
  links.close();
  const bidi = counted('lines with bidirectional controls');
  withoutBidi(tree, bidi.warn);
  bidi.close();

  // Metadata from the page, the report's front lines and the user (a sidecar, front matter).
  for (const key of ['pageMeta', 'front', 'overrides'] as const) {
    const meta = file.data[key] as Meta | undefined;
    if (!meta) continue;
    const clean = stringsWithoutBidi(meta);
    if (clean.url !== undefined && !/^https?:/i.test(clean.url.trim())) {
      file.message(`the page address "${shown(clean.url)}" is not published (only http: and https: addresses are)`, { line: 1, column: 1 });
      delete clean.url;
    }
    file.data[key] = clean;
  }
}
