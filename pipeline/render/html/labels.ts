/**
 * Words the writer itself puts on the page (not from the report): landmark names and the
 * accessible names of links and regions. The visible words of a layout (the TOC title, the
 * cover lines) come from the template instead.
 */
export const LABELS = {
  cover: '封面',
  titlepage: '扉页',
  bodymatter: '正文',
  landmarks: '导览',
  backToText: '返回正文',
  skipToText: '跳到正文',
} as const;
