/**
 * Warnings raised while converting one tree. The same problem in two hundred paragraphs is
 * one line with a count, not two hundred lines.
 */
export interface Report {
  /** Counts `message` once, or `times` times. */
  count(message: string, times?: number): void;
  /** One line per distinct message, in the order first seen. */
  lines(): string[];
}

export function createReport(): Report {
  const counts = new Map<string, number>();
  return {
    count(message, times = 1) {
      counts.set(message, (counts.get(message) ?? 0) + times);
    },
    lines() {
      return [...counts].map(([message, n]) => (n > 1 ? `${message} (${n} times)` : message));
    },
  };
}
