import * as z from 'zod/mini';

/** The parts of a CloudTrail record Vigil relies on; everything else passes through untouched. */
export const cloudTrailDetailSchema = z.looseObject({
  eventSource: z.string().check(z.minLength(1)),
  eventName: z.string().check(z.minLength(1)),
  eventTime: z.string().check(z.minLength(1)),
  awsRegion: z.string().check(z.minLength(1)),
  eventID: z.optional(z.string()),
  eventType: z.optional(z.string()),
  recipientAccountId: z.optional(z.string()),
  sourceIPAddress: z.optional(z.string()),
  userAgent: z.optional(z.string()),
  errorCode: z.optional(z.string()),
  readOnly: z.optional(z.boolean()),
  managementEvent: z.optional(z.boolean()),
  userIdentity: z.optional(z.looseObject({ type: z.optional(z.string()), arn: z.optional(z.string()), accountId: z.optional(z.string()) })),
  requestParameters: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  responseElements: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
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
