// Sweeps: enumerate every resource of a family (paced), enqueue one evaluate message each, resolve what is gone.
export { changeVisibility, createEvaluateQueue, EnqueueError, SQS_BATCH_SIZE, type EvaluateQueue } from './queue';
export { resolveDeletedResources, type CompleteListing, type FindingsForResolution } from './resolve';
export { BASELINE_STALL_MS, runSweep, STACK_STATUS_CHANGE, sweptKinds, type KindReport, type SweepDeps, type SweepReport, type SweepRequest } from './run';
export { queuedEvaluation } from './wiring';
