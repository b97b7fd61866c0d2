/**
 * Rendering one format in a worker thread, next to the others.
 *
 * The PDF is about half of a build's work. With V8's optimising compiler held back
 * (bin/reportpress.js), a build keeps one core busy; a second core lays out the PDF in a
 * worker meanwhile. bin/reportpress.js starts the worker before it loads the pipeline itself;
 * the worker loads its own bundle (the PDF writer and the template loader), the template, and
 * opens the layout's faces while the main thread reads and parses the source; then it
 * receives the parsed publication (a structured clone of plain objects, ~2 ms for the seed),
 * renders, and hands the bytes back without copying. The font files it reads are shared with
 * the main thread (shared/fonts.ts).
 *
 * The writer in the worker is the same code as in the main thread, so its files are the same
 * bytes (a test compares them). Its warnings come back with the files; its errors come back as
 * messages and are raised in the main thread as they would have been there.
 */
import { parentPort, workerData, type MessagePort, type Worker } from 'node:worker_threads';
import { shareFontsTo } from './render/shared/fonts.js';
import { ReportError, isReportError, type Place } from './errors.js';
import type { Publication } from './model.js';
import type { Format } from './render/index.js';
import type { RemoteWriter } from './build.js';
import type { OutputFile, RenderContext, Writer } from './render/types.js';
import { loadTemplate, type Template } from './templates/index.js';

/**
 * What a worker is started with (its workerData): the format it renders. bin/reportpress.js
 * starts it (the script is bin/pdf-worker.cjs) before it loads the pipeline.
 */
export interface Setup {
  /**
   * `fonts`: where to share the font files it reads (see shared/fonts.ts); `tiers`: the
   * compiler tiers in force, which name the code caches it may use (engine/load.cjs).
   */
  reportpressWorker: { format: Format; fonts?: MessagePort; tiers: string };
}
/** The first message: the template, once the command line has been read. */
interface Configure {
  template: string;
}
interface Job {
  id: number;
  publication: Publication;
  date: Date;
}
type Reply =
  | { id: number; files: OutputFile[]; warnings: string[] }
  | { id: number; error: { message: string; place?: Place; stack?: string } };

/** The main thread's side of a worker that renders one format of any number of publications, one at a time. */
export class FormatWorker {
  private next = 1;
  private readonly waiting = new Map<number, { resolve(reply: Reply): void; reject(error: Error): void }>();
  private failure: Error | undefined;

  /** @param template the template name or folder, as given on the command line */
  constructor(
    private readonly worker: Worker,
    template: string,
    readonly format: Format,
  ) {
    this.worker.on('message', (reply: Reply) => {
      const job = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      job?.resolve(reply);
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const job of this.waiting.values()) job.reject(error);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the ${format} worker thread stopped (exit code ${code})`)));
    const configure: Configure = { template };
    this.worker.postMessage(configure);
  }

  /** A writer that renders in the worker, with the worker's own copy of the template. */
  get writer(): RemoteWriter {
    return (publication, context) => this.render(publication, context);
  }

  /** Jobs are sent one after another (the worker's writer is not re-entrant); see render. */
  private queue: Promise<unknown> = Promise.resolve();

  /** Jobs sent and not yet back (the one rendering included). */
  private outstanding = 0;

  /** How many publications the worker has still to render (the one under way included). */
  get pending(): number {
    return this.outstanding;
  }

  /** Renders in the worker once the jobs sent before this one are done. */
  render(publication: Publication, context: Omit<RenderContext, 'template'>): Promise<OutputFile[]> {
    this.outstanding++;
    const turn = this.queue.then(() => this.renderNow(publication, context)).finally(() => this.outstanding--);
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async renderNow(publication: Publication, context: Omit<RenderContext, 'template'>): Promise<OutputFile[]> {
    if (this.failure) throw this.failure;
    const id = this.next++;
    const reply = await new Promise<Reply>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // Diagnostics are VFileMessages (not plain objects) and writers do not read them.
      const job: Job = { id, publication: { ...publication, diagnostics: [] }, date: context.date };
      this.worker.postMessage(job);
    });
    if ('error' in reply) {
      const { message, place, stack } = reply.error;
      if (place) throw new ReportError(place, message);
      const error = new Error(message);
      if (stack) error.stack = stack;
      throw error;
    }
    for (const warning of reply.warnings) context.warn(warning);
    return reply.files;
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

/** A writer as the worker serves it. */
export interface Served {
  write: Writer;
  /** Work that needs only the template, done while the first publication is awaited. */
  warm?(template: Template): void;
}

/**
 * The worker's side (pdf-worker.ts says how to load the writer): loads its writer at once, the
 * template when told which (then warms the writer with it), then renders each publication it
 * is sent.
 */
export function serveFormat(load: (format: Format) => Promise<Served>, rendered?: () => void): void {
  const { format, fonts } = (workerData as Setup).reportpressWorker;
  const port = parentPort!;
  if (fonts) shareFontsTo(fonts);
  // Errors are kept for the first job: the main thread reports them with its source's name.
  const writer = load(format);
  writer.catch(() => undefined);
  let template: Promise<Template> | undefined;

  port.on('message', async (message: Configure | Job) => {
    if (!('id' in message)) {
      // The main thread checks the template's Handlebars files; the layout is what the PDF needs.
      template = Promise.resolve().then(() => loadTemplate(message.template, process.cwd(), { checkHandlebars: false }));
      template.catch(() => undefined);
      // Warming is only a head start: a failure there shows again, and is reported, in the job.
      Promise.all([writer, template])
        .then(([served, loaded]) => served.warm?.(loaded))
        .catch(() => undefined);
      return;
    }
    const job = message;
    const warnings: string[] = [];
    let reply: Reply;
    try {
      const context: RenderContext = { template: await template!, date: job.date, warn: (warning) => warnings.push(warning) };
      const files = await (await writer).write(job.publication, context);
      reply = { id: job.id, files, warnings };
      rendered?.();
    } catch (error) {
      const place = isReportError(error) ? { file: error.file, line: error.line, column: error.column } : undefined;
      reply = { id: job.id, error: { message: (error as Error)?.message ?? String(error), place, stack: (error as Error)?.stack } };
    }
    port.postMessage(reply, transferable(reply));
  });
}

/** The byte buffers of the files, moved to the main thread rather than copied. */
function transferable(reply: Reply): ArrayBuffer[] {
  if ('error' in reply) return [];
  const buffers = new Set<ArrayBuffer>();
  for (const file of reply.files) {
    const data = file.data;
    // Only a view of a whole buffer of its own: a slice of a shared pool must be copied.
    if (typeof data !== 'string' && data.buffer instanceof ArrayBuffer && data.byteOffset === 0 && data.byteLength === data.buffer.byteLength) buffers.add(data.buffer);
  }
  return [...buffers];
}
