/**
 * Text, made safe for XML (see xml-chars.ts); each replaced character is counted.
 */
import type { Text as HastText } from 'hast';
import type { Text } from 'mdast';
import type { Handler } from 'mdast-util-to-hast';
import { countNonXml, hasNonXml, xmlSafe } from '../xml-chars.js';
import type { Report } from './report.js';

export function xmlText(value: string, report: Report): string {
  if (!hasNonXml(value)) return value;
  report.count('a character XML cannot carry (a control character or a lone surrogate) was replaced by U+FFFD', countNonXml(value));
  return xmlSafe(value);
}

export function text(report: Report): Handler {
  return (state, node: Text) => {
    const result: HastText = { type: 'text', value: xmlText(String(node.value), report) };
    state.patch(node, result);
    return state.applyData(node, result);
  };
}
