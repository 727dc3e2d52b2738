// The marked sections of bench/RESULTS.md. Each is written by its own benchmark (the storms, the
// events rows, the accounts, the state) or by hand (issue 13's rounds), and is kept when the rest
// of the page is written again.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const RESULTS_MD = fileURLToPath(new URL('../RESULTS.md', import.meta.url));

/** The comments around section `name`. */
export function marks(name) {
  return { start: `<!-- ${name}:start -->`, end: `<!-- ${name}:end -->` };
}

/** RESULTS.md as it is, or its title alone when there is none yet. */
export function readResults() {
  return existsSync(RESULTS_MD) ? readFileSync(RESULTS_MD, 'utf8') : '# Mona bench results\n';
}

/** Where the section marked `mark` is in `md` (its marks included), or undefined. */
function bounds(md, mark) {
  const start = md.indexOf(mark.start);
  const end = md.indexOf(mark.end);
  return start >= 0 && end > start ? { start, end: end + mark.end.length } : undefined;
}

/** The section marked `mark` in `md`, its marks included, or `''`. */
export function sectionOf(md, mark) {
  const at = bounds(md, mark);
  return at ? md.slice(at.start, at.end) : '';
}

/** `md` with the section marked `mark` (which `text` carries, marks and all) replaced, at the end. */
export function withSection(md, mark, text) {
  const at = bounds(md, mark);
  const kept = at ? md.slice(0, at.start) + md.slice(at.end + 1) : md;
  return `${kept.trimEnd()}\n\n${text}`;
}

/** Writes `text` into RESULTS.md as its section marked `mark`. */
export function writeSection(mark, text) {
  writeFileSync(RESULTS_MD, withSection(readResults(), mark, text));
}
