import { describe, expect, it } from 'vitest';
import { TaskStopHints } from './TaskStopHints.js';

const PROD = { cluster: 'prod', region: 'eu-west-1' };
const task = (id: string, stoppedAt: number) => ({ taskArn: `arn:task/${id}`, stoppedAt, containers: [{ name: 'app', exitCode: 1 }] });

describe('TaskStopHints', () => {
  it('keeps the stopped tasks of a service newest first, once each, from a given time', () => {
    const hints = new TaskStopHints();
    hints.record(PROD, 'api', task('a', 1_000));
    hints.record(PROD, 'api', task('b', 3_000));
    hints.record(PROD, 'api', task('a', 1_000));

    expect(hints.stoppedSince(PROD, 'api', 0).map((t) => t.taskArn)).toEqual(['arn:task/b', 'arn:task/a']);
    expect(hints.stoppedSince(PROD, 'api', 2_000).map((t) => t.taskArn)).toEqual(['arn:task/b']);
  });

  it('keeps services of the same name in two regions apart', () => {
    const hints = new TaskStopHints();
    hints.record(PROD, 'api', task('a', 1));

    expect(hints.stoppedSince({ cluster: 'prod', region: 'us-east-1' }, 'api', 0)).toEqual([]);
  });
});
