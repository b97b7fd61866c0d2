/**
 * The PDF engine: pdfmake, pdfkit and fontkit set up for our use. The PDF and summary writers
 * import it from here; nothing else in the pipeline touches those packages' internals.
 *
 * Inside, and only here, private members of the three packages are replaced or wrapped
 * (fast-fonts.ts, fast-subset.ts, pdfmake.ts, half-width.ts, output.ts), as is Node's
 * `Module.prototype._compile` by the command line's loader (load.cjs, which bin/ requires
 * directly: it runs before any of the pipeline is loaded). The fast paths are checked at load
 * against the versions they were written against (packages.ts, status.ts): a mismatch or a
 * missing member turns them off with one warning, and pdfkit and fontkit then do all the work
 * themselves, to the same bytes.
 */
export { familyOf, renderPdf } from './pdfmake.js';
export { renderDocument, type Bookmark } from './output.js';
export { fastFace, type FastFace } from './fast-fonts.js';
export { checkEngine, engineStatus, setFastPaths, FAST_PATHS, type EngineStatus, type FastPath } from './status.js';
export { WRITTEN_AGAINST, type PackageName, type Versions } from './packages.js';
