// Public surface of the alerts module: render a finding transition, publish it to SNS, or print it.
export { ALERT_ATTRIBUTE_NAMES } from './types';
export type { AlertAttribute, AlertAttributeName, AlertBody, AlertMessage } from './types';
export { MAX_JSON_CHARS, MAX_SUBJECT_CHARS, MAX_TEXT_CHARS, alertFromImages, alertSubject, renderAlert } from './render';
export { alertFromStreamRecord, unmarshallStreamImage } from './stream';
export type { FindingStreamRecord } from './stream';
export { publishAlert, snsPublishInput } from './publish';
export { formatAlertForConsole } from './console';
export { asciiLine, clipText, htmlSafeJson, multiLine, singleLine } from './sanitize';
export { HEALTH_RULE_ID, healthAlertFromAlarmEvent, type PublishableAlert } from './health';
export { BASELINE_RULE_ID, baselineAlertFromImages, baselineLedgerOfImage, isCoveredByBaseline } from './baseline';
