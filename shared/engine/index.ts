export { createEngine, DEFAULT_PARAMS, type BatchOutcome, type Engine, type EngineOptions, type InboundRecord, type VerdictSink } from './engine';
export { evaluateDetections, evaluateObservation, unreadableVerdicts } from './evaluate';
export { createConfigSource, createLiveSource, kindsOf, type ConfigSource, type ObservationSource } from './sources';
export { mapLimit } from './concurrency';
export { processWorkItems, retryDelaySeconds, type BaselineProgress, type WorkItem, type WorkOptions } from './work';
