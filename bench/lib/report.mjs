// Turns the measurements into the console table, bench/RESULTS.md and the target verdicts.

const fmt = (value, digits = 0) => (value === null || value === undefined ? '–' : Number(value).toFixed(digits));

/** One row per scenario, as printed and as written to RESULTS.md. */
export function scenarioRows(scenarios) {
  return scenarios.map((s) => ({
    services: s.services,
    throttling: s.throttleModel ? 'on' : 'off',
    limiter: typeof s.rateLimit === 'string' ? '10/s (default)' : `${s.rateLimit.requestsPerSecond}/s`,
    describe: `${fmt(s.describePerSweep.simulatorAttempts, 1)} / ${s.minimum.describePerSweep}`,
    list: `${fmt(s.listPerRefresh.simulatorAttempts, 1)} / ${s.minimum.listPerRefresh}`,
    cpuMs: fmt(s.cpuMsPerSweep, 1),
    sweepMs: fmt(s.sweepDurationMs.mean),
    rssMB: fmt(s.peakRssMB, 1),
    p50: fmt(s.detection.p50Ms),
    p95: fmt(s.detection.p95Ms),
    detected: `${s.detection.detected}/${s.detection.samples}`,
    sdkThrottled: String(s.throttling.sdkMet),
    surfaced: String(surfacedCount(s)),
  }));
}

const HEADERS = {
  services: 'services',
  throttling: 'throttle model',
  limiter: 'Mona limiter',
  describe: 'Describe/sweep (meas/min)',
  list: 'List/refresh (meas/min)',
  cpuMs: 'CPU ms/sweep',
  sweepMs: 'sweep ms',
  rssMB: 'peak RSS MB',
  p50: 'detect p50 ms',
  p95: 'detect p95 ms',
  detected: 'detected',
  sdkThrottled: 'SDK throttled',
  surfaced: 'surfaced',
};

export function surfacedCount(s) {
  const x = s.throttling.surfaced;
  return x.failedCalls + x.failedSweeps + x.partialSweeps + x.monitorDegraded;
}

/** A plain-text table for the console. */
export function consoleTable(rows) {
  const keys = Object.keys(HEADERS);
  const widths = keys.map((k) => Math.max(HEADERS[k].length, ...rows.map((r) => r[k].toString().length)));
  const line = (cells) => cells.map((c, i) => c.toString().padStart(widths[i])).join('  ');
  return [line(keys.map((k) => HEADERS[k])), ...rows.map((r) => line(keys.map((k) => r[k])))].join('\n');
}

/** A Markdown table. */
export function markdownTable(rows) {
  const keys = Object.keys(HEADERS);
  return [
    `| ${keys.map((k) => HEADERS[k]).join(' | ')} |`,
    `|${keys.map(() => '---:').join('|')}|`,
    ...rows.map((r) => `| ${keys.map((k) => r[k]).join(' | ')} |`),
  ].join('\n');
}

/** The issue's targets, each with `met` and the numbers behind it. */
export function verdicts({ scenarios, reducer, conversion }) {
  const at = (n, on) => scenarios.find((s) => s.services === n && s.throttleModel === on);
  const callsAtMinimum = scenarios.every(
    (s) =>
      s.describePerSweep.simulatorAttempts === s.minimum.describePerSweep &&
      s.listPerRefresh.simulatorAttempts === s.minimum.listPerRefresh,
  );
  const big = at(5000, true);
  const rss5000 = Math.max(...scenarios.filter((s) => s.services === 5000).map((s) => s.peakRssMB));
  const detectionRows = scenarios.filter((s) => s.services <= 1000);
  const detectionMiss = detectionRows.filter(
    (s) =>
      s.detection.p95Ms === null || s.detection.p95Ms > (s.checkIntervalSeconds + 1) * 1000 || s.detection.detected < s.detection.samples,
  );
  return [
    {
      target: 'calls at the minimum (ceil(N/10) Describe per sweep, ceil(N/100) List per refresh)',
      met: callsAtMinimum,
      detail: callsAtMinimum ? 'every scenario, counted by the simulator (SDK retries included)' : 'see the Describe/List columns',
    },
    {
      target: 'no throttling error surfaced at 5,000 services under the throttling model',
      met: big ? surfacedCount(big) === 0 : false,
      detail: big ? `SDK met ${big.throttling.sdkMet} ThrottlingException, surfaced ${surfacedCount(big)}` : 'not run',
    },
    {
      target: 'peak RSS under 150 MB at 5,000 services',
      met: rss5000 < 150,
      detail: scenarios
        .filter((s) => s.services === 5000)
        .map(
          (s) => `${fmt(s.peakRssMB, 1)} MB with throttle ${s.throttleModel ? 'on' : 'off'} (heap used ≤ ${fmt(s.peakHeapUsedMB, 1)} MB)`,
        )
        .join('; '),
    },
    {
      target: 'response-to-snapshot CPU within 3× of JSON.parse',
      met: conversion.ratioToJsonParse <= 3,
      detail: `${fmt(conversion.ratioToJsonParse, 2)}× (${fmt(conversion.conversionMsPerResponse, 3)} ms vs ${fmt(conversion.jsonParseMsPerResponse, 3)} ms per response)`,
    },
    {
      target: 'detection p95 ≤ interval + 1 s up to 1,000 services',
      met: detectionMiss.length === 0,
      detail:
        detectionMiss.length === 0
          ? 'every scenario up to 1,000 services'
          : `missed: ${detectionMiss.map((s) => `${s.services} (throttle ${s.throttleModel ? 'on' : 'off'}): p95 ${fmt(s.detection.p95Ms)} ms`).join('; ')}`,
    },
    {
      target: '(reported) reducer alone at 5,000 services',
      met: null,
      detail: `${fmt(reducer.snapshotsPerSecond, 1)} snapshots/s (${fmt(reducer.msPerSnapshot, 1)} ms per snapshot)`,
    },
  ];
}
