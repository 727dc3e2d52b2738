import { Ajv } from 'ajv';
import { StateStoreError, StateStoreErrorCode } from '../errors.js';
import { STATE_FORMAT, STATE_VERSION, type StateFileData } from './StateDocument.js';

const str = { type: 'string' } as const;
const num = { type: 'number' } as const;
const record = (properties: Record<string, object>, required: string[]): object => ({
  type: 'object',
  properties,
  required,
});

/** The state file's layout. Loose on what lies inside checkpoints and notifications: the reducer and senders own those. */
const schema = record(
  {
    format: { const: STATE_FORMAT },
    version: { const: STATE_VERSION },
    checkpoints: {
      type: 'array',
      items: record(
        {
          cluster: str,
          checkpoint: record({ version: num, savedAt: num, entries: { type: 'object' } }, ['version', 'savedAt', 'meta', 'entries']),
        },
        ['cluster', 'checkpoint'],
      ),
    },
    ledger: {
      type: 'array',
      items: record({ cluster: str, sender: str, eventId: str, state: { enum: ['claimed', 'delivered'] }, holder: str, expiresAt: num }, [
        'cluster',
        'sender',
        'eventId',
        'state',
        'holder',
        'expiresAt',
      ]),
    },
    outbox: {
      type: 'array',
      items: record(
        {
          cluster: str,
          entry: record(
            {
              sender: str,
              acceptedAt: num,
              notification: record({ id: str, text: str, event: { type: 'object' } }, ['id', 'text', 'event']),
            },
            ['sender', 'acceptedAt', 'notification'],
          ),
        },
        ['cluster', 'entry'],
      ),
    },
    values: { type: 'array', items: record({ namespace: str, key: str, expiresAt: num }, ['namespace', 'key', 'value']) },
    leases: { type: 'array', items: record({ cluster: str, holder: str, expiresAt: num }, ['cluster', 'holder', 'expiresAt']) },
    members: { type: 'array', items: record({ holder: str, expiresAt: num }, ['holder', 'expiresAt']) },
  },
  ['format', 'version', 'checkpoints', 'ledger', 'outbox', 'values', 'leases', 'members'],
);

const validate = new Ajv({ allErrors: false, strict: false }).compile<StateFileData>(schema);

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
