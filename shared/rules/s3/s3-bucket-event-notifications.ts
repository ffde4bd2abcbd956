import { defineRule, fail, pass } from '../define-rule';
import type { S3BucketConfig } from '../../resources/s3/types';

/** `s3:ObjectCreated:*` covers `s3:ObjectCreated:Put`; otherwise the names must be equal. */
const covers = (configured: string, wanted: string): boolean =>
  configured === wanted || (configured.endsWith('*') && wanted.startsWith(configured.slice(0, -1)));

export const s3BucketEventNotifications = defineRule<S3BucketConfig>({
  id: 's3-bucket-event-notifications',
  title: 'S3 bucket has event notifications enabled',
  severity: 'MEDIUM',
  kind: 'AWS::S3::Bucket',
  anchors: { securityHub: ['S3.11'], fsbp: false, prowler: ['s3_bucket_event_notifications_enabled'] },
  trigger: 'E',
  reads: ['s3:GetBucketNotification'],
  remediation: {
    text: 'Send the bucket\'s events to Amazon EventBridge (or to an SNS topic, SQS queue or Lambda function).',
    cli: 'aws s3api put-bucket-notification-configuration --bucket <bucket> --notification-configuration \'{"EventBridgeConfiguration":{}}\'',
  },
  rationale: 'Event notifications let you react to object changes (creation, deletion, restore) as they happen.',
  /** Param `eventTypes` (Security Hub): when set, every listed event type must be delivered somewhere. */
  evaluate: (bucket, ctx) => {
    const notifications = bucket.notifications ?? { targets: [], eventBridge: false };
    if (notifications.targets.length === 0 && !notifications.eventBridge) {
      return fail(`bucket ${bucket.name} has no event notifications`, [
        { field: 'notifications', value: 0, message: `bucket ${bucket.name}: no topic, queue, Lambda or EventBridge destination` },
      ]);
    }
    const wanted = Array.isArray(ctx.params.eventTypes) ? ctx.params.eventTypes.filter((e): e is string => typeof e === 'string') : [];
    // EventBridge delivery carries every event type.
    const missing = notifications.eventBridge
      ? []
      : wanted.filter((event) => !notifications.targets.some((t) => t.events.some((configured) => covers(configured, event))));
    if (missing.length > 0) {
      return fail(`bucket ${bucket.name} sends no notification for ${missing.join(', ')}`, [
        { field: 'notifications.targets', value: missing, message: `bucket ${bucket.name}: event types not configured: ${missing.join(', ')}` },
      ]);
    }
    const destinations = notifications.targets.length + (notifications.eventBridge ? 1 : 0);
    return pass(`bucket ${bucket.name} has event notifications to ${destinations} destination(s)`);
  },
});
