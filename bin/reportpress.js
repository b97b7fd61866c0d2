#!/usr/bin/env node
// Entry point: runs the compiled CLI (npm's prepare step and `make` compile it to dist/).
import { main, installSignalHandlers, report } from '../dist/pipeline/cli.js';

installSignalHandlers();
// A closed pipe (reportpress ast x | head) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => { process.exitCode = report(error); },
);
