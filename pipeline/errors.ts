/**
 * Errors meant for the person running the tool: one line, naming the file (and line, column
 * or key where known), never a stack trace. Anything else that escapes is a bug.
 */
export interface Place {
  file: string;
  line?: number;
  column?: number;
}

export class ReportError extends Error {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;

  constructor(place: Place, message: string) {
    super(message);
    this.name = 'ReportError';
    this.file = place.file;
    this.line = place.line;
    this.column = place.column;
  }

  /** `file:line:column: error: message`, the format compilers and unified use. */
  format(): string {
    let where = this.file;
    if (this.line !== undefined) where += `:${this.line}`;
    if (this.line !== undefined && this.column !== undefined) where += `:${this.column}`;
    return `${where}: error: ${this.message}`;
  }
}

export function isReportError(value: unknown): value is ReportError {
  return value instanceof ReportError;
}
