/**
 * What the CIS §4 event detections (catalogue §1.5, `det-*`) listen to. These rows feed EventBridge patterns only: the
 * detections read the raw event and never re-read posture, so the rows name no resource (`kind: 'event'`, the resolver
 * declines) and must NOT be given to `resolveTargets` for posture.
 *
 * Two detections cannot be expressed as (source, names) rows and get their own patterns below:
 * - det-root-activity listens to every source (pattern on `detail.userIdentity.type`);
 * - det-unauthorized-api-calls listens to every source's FAILED calls (pattern on `detail.errorCode`), so its pattern must
 *   not carry the posture patterns' `errorCode: [{exists: false}]`.
 * Sign-in events have their own detail-type (documented `AWS Console Signin via CloudTrail`, real `AWS Console Sign In via
 * CloudTrail`): both are listed in the sign-in pattern.
 */
import type { TriggerRow } from '../types';

/** Detection rows name no resource. */
const EVENT_ONLY: TriggerRow['id'] = { resolve: () => undefined };
const row = (eventSource: string, eventNames: readonly string[]): TriggerRow => ({ eventSource, eventNames, match: 'exact', kind: 'event', id: EVENT_ONLY });

/** det-iam-policy-change (CIS 4.4): the 16 IAM policy calls of the CIS metric filter. */
export const IAM_POLICY_CHANGE_EVENTS = [
  'DeleteGroupPolicy', 'DeleteRolePolicy', 'DeleteUserPolicy', 'PutGroupPolicy', 'PutRolePolicy', 'PutUserPolicy', 'CreatePolicy', 'DeletePolicy',
  'CreatePolicyVersion', 'DeletePolicyVersion', 'AttachRolePolicy', 'DetachRolePolicy', 'AttachUserPolicy', 'DetachUserPolicy',
  'AttachGroupPolicy', 'DetachGroupPolicy',
] as const;

/** det-s3-bucket-policy-change (CIS 4.8). */
export const S3_BUCKET_POLICY_CHANGE_EVENTS = [
  'PutBucketAcl', 'PutBucketPolicy', 'PutBucketCors', 'PutBucketLifecycle', 'PutBucketReplication', 'DeleteBucketPolicy', 'DeleteBucketCors',
  'DeleteBucketLifecycle', 'DeleteBucketReplication',
] as const;

/** det-cloudtrail-config-change (CIS 4.5), plus PutEventSelectors (it changes what S3.22/S3.23 rely on). */
export const CLOUDTRAIL_CHANGE_EVENTS = ['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging', 'PutEventSelectors'] as const;

/** det-kms-key-disable-or-delete (CIS 4.7). */
export const KMS_KEY_DISABLE_EVENTS = ['DisableKey', 'ScheduleKeyDeletion'] as const;

/** det-config-change (CIS 4.9). */
export const CONFIG_CHANGE_EVENTS = ['StopConfigurationRecorder', 'DeleteDeliveryChannel', 'PutDeliveryChannel', 'PutConfigurationRecorder'] as const;

/**
 * Console sign-ins are not listed here: they arrive with their own detail-type ("AWS Console Sign In via CloudTrail"),
 * never as "AWS API Call via CloudTrail", so a (source, names) row would build a rule that never matches. The sign-in
 * pattern below routes them.
 */
export const detectionTriggers: readonly TriggerRow[] = [
  row('iam.amazonaws.com', IAM_POLICY_CHANGE_EVENTS),
  row('s3.amazonaws.com', S3_BUCKET_POLICY_CHANGE_EVENTS),
  row('cloudtrail.amazonaws.com', CLOUDTRAIL_CHANGE_EVENTS),
  row('kms.amazonaws.com', KMS_KEY_DISABLE_EVENTS),
  row('config.amazonaws.com', CONFIG_CHANGE_EVENTS),
];

/** An EventBridge pattern the (source, names) rows cannot express. Plain JSON, as CloudFormation takes it. */
export interface DetectionEventPattern {
  readonly description: string;
  readonly pattern: Readonly<Record<string, unknown>>;
  /**
   * The rule must also see read-only management events (Get/List/Describe…): its state is
   * ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS. A plain ENABLED rule on the default bus never receives them
   * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail-management.html).
   */
  readonly readOnlyEvents?: boolean;
}

const API_CALL = 'AWS API Call via CloudTrail';
/** AWS services only (see AWS_SOURCE_PREFIX). */
const AWS_SOURCES = [{ prefix: 'aws.' }];
const SIGN_IN_TYPES = ['AWS Console Sign In via CloudTrail', 'AWS Console Signin via CloudTrail'];

export const detectionEventPatterns: readonly DetectionEventPattern[] = [
  {
    description: 'det-console-*: console sign-ins (both detail-type spellings)',
    pattern: { source: AWS_SOURCES, 'detail-type': SIGN_IN_TYPES, detail: { eventSource: ['signin.amazonaws.com'], eventName: ['ConsoleLogin'] } },
  },
  {
    description: 'det-root-activity: any call or sign-in by the root user, whatever the source',
    pattern: { source: AWS_SOURCES, 'detail-type': [API_CALL, ...SIGN_IN_TYPES], detail: { userIdentity: { type: ['Root'] } } },
    // Root reading anything (a Describe or a Get) is root activity too.
    readOnlyEvents: true,
  },
  {
    description: 'det-unauthorized-api-calls: failed calls of any source (errorCode *UnauthorizedOperation or AccessDenied*)',
    pattern: { source: AWS_SOURCES, 'detail-type': [API_CALL], detail: { errorCode: [{ suffix: 'UnauthorizedOperation' }, { prefix: 'AccessDenied' }] } },
    // Most denied calls are reads (Describe*, List*, Get*): reconnaissance with stolen credentials looks like this.
    readOnlyEvents: true,
  },
];
