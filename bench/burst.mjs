// The storm benchmark (issue 12): N services deploy at once against a Slack webhook limited to
// 1 request/s. Measures the time until the last notification, messages sent, 429s received and
// notifications dropped, with the built CLI (`mona run`) as users run it. Run on its own with
// `node bench/burst.mjs` (packages built), or from `npm run bench`. Writes bench/burst.json and
// the "Storms" section of bench/RESULTS.md.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulator } from '@mona-ecs/ecs-simulator';
import { marks, writeSection } from './lib/sections.mjs';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const CLI = here('../packages/runner/dist/cli.js');
const SIZES = (process.env.BENCH_BURST_SIZES ?? '300,1000').split(',').map(Number);
/** Bound of one scenario: past it, what has not arrived counts as dropped. */
const DEADLINE_MS = 300_000;
const MARK = marks('burst');

/** A Slack incoming webhook on 127.0.0.1 with Slack's limit: 1 request/s, bursts of 2, else 429 Retry-After 1. */
async function startLimitedSlack() {
  const slack = { posts: 0, limited: 0, messages: [] };
  let tokens = 2;
  let at = Date.now();
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      slack.posts += 1;
      const now = Date.now();
      tokens = Math.min(2, tokens + (now - at) / 1000);
      at = now;
      if (tokens < 1) {
        slack.limited += 1;
        res.writeHead(429, { 'retry-after': '1', 'content-type': 'text/plain' }).end('rate_limited');
        return;
      }
      tokens -= 1;
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const sections = (body.blocks ?? []).filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');
      slack.messages.push({ at: now, lines: sections.join('\n').split('\n') });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  slack.url = `http://127.0.0.1:${server.address().port}/services/T000/B000/BENCH`;
  slack.close = () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve)));
  return slack;
}

/** Services named in the default formatter's started / done headlines. */
function reported(slack) {
  const started = new Set();
  const done = new Set();
  for (const { lines } of slack.messages) {
    for (const line of lines) {
      const s = /^:arrows_clockwise: `([^`]+)` deployment started/.exec(line);
      if (s) started.add(s[1]);
      const d = /^:white_check_mark: `([^`]+)` deployment done/.exec(line);
      if (d) done.add(d[1]);
    }
  }
  return { started, done };
}

function startMona(config) {
  const dir = mkdtempSync(join(tmpdir(), 'mona-burst-'));
  const file = join(dir, 'mona.json');
  writeFileSync(file, JSON.stringify(config));
  const env = { ...process.env, AWS_ACCESS_KEY_ID: 'AKIABENCH', AWS_SECRET_ACCESS_KEY: 'bench', AWS_REGION: config.AWSRegion };
  const child = spawn(process.execPath, [CLI, 'run', '--config', file], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = { text: '' };
  child.stdout.setEncoding('utf8').on('data', (c) => (out.text += c));
  child.stderr.setEncoding('utf8').on('data', (c) => (out.text += c));
  const exited = new Promise((resolve) => child.once('close', resolve));
  return { out, stop: () => (child.kill('SIGTERM'), exited) };
}

async function waitFor(check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  return check();
}

/** One scenario: `services` deploy at once; every started and done must reach Slack. */
export async function runBurstScenario(services) {
  const sim = await startSimulator({ clock: 'real', stepMs: 500, seed: 12 });
  const slack = await startLimitedSlack();
  const names = sim.createServices(services, { prefix: 'svc', desiredCount: 2 });
  const mona = startMona({
    ecsCluster: 'default',
    AWSRegion: sim.region,
    checkIntervalSeconds: 2,
    secondsUntilAlert: 600,
    logLevel: 'warn',
    ecs: { endpoint: sim.url },
    senders: [{ plugin: '@mona-ecs/sender-slack', options: { webhookUrl: slack.url } }],
  });
  try {
    const up = await waitFor(() => slack.messages.length > 0, 120_000);
    if (!up) throw new Error(`mona did not send its start-up message:\n${mona.out.text.slice(-2000)}`);
    const before = { posts: slack.posts, messages: slack.messages.length, limited: slack.limited };
    const t0 = Date.now();
    for (const name of names) sim.deploy(name, { image: `${name}:2` });
    await waitFor(() => {
      const { started, done } = reported(slack);
      return started.size === services && done.size === services;
    }, DEADLINE_MS);
    const { started, done } = reported(slack);
    const last = slack.messages.at(-1).at;
    const posts = slack.posts - before.posts;
    const limited = slack.limited - before.limited;
    return {
      services,
      notifications: 2 * services,
      lastDeliveredSeconds: (last - t0) / 1000,
      messages: slack.messages.length - before.messages,
      posts,
      rateLimited: limited,
      rateLimitedPercent: posts === 0 ? 0 : (100 * limited) / posts,
      dropped: 2 * services - started.size - done.size,
      droppedLogged: (mona.out.text.match(/notification dropped/g) ?? []).length,
    };
  } finally {
    await mona.stop();
    await slack.close();
    await sim.close();
  }
}

/** The RESULTS.md section of the burst numbers. */
export function burstSection(burst) {
  const rows = burst.scenarios
    .map(
      (s) =>
        `| ${s.services} | ${s.notifications} | ${s.lastDeliveredSeconds.toFixed(1)} | ${s.messages} | ${s.posts} | ${s.rateLimited} (${s.rateLimitedPercent.toFixed(1)} %) | ${s.dropped} |`,
    )
    .join('\n');
  return `${MARK.start}
## Storms

Generated by \`node bench/burst.mjs\` on ${burst.date}${burst.note ? ` (${burst.note})` : ''}. N services (2 tasks each) deploy
at once in the simulator; \`mona run\` (the built CLI, default delivery settings) watches them every 2 s and sends to one
Slack webhook that allows 1 request/s (bursts of 2) and answers 429 with \`Retry-After: 1\` beyond. Counted from the
deploys: every \`DeploymentStarted\` and \`DeploymentCompleted\`, as single or grouped messages.
Targets: 0 dropped, the last delivered within 2 minutes, 429s under 1 %.

| services | notifications | last delivered (s) | messages | POSTs | 429s | dropped |
| -------: | ------------: | -----------------: | -------: | ----: | ---: | ------: |
${rows}

Before (issue 12, one message per notification, pacing learned from 429s): 300 services gave 600 messages over
612 s, 599 of 1,200 POSTs were 429s; 1,000 would have pushed the last past the 15-minute age limit.
${MARK.end}
`;
}

/** Put the burst section into bench/RESULTS.md (replacing an earlier one), from bench/burst.json. */
export function writeBurstSection() {
  if (!existsSync(here('./burst.json'))) return;
  const burst = JSON.parse(readFileSync(here('./burst.json'), 'utf8'));
  writeSection(MARK, burstSection(burst));
}

/** Every size, one after the other; writes bench/burst.json and the RESULTS.md section. */
export async function runBurst(note = process.env.BENCH_NOTE) {
  const scenarios = [];
  for (const services of SIZES) {
    process.stdout.write(`  burst of ${services} deployments against Slack at 1 request/s … `);
    const result = await runBurstScenario(services);
    scenarios.push(result);
    console.log(
      `last after ${result.lastDeliveredSeconds.toFixed(1)} s, ${result.messages} messages, ${result.rateLimited} 429s, ${result.dropped} dropped`,
    );
  }
  const burst = { date: new Date().toISOString(), ...(note ? { note } : {}), scenarios };
  writeFileSync(here('./burst.json'), `${JSON.stringify(burst, null, 2)}\n`);
  writeBurstSection();
  return burst;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runBurst().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
