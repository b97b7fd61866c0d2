// The PDF worker thread of a build (pipeline/worker.ts), started by build-worker.cjs before it
// loads the pipeline. CommonJS, so the thread starts without Node's ES module loader; it loads
// the bundle of the PDF writer and the template loader (dist/reportpress-pdf.cjs) with the
// code caches of the tiers the launching thread chose (workerData: see Setup in worker.ts).
'use strict';
const { dirname, join } = require('node:path');
const { workerData } = require('node:worker_threads');
const { Loader } = require('../pipeline/engine/load.cjs');

const root = dirname(__dirname);
const loader = new Loader(root, join(root, 'node_modules/.cache/reportpress'), workerData.reportpressWorker.tiers);
loader.installPackageHook();
const bundled = loader.loadFreshBundle(join(root, 'dist/reportpress-pdf.cjs'), join(root, 'dist/pipeline/pdf-worker.js'));
// Its code caches are saved once it has rendered (so they hold what rendering compiled): the
// main thread may stop it as soon as it has the PDF.
const serve = (entry) => entry.serve(() => loader.save());
if (bundled) serve(bundled);
else import('../dist/pipeline/pdf-worker.js').then(serve);
