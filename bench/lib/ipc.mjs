// Request/response over a child process's IPC channel, plus one-way notices.
// Parent side: `rpc(child)` returns `call(op, args)`; child side: `serve(handlers)`.
import { fork } from 'node:child_process';

/** Forks `script` with the bench's fake AWS credentials; `onNotice` gets messages without an id. */
export function spawnChild(script, onNotice = () => {}, execArgv = process.execArgv) {
  const child = fork(script, [], {
    execArgv,
    env: {
      ...process.env,
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      // The SDK warns about Node 20 on every start; the bench output is the table.
      NODE_NO_WARNINGS: '1',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map();
  let nextId = 1;
  child.on('message', (msg) => {
    if (msg && typeof msg.id === 'number' && pending.has(msg.id)) {
      const { resolve, reject } = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) reject(new Error(msg.error));
      else resolve(msg.result);
    } else {
      onNotice(msg);
    }
  });
  child.on('exit', (code) => {
    for (const { reject } of pending.values()) reject(new Error(`${script} exited with ${code}`));
    pending.clear();
  });
  const call = (op, args = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ id, op, args });
    });
  return { child, call };
}

/** Child side: answers `{ id, op, args }` with `{ id, result }` or `{ id, error }`. */
export function serve(handlers) {
  process.on('message', async (msg) => {
    const handler = handlers[msg.op];
    try {
      if (!handler) throw new Error(`unknown op ${msg.op}`);
      process.send({ id: msg.id, result: await handler(msg.args) });
    } catch (error) {
      process.send({ id: msg.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
}

/** Sends a one-way notice to the parent. */
export function notify(message) {
  process.send?.(message);
}
