/** The `detail` of an "AWS API Call via CloudTrail" EventBridge event (the CloudTrail record), as far as Vigil reads it. */
export interface CloudTrailDetail {
  readonly eventVersion?: string;
  readonly eventSource: string;
  readonly eventName: string;
  readonly eventTime: string;
  readonly eventID?: string;
  readonly eventType?: string;
  readonly awsRegion: string;
  readonly recipientAccountId?: string;
  readonly sourceIPAddress?: string;
  readonly userAgent?: string;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly readOnly?: boolean;
  readonly managementEvent?: boolean;
  readonly userIdentity?: {
    readonly type?: string;
    readonly arn?: string;
    readonly accountId?: string;
    readonly principalId?: string;
    readonly userName?: string;
    readonly invokedBy?: string;
    readonly sessionContext?: { readonly sessionIssuer?: { readonly arn?: string; readonly userName?: string; readonly type?: string } };
  };
  readonly requestParameters?: Record<string, unknown> | null;
  readonly responseElements?: Record<string, unknown> | null;
  readonly additionalEventData?: Record<string, unknown> | null;
  readonly resources?: readonly { readonly ARN?: string; readonly type?: string; readonly accountId?: string }[];
}

/** Where the resource id sits in an event: dotted paths into the detail (first present wins), the account, or a resolver. */
export type IdLocator =
  | { readonly paths: readonly string[] }
  | { readonly account: true }
  | { readonly resolve: (detail: CloudTrailDetail) => string | readonly string[] | undefined };

/**
 * One row of the trigger catalogue: these event names of this source change resources of this kind.
 * The same rows build the EventBridge patterns (infra) and drive the parser, so the two cannot disagree.
 */
export interface TriggerRow {
  readonly eventSource: string;
  readonly eventNames: readonly string[];
  /** `prefix` for Lambda-style names with API-version suffixes (`AddPermission20150331v2`); the parser strips the suffix. */
  readonly match?: 'exact' | 'prefix';
  readonly kind: string;
  readonly id: IdLocator;
  /** Kinds whose every resource in the account must be re-evaluated too (e.g. account BPA → all buckets). */
  readonly fanOut?: readonly string[];
}
