import type { Options } from 'ajv';
import { STATE_FORMAT, STATE_VERSION } from './StateDocument.js';

/** The options `stateFileSchema` is compiled with. */
export const STATE_FILE_AJV_OPTIONS: Options = { allErrors: false, strict: false };

const str = { type: 'string' } as const;
const num = { type: 'number' } as const;
const record = (properties: Record<string, object>, required: string[]): object => ({
  type: 'object',
  properties,
  required,
});

/**
 * The state file's layout, compiled ahead of time into `stateFileValidator.generated.ts` (ajv's
 * standalone code; compiling it at start cost about 100 ms, issue 13). Loose on what lies inside
 * checkpoints and notifications: the reducer and senders own those.
 */
export const stateFileSchema = record(
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
