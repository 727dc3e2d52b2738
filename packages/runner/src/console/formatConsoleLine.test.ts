import type { Notification } from '@mona-ecs/core';
import { sampleNotification, sampleEvents } from '@mona-ecs/core/testing';
import { describe, expect, it } from 'vitest';
import { formatConsoleLine } from './formatConsoleLine.js';

const AT = new Date(2025, 0, 1, 14, 2, 11).getTime();

function notification(text: string, severity: Notification['severity'] = 'success'): Notification {
  const base = sampleNotification(sampleEvents()[0]!);
  return { ...base, text, severity, title: 'api: deployment done (prod)' };
}

describe('formatConsoleLine', () => {
  it('shows time, severity icon, title and the text without colour when asked', () => {
    // Prepare
    const n = notification(':white_check_mark: `api` deployment done with `2` instances');
    // Act
    const line = formatConsoleLine(n, { color: false, at: AT });
    // Assess
    expect(line).toBe('14:02:11 ✔ api: deployment done (prod)  ✅ `api` deployment done with `2` instances');
  });

  it('keeps every notification on one line, the enrichment facts after the headline', () => {
    // Prepare
    const text = [
      ':boom: `worker` task crashed: `1` of `2` instances running',
      '• 1 task stopped:',
      '    ◦ task abc123: EssentialContainerExited',
      '        ◦ app: exit 137: OutOfMemoryError: Container killed due to memory usage',
    ].join('\n');
    // Act
    const line = formatConsoleLine(notification(text, 'warning'), { color: false, at: AT });
    // Assess
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain('⚠ api: deployment done (prod)  💥 `worker` task crashed: `1` of `2` instances running  · 1 task stopped:');
    expect(line).toContain('· app: exit 137: OutOfMemoryError: Container killed due to memory usage');
  });

  it('shows four facts and says how many more lines the other channels carry', () => {
    // Prepare: a failed deployment whose enrichment lists more than fits a terminal line
    const text = [
      ':x: `web` deployment failed',
      '• 3 tasks stopped:',
      ...['a', 'b', 'c'].flatMap((t) => [`    ◦ task ${t}: TaskFailedToStart`, `        ◦ web: not found`]),
    ];
    // Act
    const line = formatConsoleLine(notification(text.join('\n'), 'error'), { color: false, at: AT });
    const oneOver = formatConsoleLine(notification(text.slice(0, 6).join('\n'), 'error'), { color: false, at: AT });
    // Assess
    expect(line).toMatch(/ · 3 tasks stopped: · task a: TaskFailedToStart · web: not found · task b: TaskFailedToStart · \+3 more lines$/);
    expect(oneOver).toMatch(/ · \+1 more line$/);
  });

  it('colours the icon by severity and bolds code spans when colour is on', () => {
    // Prepare
    const n = notification(':x: `api` deployment failed', 'error');
    // Act
    const line = formatConsoleLine(n, { color: true, at: AT });
    // Assess
    expect(line).toContain('\u001b[31m✖\u001b[0m');
    expect(line).toContain('\u001b[1mapi\u001b[0m deployment failed');
    expect(line).not.toContain('`');
  });

  it('never lets a title from ECS carry terminal escapes', () => {
    // Prepare
    const n = { ...notification('ok'), title: 'evil\u001b[31m service' };
    // Act
    const line = formatConsoleLine(n, { color: false, at: AT });
    // Assess
    expect(line).not.toContain('\u001b');
  });
});
