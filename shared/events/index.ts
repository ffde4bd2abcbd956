export type { CloudTrailDetail, IdLocator, TriggerRow } from './types';
export { normaliseEventName, partitionOf, valueAtPath } from './names';
export { matchingRows, refFor, resolveTargets, type FanOut, type Targets } from './targets';
export { actorOf, DETAIL_TYPES, parseCloudTrailDetail, parseEventBridgeEvent, type ParsedEvent, type TriggerCatalogue } from './parse';
export { AWS_SOURCE_FILTER, AWS_SOURCE_PREFIX, EVENT_PATTERN_MAX_CHARS, patternSize, toEventPatterns, type EventPattern } from './patterns';
export { EVALUATE_MESSAGE_VERSION, EvaluateReason, evaluateMessageFor, isEvaluateMessage, parseEvaluateMessage, type EvaluateMessage } from './evaluate-message';
