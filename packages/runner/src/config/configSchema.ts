/**
 * The JSON Schema of the config file, typed against `MonaConfig` (ajv's `JSONSchemaType`),
 * so the TypeScript type and the schema cannot drift. `mona.schema.json` at the package root
 * is this object serialised (a test keeps them equal; `node scripts/write-schema.mjs` is not
 * needed: run the test with `UPDATE_SCHEMA=1` to rewrite it).
 */
import type { JSONSchemaType } from 'ajv';
import { FORMATTER_KEYS } from '@mona-ecs/core/format';
import type { FormatterKey } from '@mona-ecs/core/format';
import { DEFAULT_DELIVERY_OPTIONS as D } from '@mona-ecs/core/sender';
import type { MonaConfig } from './types.js';

const positiveInt = (description: string, def?: number) =>
  ({ type: 'integer', minimum: 1, nullable: true, description, ...(def === undefined ? {} : { default: def }) }) as const;

const stringList = (description: string) =>
  ({ type: 'array', items: { type: 'string', minLength: 1 }, nullable: true, description }) as const;

/** An IAM role ARN: its account id is the account whose clusters the role sees. */
const roleArnSchema = (description: string) =>
  ({ type: 'string', nullable: true, pattern: '^arn:aws[a-z-]*:iam::\\d{12}:role/.+$', description }) as const;

/** STS's rules for an external id: 2 to 1224 characters of `[\w+=,.@:/-]`. */
const externalIdSchema = (description: string) =>
  ({ type: 'string', nullable: true, minLength: 2, maxLength: 1224, pattern: '^[\\w+=,.@:/-]+$', description }) as const;

/** `delivery`, top-level and per sender (the sender's keys win). */
const deliverySchema = (description: string) =>
  ({
    type: 'object',
    nullable: true,
    additionalProperties: false,
    required: [],
    description,
    properties: {
      attemptTimeoutMs: positiveInt('Timeout of one send attempt in ms.', D.attemptTimeoutMs),
      maxAttempts: positiveInt('Optional cap on attempts per notification; without it, retries last until maxAgeMs.'),
      maxAgeMs: positiveInt('Age in ms after which a notification is given up.', D.maxAgeMs),
      maxDelayMs: positiveInt('Backoff cap in ms: a recovered channel is used again within this time.', D.maxDelayMs),
      headOfLineMs: positiveInt('How long in ms a failing notification may hold its queue before the next one is tried.', D.headOfLineMs),
      capacity: positiveInt('Queued notifications per sender before overflow.', D.capacity),
      pace: {
        type: 'object',
        nullable: true,
        additionalProperties: false,
        required: ['messagesPerSecond'],
        description: "Overrides the sender's declared pace (Slack 1/s, SNS 10/s, email 2/s).",
        properties: {
          messagesPerSecond: { type: 'number', exclusiveMinimum: 0, description: 'Sustained messages per second.' },
          burst: positiveInt('Messages sent back to back after a quiet period.', 1),
        },
      },
      group: {
        type: 'object',
        nullable: true,
        additionalProperties: false,
        required: [],
        description: 'Grouping of a backlog into one message per cluster and kind (failures are never grouped).',
        properties: {
          enabled: { type: 'boolean', nullable: true, default: true, description: 'Turn grouping on or off.' },
          threshold: positiveInt('Group once more than this many notifications wait (default: 10 s at the pace, at least 5).'),
          maxSize: { type: 'integer', minimum: 2, nullable: true, default: D.groupMaxSize, description: 'Members per grouped message.' },
        },
      },
    },
  }) as const;

const templateProperties = Object.fromEntries(
  FORMATTER_KEYS.map((key) => [key, { type: 'string', nullable: true, description: `Template for \`${key}\` messages.` }]),
) as Record<FormatterKey, { type: 'string'; nullable: true; description: string }>;

