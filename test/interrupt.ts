/**
 * Shared by the tests that interrupt a real build (test/cli.test.ts, test/hostile/commit.test.ts).
 * An interrupt test proves something only when the signal lands in the middle of a build: a
 * build that is already over exits 0 and never runs the cleanup. So the tests build a short
 * report and then a long one, wait until the short one's folder is in place (the pipeline, and
 * its signal handler, are running then), and signal while the long one is still being built.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A report whose build takes seconds on any machine (about 300 KB of distinct paragraphs: a
 * repeated paragraph would be read as a second copy of the report and dropped).
 */
export function longReport(paragraphs = 2000): string {
  const lines = ['某市政府工作报告', '各位代表：', '一、过去一年工作回顾'];
  for (let i = 1; i <= paragraphs; i++) {
    if (i === paragraphs / 2) lines.push('二、今年工作安排');
    lines.push(`第${i}段，全市上下坚持稳中求进工作总基调，扎实推进第${i}项重点工作，取得了新的成效。`);
  }
  return lines.join('\n\n') + '\n';
}

/** Temporary or replaced sets (`.name.tmp-pid-tag`, `.name.old-pid-tag`) anywhere under `dir`. */
export function leftovers(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.(tmp|old)-\d+-[0-9a-f]{8}$/.test(f));
}

export interface Interrupted {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Runs the CLI with `args`, sends `signal` as soon as `ready()` holds (checked every 10 ms), and
 * resolves when the process has ended. Fails if the process ends before `ready()` held.
 */
export function interruptWhen(cli: string, cwd: string, args: string[], ready: () => boolean, signal: NodeJS.Signals, env: NodeJS.ProcessEnv = {}): Promise<Interrupted & { signalled: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, ...env } });
    let stderr = '';
    let signalled = false;
    child.stderr.on('data', (d) => (stderr += d));
    const poll = setInterval(() => {
      if (signalled || !ready()) return;
      signalled = true;
      child.kill(signal);
    }, 10);
    // 'close', not 'exit': by then all of stderr has been read.
    child.on('close', (code, how) => {
      clearInterval(poll);
      resolve({ code, signal: how, stderr, signalled });
    });
  });
}

/** Whether `dir` holds every file in `names`. */
export const holds = (dir: string, names: string[]) => names.every((n) => existsSync(join(dir, n)));

/** A file's size, or -1 while it is not there (a folder being switched is briefly absent). */
export function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return -1;
  }
}
