// The build thread (see pipeline/launch.ts, which starts it and answers Ctrl-C by terminating
// it). It starts the PDF worker thread first (worker.ts), so that thread loads its part of the
// pipeline while this one loads the rest, then runs the command. CommonJS, so the thread
// starts without Node's ES module loader; the bundle runs with the code caches of the tiers
// the launching thread chose (pipeline/engine/load.cjs).
'use strict';
const { dirname, join } = require('node:path');
const { MessageChannel, Worker, parentPort, workerData } = require('node:worker_threads');
const { Loader } = require('../pipeline/engine/load.cjs');

const { argv, tiers, pdf, interactive } = workerData.reportpressBuild;
const root = dirname(__dirname);
let pdfWorker;
let fonts;
if (pdf) {
  // The shape of pipeline/worker.ts's Setup; `fonts` is where it shares the font files it reads.
  fonts = new MessageChannel();
  const setup = { reportpressWorker: { format: 'pdf', fonts: fonts.port2, tiers } };
  pdfWorker = new Worker(join(__dirname, 'pdf-worker.cjs'), { workerData: setup, transferList: [fonts.port2] });
}

const loader = new Loader(root, join(root, 'node_modules/.cache/reportpress'), tiers);
loader.installPackageHook();
const bundled = loader.loadFreshBundle(join(root, 'dist/reportpress.cjs'), join(root, 'dist/pipeline/cli.js'));
Promise.resolve(bundled ?? import('../dist/pipeline/cli.js'))
  .then((cli) => {
    cli.onSwitched((dir) => parentPort.postMessage({ reportpressSwitched: dir }));
    return cli.main(argv, { pdfWorker, fontPort: fonts?.port1, interactive }).then(
      (code) => {
        loader.save();
        return code;
      },
      (error) => cli.report(error),
    );
  })
  .then((code) => parentPort.postMessage({ reportpressExit: code }))
  .finally(() => {
    fonts?.port1.close();
    return pdfWorker?.terminate();
  });
