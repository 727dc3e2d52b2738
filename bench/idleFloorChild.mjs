// The idle start's floor: what the stack Mona is built on costs before any of Mona's own code.
// A minimal poller made of the same libraries, loaded the same way (RxJS, the SDK's ECS client,
// pino, Node's HTTP): every 2 s it lists the cluster and describes its services, and after the
// first answer it POSTs one message to the webhook, as `mona run` says "monitoring". It keeps
// nothing, checks nothing and formats nothing. `lib/idleStart.mjs` measures it from outside
// exactly as it measures `mona run`. Arguments: ECS endpoint, region, cluster, webhook URL.
import { DescribeServicesCommand, ECSClient, ListServicesCommand } from '@aws-sdk/client-ecs';
import { request } from 'node:http';
import { pino } from 'pino';
import { from, switchMap, timer } from 'rxjs';

const [endpoint, region, cluster, webhook] = process.argv.slice(2);
const logger = pino({ level: 'warn' });
const client = new ECSClient({ region, endpoint });
let announced = false;

async function sweep() {
  const listed = await client.send(new ListServicesCommand({ cluster }));
  const names = listed.serviceArns ?? [];
  const described = await client.send(new DescribeServicesCommand({ cluster, services: names.slice(0, 10) }));
  return described.services ?? [];
}

function announce(count) {
  announced = true;
  const body = JSON.stringify({ text: `monitoring ${count} services` });
  return new Promise((resolve, reject) => {
    const req = request(webhook, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) =>
      res.resume().on('end', resolve),
    );
    req.on('error', reject).end(body);
  });
}

timer(0, 2_000)
  .pipe(switchMap(() => from(sweep())))
  .subscribe({
    next: (services) => {
      if (!announced) announce(services.length).catch((err) => logger.error({ err }, 'announce failed'));
    },
    error: (err) => {
      logger.error({ err }, 'sweep failed');
      process.exit(1);
    },
  });
