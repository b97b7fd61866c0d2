#!/usr/bin/env node
// Entry point. `make` (and npm's prepare step) compile the TypeScript to dist/ and bundle it;
// how a command starts, which thread runs it and who answers Ctrl-C: pipeline/launch.ts.
import { launch } from '../dist/pipeline/launch.js';

process.exitCode = await launch(process.argv.slice(2));
