import type { ValidateFunction } from 'ajv';
import { StateStoreError, StateStoreErrorCode } from '../errors.js';
import { STATE_FORMAT, STATE_VERSION, type StateFileData } from './StateDocument.js';
import * as generated from './stateFileValidator.generated.js';

const validate = generated.validate as unknown as ValidateFunction<StateFileData>;

const FIX_CORRUPT =
  'Fix: restore it from a backup, or move it away (Mona then starts from a fresh baseline and may repeat notifications it had already sent).';

/**
 * Parses the text of a state file, once, at the edge. A file that is not JSON or breaks the
 * layout is `MONA_STATE_CORRUPT`; JSON that is not a Mona state file is `MONA_STATE_FOREIGN`;
 * a file from a newer Mona is `MONA_STATE_NEWER_VERSION`. It is never silently reset.
 *
 * @example
 * const data = parseStateFile(await readFile(path, 'utf8'), path);
 */
export function parseStateFile(text: string, path: string): StateFileData {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new StateStoreError(
      StateStoreErrorCode.corrupt,
      `state file ${path} is not valid JSON (${(cause as Error).message}). ${FIX_CORRUPT}`,
      {
        retryable: false,
        cause,
      },
    );
  }
  const format = typeof parsed === 'object' && parsed !== null ? (parsed as { format?: unknown; version?: unknown }) : {};
  if (format.format !== STATE_FORMAT) {
    throw new StateStoreError(
      StateStoreErrorCode.foreign,
      `${path} is not a Mona state file (no "format": "${STATE_FORMAT}"). Fix: point "state": { "file": … } or MONA_STATE_DIR at a path of its own; Mona does not overwrite files it did not write.`,
      { retryable: false },
    );
  }
  if (typeof format.version === 'number' && format.version > STATE_VERSION) {
    throw new StateStoreError(
      StateStoreErrorCode.newerVersion,
      `state file ${path} has format version ${format.version}, written by a newer Mona (this one reads ${STATE_VERSION}). Fix: run that newer version, or move the file away.`,
      { retryable: false },
    );
  }
  if (!validate(parsed)) {
    const problem = validate.errors?.[0];
    const where = problem === undefined ? '' : ` at ${problem.instancePath || '/'}: ${problem.message ?? 'invalid'}`;
    throw new StateStoreError(StateStoreErrorCode.corrupt, `state file ${path} is damaged${where}. ${FIX_CORRUPT}`, { retryable: false });
  }
  return parsed;
}
