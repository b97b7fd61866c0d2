/**
 * `reportpress sync`, what `make` runs: brings an output folder in line with a source
 * folder. Outputs of removed sources go, every stale report is built (all in this one
 * process: batch.ts), and each failure is reported while the rest goes on.
 */
import { join } from 'node:path';
import { buildBatch, type BatchOptions, type BatchResult } from './batch.js';
import { plan, shownSource, type Plan } from './plan.js';
import { listRecords, removeOutputs, removeRecord } from './record.js';

export interface SyncOptions extends BatchOptions {
  sourceDir: string;
}

export async function sync(options: SyncOptions, made?: Plan): Promise<BatchResult> {
  const todo = made ?? (await plan({ sourceDir: options.sourceDir, out: options.out, template: options.template, formats: options.formats }));
  for (const record of todo.remove) {
    removeOutputs(options.out, record);
    removeRecord(options.out, record.name);
    if (!options.quiet) console.error(`${join(options.out, record.name)}/ removed (${shownSource(record)} is gone)`);
  }
  for (const { message } of todo.refused) console.error(message);
  const result = todo.build.length ? await buildBatch(todo.build.map((s) => s.source), options) : { failed: 0, stats: [] };
  result.failed += todo.refused.length;
  return result;
}

/** Removes every output folder recorded under `out` (what `make clean` removes); returns how many. */
export function clean(out: string): number {
  const records = listRecords(out);
  for (const record of records) {
    removeOutputs(out, record);
    removeRecord(out, record.name);
  }
  return records.length;
}
