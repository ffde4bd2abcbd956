import { EventValidationError, type Actor } from '../core';
import { normaliseConfigItem, type ConfigItem } from '../resources/config-item';
import type { ResourceKind } from '../resources/types';
import { cloudTrailDetailSchema, configChangeDetailSchema, describeIssues, eventBridgeEnvelopeSchema } from './schemas';
import { AWS_SOURCE_PREFIX } from './patterns';
import { resolveTargets, type Targets } from './targets';
import type { CloudTrailDetail, TriggerRow } from './types';

export const DETAIL_TYPES = {
  apiCall: 'AWS API Call via CloudTrail',
  /** Documented spelling; real events use the next one (catalogue §6.3): accept both. */
  consoleSignin: 'AWS Console Signin via CloudTrail',
  consoleSignIn: 'AWS Console Sign In via CloudTrail',
  insight: 'AWS Insight via CloudTrail',
  configChange: 'Config Configuration Item Change',
  scheduled: 'Scheduled Event',
} as const;

/** What an inbound event means to Vigil. Malformed events throw EventValidationError instead. */
export type ParsedEvent =
  | {
      readonly type: 'cloudtrail';
      readonly detail: CloudTrailDetail;
      readonly actor: Actor;
      /** False for failed (errorCode) and read-only calls: only detections look at them; posture is not re-read. */
      readonly posture: boolean;
      readonly targets: Targets;
    }
  | { readonly type: 'config'; readonly item: ConfigItem }
  | { readonly type: 'config-oversized'; readonly resourceType: string; readonly resourceId: string; readonly s3Location: string }
  | { readonly type: 'sweep'; readonly accountId?: string; readonly region?: string }
  | { readonly type: 'ignored'; readonly reason: string };

export interface TriggerCatalogue {
  readonly rows: readonly TriggerRow[];
  readonly kinds: readonly ResourceKind[];
}

/** The CloudTrail identity of a change, as stored on findings and shown in alerts. */
export const actorOf = (detail: CloudTrailDetail): Actor => ({
  principalArn: detail.userIdentity?.arn ?? detail.userIdentity?.sessionContext?.sessionIssuer?.arn ?? detail.userIdentity?.invokedBy,
  principalType: detail.userIdentity?.type,
  accountId: detail.userIdentity?.accountId,
  sourceIp: detail.sourceIPAddress,
  userAgent: detail.userAgent,
  eventName: detail.eventName,
  eventSource: detail.eventSource,
  eventId: detail.eventID,
  eventTime: detail.eventTime,
});

const fail = (what: string, issues: string[]): never => {
  throw new EventValidationError(`${what}: ${issues.join('; ')}`, issues);
};

/** Validates a CloudTrail record (the `detail` of an API-call event) and classifies it. */
export const parseCloudTrailDetail = (raw: unknown, catalogue: TriggerCatalogue): ParsedEvent => {
  const result = cloudTrailDetailSchema.safeParse(raw);
  if (!result.success) return fail('invalid CloudTrail record', describeIssues(result.error.issues));
  const detail = result.data as unknown as CloudTrailDetail;
  if (detail.eventType === 'AwsCloudTrailInsight') return { type: 'ignored', reason: 'CloudTrail Insights record' };
  if (detail.managementEvent === false || (detail as { eventCategory?: string }).eventCategory === 'Data') {
    return { type: 'ignored', reason: `data event ${detail.eventSource} ${detail.eventName}` };
  }
  const actor = actorOf(detail);
  // Failed and read-only calls change nothing, but detections still look at them (unauthorized calls, root activity).
  if (detail.errorCode || detail.readOnly === true) {
    return { type: 'cloudtrail', detail, actor, posture: false, targets: { refs: [], fanOut: [] } };
  }
  return { type: 'cloudtrail', detail, actor, posture: true, targets: resolveTargets(detail, catalogue.rows, catalogue.kinds) };
};

/**
 * Parses one EventBridge event (an object, or the JSON text of an SQS message body). Failed calls, read-only calls, data
 * events and Insights records are recognised; an event without the fields Vigil needs throws EventValidationError naming them.
 */
export const parseEventBridgeEvent = (
  input: unknown,
  catalogueOrRows: TriggerCatalogue | readonly TriggerRow[],
  kinds: readonly ResourceKind[] = [],
): ParsedEvent => {
  const catalogue: TriggerCatalogue = Array.isArray(catalogueOrRows) ? { rows: catalogueOrRows, kinds } : (catalogueOrRows as TriggerCatalogue);
  let raw = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch (error) {
      throw new EventValidationError(`event is not valid JSON: ${(error as Error).message}`, ['(root): not JSON'], { cause: error });
    }
  }
  const envelope = eventBridgeEnvelopeSchema.safeParse(raw);
  if (!envelope.success) return fail('invalid EventBridge event', describeIssues(envelope.error.issues));
  // Only AWS services can publish an `aws.` source; anything else imitating a CloudTrail or Config event is refused.
  if (!envelope.data.source.startsWith(AWS_SOURCE_PREFIX)) {
    return fail('event from a non-AWS source', [`source: ${JSON.stringify(envelope.data.source.slice(0, 64))} does not start with "${AWS_SOURCE_PREFIX}"`]);
  }
  const detailType = envelope.data['detail-type'];
  const detail = envelope.data.detail;
  switch (detailType) {
    case DETAIL_TYPES.apiCall:
    case DETAIL_TYPES.consoleSignin:
    case DETAIL_TYPES.consoleSignIn:
      return parseCloudTrailDetail(detail, catalogue);
    case DETAIL_TYPES.insight:
      return { type: 'ignored', reason: 'CloudTrail Insights event' };
    case DETAIL_TYPES.scheduled:
      return { type: 'sweep', accountId: envelope.data.account === undefined ? undefined : String(envelope.data.account), region: envelope.data.region };
    case DETAIL_TYPES.configChange: {
      const parsed = configChangeDetailSchema.safeParse(detail);
      if (!parsed.success) return fail('invalid Config change event', describeIssues(parsed.error.issues));
      if (parsed.data.configurationItem) return { type: 'config', item: normaliseConfigItem(parsed.data.configurationItem) };
      const summary = parsed.data.configurationItemSummary;
      const location = parsed.data.s3DeliverySummary?.s3BucketLocation;
      if (summary && location) {
        return {
          type: 'config-oversized',
          resourceType: String(summary.resourceType ?? ''),
          resourceId: String(summary.resourceId ?? ''),
          s3Location: location,
        };
      }
      return fail('invalid Config change event', ['detail.configurationItem: missing (and no oversized s3DeliverySummary)']);
    }
    default:
      return { type: 'ignored', reason: `detail-type ${detailType} is not one Vigil handles` };
  }
};