/** `state`: `false`, or `{ file }` / `{ dynamodb }`, plus `staleAfterSeconds`. */
const stateSchema = {
  description:
    'Where Mona keeps state that survives restarts: false (off), { "file": PATH } (the default) or { "dynamodb": { "table": NAME } }.',
  anyOf: [
    { type: 'null' },
    { type: 'boolean', const: false },
    {
      type: 'object',
      additionalProperties: false,
      required: [],
      properties: {
        file: { type: 'string', minLength: 1, nullable: true, description: 'State file, relative to the config file.' },
        dynamodb: {
          type: 'object',
          nullable: true,
          additionalProperties: false,
          required: ['table'],
          description: 'Shared state in a DynamoDB table (replicas, tasks without a disk).',
          properties: {
            table: { type: 'string', minLength: 1, description: 'Table name (see deploy/dynamodb-table.yaml).' },
            region: { type: 'string', minLength: 1, nullable: true, description: "Table region; default the SDK's." },
            endpoint: { type: 'string', minLength: 1, nullable: true, description: 'DynamoDB endpoint URL (DynamoDB Local, dynalite).' },
            createTable: { type: 'boolean', nullable: true, default: false, description: 'Create the table when absent.' },
            leaseSeconds: positiveInt(
              "How long a replica's hold on a cluster lasts unless renewed: a dead replica's clusters are taken over within this plus one check interval.",
              30,
            ),
          },
        },
        staleAfterSeconds: positiveInt('Saved state older than this is ignored (a fresh baseline).', 3600),
      },
    },
  ],
};

/**
 * The config schema object.
 *
 * @example
 * const validate = new Ajv({ allErrors: true }).compile(configSchema);
 */
