// Public surface of the findings module. The embedded dynalite store is a separate entry: './embedded'.
export { FINDINGS_TABLE_SCHEMA } from './schema';
export type { FindingsIndexName } from './schema';
export { Transition } from './types';
export type {
  ConclusiveResult,
  EvaluationContext,
  Finding,
  FindingFilter,
  FindingsStore,
  HistoryEntry,
  LastError,
  LifecycleContext,
  ReconcileOutcome,
  ReconcileResult,
  ResolvedBy,
  Suppression,
  SuppressionInput,
} from './types';
export { FindingNotFoundError, FindingWriteConflictError } from './errors';
export { FINDING_ID_PATTERN, findingIdOf } from './id';
export {
  HISTORY_LIMIT,
  MAX_EVIDENCE_ITEMS,
  boundEvidence,
  canonicalTime,
  isGoneVerdict,
  isStaleVerdict,
  isSuppressionExpired,
  nextFinding,
  severitySortKeyOf,
  suppressFinding,
  transitionOf,
  unsuppressFinding,
  validateSuppression,
} from './lifecycle';
export { findingFromItem, itemFromFinding } from './item';
export { attributeChange, attributionOf, describeUnattributed, reflects, type Attribution } from './attribution';
export { createFindingsTable, findingsTableDefinition } from './table';
export { createDynamoFindingsStore } from './store';
export type { DynamoFindingsStoreOptions } from './store';
export { BASELINE_RECORD_TYPE, baselineLedgerId, createBaselineLedger, isBaselineLedgerItem } from './baseline';
export type { BaselineLedger, BaselineLedgerItem } from './baseline';
