import { stateStoreConformance } from '@mona-ecs/core/testing';
import { startDynalite, type LocalDynamo } from './__fixtures__/startDynalite.js';
import { createDynamoDbStore } from './createDynamoDbStore.js';

let dynamo: LocalDynamo;
let table = '';
let tables = 0;

stateStoreConformance('dynamodb', {
  shared: true,
  async setup() {
    dynamo = await startDynalite();
  },
  async teardown() {
    await dynamo.close();
  },
  async fresh() {
    tables += 1;
    table = `mona-state-${tables}`;
  },
  open: (options) => createDynamoDbStore({ ...dynamo.storeOptions(table), createTable: true, ...options }),
});