export const configSchema: JSONSchemaType<MonaConfig> = {
  $id: 'https://mona.dev/mona.schema.json',
  title: 'Mona config',
  type: 'object',
  additionalProperties: false,
  required: [],
  properties: {
    $schema: { type: 'string', nullable: true, description: 'Path or URL of this schema, for editor completion.' },
    ecsCluster: { type: 'string', minLength: 1, nullable: true, description: 'One cluster to watch (the original name).' },
    clusters: {
      type: 'array',
      nullable: true,
      minItems: 1,
      description: 'Clusters to watch: names, or { name, region, roleArn, externalId, account } objects.',
      items: {
        anyOf: [
          { type: 'string', minLength: 1 },
          {
            type: 'object',
            additionalProperties: false,
            required: ['name'],
            properties: {
              name: { type: 'string', minLength: 1 },
              region: { type: 'string', minLength: 1, nullable: true },
              roleArn: roleArnSchema('Role to assume for this cluster (over defaults.roleArn).'),
              externalId: externalIdSchema('External id of the role (over defaults.externalId).'),
              account: {
                type: 'string',
                nullable: true,
                minLength: 1,
                maxLength: 64,
                pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
                description: "The account's name in messages, keys and metrics labels; default the role's account id.",
              },
            },
          },
        ],
      },
    },
    AWSRegion: { type: 'string', minLength: 1, nullable: true, description: 'Default region; else AWS_REGION or AWS_DEFAULT_REGION.' },
    defaults: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      description: 'Values every cluster entry takes unless it sets its own.',
      properties: {
        roleArn: roleArnSchema('Role to assume for every cluster without its own.'),
        externalId: externalIdSchema('External id of the default role.'),
        region: { type: 'string', minLength: 1, nullable: true, description: 'Region of every cluster without its own (over AWSRegion).' },
      },
    },
    console: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      required: ['accessPortalUrl', 'roleName'],
      description: 'Console links that open in the right account, through the IAM Identity Center access portal.',
      properties: {
        accessPortalUrl: {
          type: 'string',
          pattern: '^https://',
          description: 'The access portal start URL, e.g. https://my-org.awsapps.com/start.',
        },
        roleName: { type: 'string', minLength: 1, description: 'Permission set people open ECS with, e.g. ReadOnlyAccess.' },
      },
    },
    serviceNamesOverride: stringList('Watch only these services (skips ListServices).'),
    secondsUntilAlert: positiveInt('Seconds without progress before a deployment times out.', 600),
    // A number, not an integer: sub-second intervals keep the demo and end-to-end tests fast.
    checkIntervalSeconds: {
      type: 'number',
      exclusiveMinimum: 0,
      nullable: true,
      description: 'Seconds between sweeps (fractions allowed).',
      default: 5,
    },
    logInterval: positiveInt('Ticks between state summaries in the log.', 5),
    refreshServicesInterval: positiveInt('Ticks between ListServices refreshes.', 20),
    timeoutFrom: {
      type: 'string',
      enum: ['updatedAt', 'createdAt'],
      nullable: true,
      default: 'updatedAt',
      description: 'Measure secondsUntilAlert from the deployment update or creation time.',
    },
    degradedAfterFailures: positiveInt('Failed sweeps in a row before MonitorDegraded.', 3),
    recoveredAfterSweeps: positiveInt(
      'Good sweeps in a row before MonitorRecovered (doubled by each relapse during the outage, up to 4x).',
      3,
    ),
    ecs: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      required: [],
      description: 'ECS API client settings.',
      properties: {
        endpoint: { type: 'string', minLength: 1, nullable: true, description: 'ECS endpoint URL (emulators, simulator).' },
        maxConcurrency: positiveInt('DescribeServices calls in flight at once.'),
        requestsPerSecond: { type: 'number', exclusiveMinimum: 0, nullable: true, description: 'Rate limit of ECS calls.' },
        connectTimeoutMs: positiveInt('Timeout to connect to the ECS (and CloudTrail) endpoint, in ms.', 3000),
        requestTimeoutMs: positiveInt('Timeout of one ECS (and CloudTrail) request once sent, in ms; the SDK retries it.', 10000),
        sweepTimeoutSeconds: {
          type: 'number',
          exclusiveMinimum: 0,
          nullable: true,
          description: 'Longest a sweep may take before it counts as failed (default: 60 s plus its calls at an eighth of the rate limit).',
        },
      },
    },
    events: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      required: ['sqsQueueUrl'],
      description:
        'ECS events fast path: EventBridge events of aws.ecs read from this SQS queue mark services dirty; the sweep becomes a reconciliation.',
      properties: {
        sqsQueueUrl: {
          type: 'string',
          pattern: '^https?://[^/]+/[^/]+/[^/]+$',
          description:
            'URL of the queue the EventBridge rule delivers to, e.g. https://sqs.eu-west-1.amazonaws.com/123456789012/mona-events.',
        },
        region: {
          type: 'string',
          minLength: 1,
          nullable: true,
          description: "Region of the queue; default the one in its URL, else the SDK's.",
        },
        endpoint: {
          type: 'string',
          minLength: 1,
          nullable: true,
          description: 'SQS endpoint URL (emulators, simulator); AWS_ENDPOINT_URL_SQS otherwise.',
        },
      },
    },
    reconcileIntervalSeconds: {
      type: 'number',
      exclusiveMinimum: 0,
      nullable: true,
      default: 60,
      description:
        'With events on: the shortest time between full sweeps (the reconciliation), in seconds; checkIntervalSeconds while the queue is unreachable.',
    },
    maxReconcileIntervalSeconds: {
      type: 'number',
      exclusiveMinimum: 0,
      nullable: true,
      default: 900,
      description:
        'With events on: the longest time between full sweeps, in seconds. In between, sweeps take at most 8 % of the time (a 54 s sweep waits 675 s for the next). Set it to reconcileIntervalSeconds for a fixed interval.',
    },
    enrichment: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      required: [],
      description: 'Extra context on events (stopped tasks, image changes, who deployed).',
      properties: {
        enabled: { type: 'boolean', nullable: true, default: true, description: 'Turn enrichment on or off.' },
        budgetMs: positiveInt('Time budget per event in ms.'),
        whoDeployed: { type: 'boolean', nullable: true, default: false, description: 'Look up the deployer in CloudTrail.' },
      },
    },
    delivery: deliverySchema('Delivery queue settings of every sender (each sender has its own queue).'),
    templates: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      required: [],
      description: 'Message templates by formatter key, with {field} placeholders.',
      properties: templateProperties,
    },
    formatter: {
      type: 'string',
      minLength: 1,
      nullable: true,
      description: 'Module exporting a partial formatter, relative to the config file.',
    },
    senders: {
      type: 'array',
      nullable: true,
      description: 'Where notifications go.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['plugin'],
        properties: {
          plugin: { type: 'string', minLength: 1, description: 'Package name, or path relative to the config file.' },
          options: { type: 'object', nullable: true, required: [], description: 'Plugin options, checked against its optionsSchema.' },
          events: {
            type: 'array',
            nullable: true,
            items: { type: 'string', enum: FORMATTER_KEYS },
            description: 'Formatter keys routed to this sender (all when absent).',
          },
          services: stringList('Service name globs routed to this sender (all when absent).'),
          clusters: stringList('Cluster names routed to this sender (all when absent).'),
          delivery: deliverySchema("This sender's delivery queue settings, over the top-level delivery."),
        },
      },
    },
    http: {
      type: 'object',
      nullable: true,
      additionalProperties: false,
      required: ['port'],
      description: 'Ops endpoints /healthz, /readyz, /metrics.',
      properties: {
        port: { type: 'integer', minimum: 0, maximum: 65535, description: 'Port (0 picks a free one).' },
        host: { type: 'string', minLength: 1, nullable: true, default: '127.0.0.1', description: 'Listen address.' },
      },
    },
    // JSONSchemaType cannot type `false | object` as an optional key; stateSchema is checked by its own tests.
    state: stateSchema as never,
    logLevel: {
      type: 'string',
      nullable: true,
      enum: ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'],
      default: 'info',
      description: 'pino log level.',
    },
  },
};
