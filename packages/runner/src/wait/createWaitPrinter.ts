import { formatDuration } from '@mona-ecs/core/format';
import { plainLine, resultLines, ttyLine } from './renderWait.js';
import type { WaitProgress } from './WaitProgress.js';

/** Where progress goes: a terminal (`isTTY`, `columns`) is redrawn in place; anything else gets plain lines. */
export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Prints a wait's progress and its result. */
export interface WaitPrinter {
  /** After every sweep: a terminal redraws its live lines; a log gets a line per change. */
  update(progress: WaitProgress): void;
  /** The verdict of every service, once. */
  finish(progress: WaitProgress, timeoutSeconds: number): void;
}

const UP = (n: number) => `\u001b[${n}A`;
const CLEAR_LINE = '\r\u001b[2K';

/**
 * A printer for `mona wait`: on a TTY one live line per service (bar, counts, elapsed, phase)
 * redrawn in place; otherwise (CI logs) plain lines, only when a service's state changes.
 *
 * @example
 * const printer = createWaitPrinter(process.stdout);
 * printer.update(progress);
 * printer.finish(progress, 900);
 */
export function createWaitPrinter(stream: ProgressStream): WaitPrinter {
  return stream.isTTY === true ? ttyPrinter(stream) : plainPrinter(stream);
}

const elapsedOf = (p: WaitProgress): number => ((p.lastObservedAt ?? 0) - (p.firstObservedAt ?? 0)) / 1000;

function ttyPrinter(stream: ProgressStream): WaitPrinter {
  let drawn = 0;
  let notesShown = 0;
  // Lines longer than the terminal wrap, and the cursor-up redraw would then eat earlier output.
  const fit = (line: string) => (stream.columns && stream.columns > 1 ? line.slice(0, stream.columns - 1) : line);
  const erase = () => {
    if (drawn > 0) stream.write(UP(drawn));
  };
  return {
    update(progress) {
      const width = Math.max(...progress.services.map((s) => s.service.length));
      const notes = progress.notes.slice(notesShown);
      notesShown = progress.notes.length;
      const error = progress.sweepError ? [`  (last sweep failed: ${progress.sweepError})`] : [];
      const lines = [...progress.services.map((s) => ttyLine(s, elapsedOf(progress), width)), ...error];
      erase();
      const out = [...notes.map((n) => `! ${n}`), ...lines].map((line) => `${CLEAR_LINE}${fit(line)}\n`);
      // A shorter block than last time leaves stale lines below: clear them too.
      const stale = Math.max(0, drawn - notes.length - lines.length);
      stream.write(out.join('') + `${CLEAR_LINE}\n`.repeat(stale) + (stale > 0 ? UP(stale) : ''));
      drawn = lines.length;
    },
    finish(progress, timeoutSeconds) {
      erase();
      const lines = progress.services.flatMap((s) => resultLines(s, timeoutSeconds));
      stream.write(lines.map((line) => `${CLEAR_LINE}${line}\n`).join('') + `${CLEAR_LINE}\n`.repeat(Math.max(0, drawn - lines.length)));
      drawn = 0;
    },
  };
}

function plainPrinter(stream: ProgressStream): WaitPrinter {
  const last = new Map<string, string>();
  let notesShown = 0;
  let lastError: string | undefined;
  return {
    update(progress) {
      const elapsed = elapsedOf(progress);
      for (const note of progress.notes.slice(notesShown)) stream.write(`[${formatDuration(elapsed)}] ${note}\n`);
      notesShown = progress.notes.length;
      if (progress.sweepError !== lastError && progress.sweepError !== undefined) stream.write(`sweep failed: ${progress.sweepError}\n`);
      lastError = progress.sweepError;
      for (const wait of progress.services) {
        // Compare without the elapsed time, or every sweep would be a change.
        const key = plainLine(wait, 0).replace(/^\[[^\]]*\] /, '');
        if (last.get(wait.service) === key || wait.phase === undefined) continue;
        last.set(wait.service, key);
        stream.write(`${plainLine(wait, elapsed)}\n`);
      }
    },
    finish(progress, timeoutSeconds) {
      stream.write(
        progress.services
          .flatMap((s) => resultLines(s, timeoutSeconds))
          .map((l) => `${l}\n`)
          .join(''),
      );
    },
  };
}
