/**
 * @mona-ecs/core/testing: fakes and the sender conformance suite for tests of Mona and of
 * third-party senders. Only `senderConformance` needs Vitest (it registers Vitest tests); the
 * fakes, the builders and the checks themselves (`conformanceChecks`, `runConformanceCheck`)
 * run under any runner, or none.
 */
export { recordingLogger } from './recordingLogger.js';
export type { LogEntry, RecordingLogger } from './recordingLogger.js';
export { HOSTILE_REASON, LONG_REASON_LENGTH, longSampleEvents, sampleContext, sampleEvents } from './sampleEvents.js';
export { longSampleNotifications, sampleNotification, sampleNotifications } from './sampleNotifications.js';
export { HTTP_VARIANTS, httpAnswer } from './senderHarness.js';
export type { ChannelMarkup, ChannelMode, SenderHarness, VariedMode } from './senderHarness.js';
export { fakeHttpChannel } from './fakeHttpChannel.js';
export type { FakeHttpChannel, ReceivedRequest } from './fakeHttpChannel.js';
export { conformanceChecks } from './conformanceChecks.js';
export type { ConformanceCheck, ConformanceSession } from './conformanceChecks.js';
export { ConformanceFailure } from './conformanceFailure.js';
export { hostileStringsFor, undecodedEntitiesFor } from './hostileText.js';
export { runConformanceCheck, senderConformance } from './senderConformance.js';
export { senderContext } from './senderContext.js';
export { recordingSender } from './recordingSender.js';
export type { RecordedAttempt, RecordingSender, RecordingStep } from './recordingSender.js';
export { scriptedSource } from './scriptedSource.js';
export type { ScriptClock, ScriptedSource, ScriptedSweep, SweepScript } from './scriptedSource.js';
export * from './builders.js';
export { generatedValidatorCheck, senderOptionsValidatorCheck, standaloneValidatorModule } from './standaloneValidators.js';
export { stateStoreConformance } from './stateStoreConformance.js';
export type { StateStoreHarness } from './stateStoreConformance.js';
