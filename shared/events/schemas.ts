import * as z from 'zod/mini';

const optionalText = z.optional(z.string());

/** A time `Date` can represent: it becomes a finding's observedAt and must compare and serialise (`toISOString`). */
export const isValidTime = (value: string): boolean => !Number.isNaN(Date.parse(value));

/**
 * The parts of a CloudTrail record Vigil relies on; everything else passes through untouched. Every field that target
 * resolution, the detections or the stored actor read is typed here, so that a record with an unexpected type (a
 * `resources` object, a numeric `userName`, `resources: [null]`) is rejected at the edge with the field named, never a
 * TypeError deeper in. Field types follow the CloudTrail record contents reference
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html) and the
 * userIdentity element (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html).
 */
export const cloudTrailDetailSchema = z.looseObject({
  eventSource: z.string().check(z.minLength(1)),
  eventName: z.string().check(z.minLength(1)),
  eventTime: z.string().check(z.minLength(1), z.refine(isValidTime, { message: 'not a valid time' })),
  awsRegion: z.string().check(z.minLength(1)),
  eventID: optionalText,
  eventType: optionalText,
  recipientAccountId: optionalText,
  sourceIPAddress: optionalText,
  userAgent: optionalText,
  errorCode: optionalText,
  readOnly: z.optional(z.boolean()),
  managementEvent: z.optional(z.boolean()),
  userIdentity: z.optional(
    z.looseObject({
      type: optionalText,
      arn: optionalText,
      accountId: optionalText,
      principalId: optionalText,
      userName: optionalText,
      invokedBy: optionalText,
      sessionContext: z.optional(z.looseObject({ sessionIssuer: z.optional(z.looseObject({ arn: optionalText, userName: optionalText, type: optionalText })) })),
    }),
  ),
  requestParameters: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  responseElements: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  resources: z.optional(z.array(z.looseObject({ ARN: optionalText, type: optionalText, accountId: optionalText }))),
});

/** The EventBridge envelope (all detail-types Vigil subscribes to). */
export const eventBridgeEnvelopeSchema = z.looseObject({
  'detail-type': z.string().check(z.minLength(1)),
  source: z.string(),
  account: z.optional(z.union([z.string(), z.number()])),
  region: z.optional(z.string()),
  time: z.optional(z.string()),
  id: z.optional(z.string()),
  detail: z.record(z.string(), z.unknown()),
});

/** "Config Configuration Item Change": the item itself, or (oversized) a summary and an S3 location. */
export const configChangeDetailSchema = z.looseObject({
  messageType: z.optional(z.string()),
  configurationItem: z.optional(z.record(z.string(), z.unknown())),
  configurationItemSummary: z.optional(z.record(z.string(), z.unknown())),
  s3DeliverySummary: z.optional(z.looseObject({ s3BucketLocation: z.optional(z.string()) })),
});

/** Formats zod issues as `path: message` lines that name what is wrong. */
export const describeIssues = (issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; expected?: unknown }[]): string[] =>
  issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(root)';
    const expected = issue.expected ? ` (expected ${String(issue.expected)})` : '';
    return `${path}: ${issue.code === 'invalid_type' ? 'missing or wrong type' : issue.message}${expected}`;
  });
