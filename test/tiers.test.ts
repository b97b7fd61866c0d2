/**
 * The two tiers of vitest.config.ts: the e2e tier is a list of files, so a file renamed or
 * moved would silently leave it (and run, slowly, in the fast tier instead). Every listed file
 * must exist.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { E2E } from '../vitest.config.js';
import { ROOT } from './helpers.js';

describe('the e2e tier', () => {
  it('lists only test files that exist', () => {
    expect(E2E.length).toBeGreaterThan(0);
    expect(E2E.filter((f) => !f.endsWith('.test.ts') || !existsSync(join(ROOT, f)))).toEqual([]);
  });
});
