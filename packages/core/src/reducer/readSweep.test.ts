import { describe, expect, it } from 'vitest';
import { readService } from './readSweep.js';

describe('readService', () => {
  it('reads junk as zeros and empty strings, and drops entries without a name', () => {
    // Prepare
    const junk = { name: 'api', desiredCount: Number.NaN, runningCount: '3', deployments: [null, { id: 7, status: 'PRIMARY' }] };
    // Act
    const [service] = readService(junk);
    const nameless = readService({ desiredCount: 1 });
    // Assess
    expect(service).toMatchObject({ name: 'api', desiredCount: 0, runningCount: 0, deployments: [{ id: '', status: 'PRIMARY' }] });
    expect(nameless).toEqual([]);
  });
});
