// `make check` needs these Debian programs. Missing ones stop the check with the line to run:
// a check that cannot run is a failure, never a silent skip.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const needs = [
  { what: 'pdftotext (poppler)', test: () => has('pdftotext'), pkg: 'poppler-utils' },
  { what: 'pdffonts (poppler)', test: () => has('pdffonts'), pkg: 'poppler-utils' },
  { what: 'pdftoppm (poppler)', test: () => has('pdftoppm'), pkg: 'poppler-utils' },
  { what: 'qpdf', test: () => has('qpdf'), pkg: 'qpdf' },
  { what: 'LibreOffice (soffice)', test: () => has('soffice'), pkg: 'libreoffice-writer-nogui' },
  { what: 'java', test: () => has('java'), pkg: 'default-jre-headless' },
  { what: 'epubcheck', test: () => existsSync('/usr/share/java/epubcheck.jar'), pkg: 'epubcheck' },
  { what: 'chromium', test: () => has('chromium'), pkg: 'chromium' },
  // LibreOffice and Chromium lay out Chinese text only with a CJK font installed, as on a reader's machine.
  { what: 'a CJK system font', test: () => cjkFont(), pkg: 'fonts-noto-cjk' },
];

function cjkFont() {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

function has(program) {
  try {
    execFileSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// Run by make check; imported by a test for installLine.
const missing = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href ? needs.filter((n) => !n.test()) : [];
if (missing.length) {
  const pkgs = [...new Set(missing.map((m) => m.pkg))].join(' ');
  console.error(`make check needs ${missing.map((m) => m.what).join(', ')}. Install with:\n  ${installLine(pkgs)}`);
  process.exit(1);
}

/** The line to run: as root apt-get itself (root has no sudo on a bare system), otherwise through sudo. */
export function installLine(pkgs, uid = process.getuid?.() ?? 0) {
  const apt = `apt-get install -y --no-install-recommends ${pkgs}`;
  return uid === 0 ? apt : `sudo ${apt}`;
}
