// A description of the machine, so results from different hosts are not compared blindly.
import os from 'node:os';
import { readFileSync } from 'node:fs';

function osName() {
  try {
    const line = readFileSync('/etc/os-release', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('PRETTY_NAME='));
    if (line) return `${line.slice('PRETTY_NAME='.length).replace(/"/g, '')} (${os.type()} ${os.release()})`;
  } catch {
    // not Linux, or no os-release: the kernel name below is enough
  }
  return `${os.type()} ${os.release()}`;
}

/** CPU model, cores, RAM, Node version and OS of this machine. */
export function describeMachine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism?.() ?? cpus.length,
    ramGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: osName(),
    arch: os.arch(),
  };
}
