/**
 * The table's layout: one table, a string partition key `pk` and sort key `sk`, and a TTL
 * attribute `ttl` (epoch seconds) so DynamoDB deletes what expired. DynamoDB's TTL deletes
 * lazily (up to days late), so every condition compares `exp` (epoch ms) itself.
 *
 * | item | pk | sk |
 * |---|---|---|
 * | checkpoint meta | `c#<cluster>` | `cp#meta` |
 * | checkpoint entry (one per service) | `c#<cluster>` | `cp#e#<service>` |
 * | ledger | `c#<cluster>` | `l#<sender>#<eventId>` |
 * | outbox | `c#<cluster>` | `o#<sender>#<notificationId>` |
 * | sender value | `v#<namespace>` | `<key>` |
 * | lease | `lease` | `<cluster>` |
 * | member (live replica) | `member` | `<holder>` |
 */
export const KEY = { partition: 'pk', sort: 'sk' } as const;
export const TTL_ATTRIBUTE = 'ttl';

export const clusterPk = (cluster: string): string => `c#${cluster}`;
export const CHECKPOINT_META = 'cp#meta';
export const CHECKPOINT_ENTRY = 'cp#e#';
export const ledgerSk = (sender: string, eventId: string): string => `l#${sender}#${eventId}`;
export const OUTBOX = 'o#';
export const outboxSk = (sender: string, id: string): string => `${OUTBOX}${sender}#${id}`;
export const valuePk = (namespace: string): string => `v#${namespace}`;
export const LEASE_PK = 'lease';
export const MEMBER_PK = 'member';

/** DynamoDB's TTL attribute: epoch seconds, rounded up so an item never vanishes early. */
export const ttlOf = (expiresAtMs: number): number => Math.ceil(expiresAtMs / 1000);
