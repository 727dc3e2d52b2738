/**
 * @mona-ecs/core/testing: fakes and the sender conformance suite for tests of Mona and of
 * third-party senders. Requires `vitest` (the conformance suite registers Vitest tests).
 */
export { recordingLogger } from './recordingLogger.js';
export type { LogEntry, RecordingLogger } from './recordingLogger.js';
export { HOSTILE_REASON, sampleContext, sampleEvents } from './sampleEvents.js';
export { sampleNotification, sampleNotifications } from './sampleNotifications.js';
export type { ChannelMode, SenderHarness } from './senderHarness.js';
export { conformanceChecks } from './conformanceChecks.js';
export type { ConformanceCheck, ConformanceSession } from './conformanceChecks.js';
export { runConformanceCheck, senderConformance } from './senderConformance.js';
export { recordingSender } from './recordingSender.js';
export type { RecordedAttempt, RecordingSender, RecordingStep } from './recordingSender.js';
export { scriptedSource } from './scriptedSource.js';
export type { ScriptClock, ScriptedSource, ScriptedSweep, SweepScript } from './scriptedSource.js';
export * from './builders.js';
export { stateStoreConformance } from './stateStoreConformance.js';
export type { StateStoreHarness } from './stateStoreConformance.js';
