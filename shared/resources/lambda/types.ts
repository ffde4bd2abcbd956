/**
 * Canonical snapshots of the lambda family. SDK-independent; absent fields are `null`. Environment variable VALUES never
 * enter a snapshot: the collector keeps the names and the secret detector's hits (name, detector, reason, SHA-256 prefix).
 */
import type { SecretHit } from '../secrets/detector';

export const LAMBDA_FUNCTION_KIND = 'AWS::Lambda::Function';
/**
 * The deployment package of a function, scanned for secrets. A kind of its own (reported as AWS::Lambda::Function) so that
 * the download and scan run only on code changes (CreateFunction, UpdateFunctionCode, PublishVersion) and the sweep.
 */
export const LAMBDA_FUNCTION_CODE_KIND = 'AWS::Lambda::Function::Code';
export const LAMBDA_LAYER_VERSION_KIND = 'AWS::Lambda::LayerVersion';

export interface FunctionUrlSnapshot {
  /** Alias the URL belongs to; null for the unqualified function. */
  readonly qualifier: string | null;
  readonly url: string | null;
  /** NONE (public, unauthenticated) or AWS_IAM. */
  readonly authType: string;
  readonly cors: { readonly allowOrigins: readonly string[]; readonly allowCredentials: boolean } | null;
}

export interface LambdaEnvironmentSnapshot {
  /** Variable names, sorted. Values are never kept. */
  readonly variableNames: readonly string[];
  readonly secretHits: readonly SecretHit[];
  /** Environment.Error: Lambda could not decrypt the variables (KMS), so they could not be checked. */
  readonly error: { readonly code: string; readonly message: string } | null;
}

export interface SubnetSnapshot {
  readonly id: string;
  readonly availabilityZone: string | null;
}

export interface SecurityGroupIngressSnapshot {
  /** `-1` for all protocols. */
  readonly protocol: string;
  readonly fromPort: number | null;
  readonly toPort: number | null;
  readonly ipv4Ranges: readonly string[];
  readonly ipv6Ranges: readonly string[];
  readonly sourceGroups: readonly string[];
  readonly prefixLists: readonly string[];
}

export interface SecurityGroupSnapshot {
  readonly id: string;
  readonly ingress: readonly SecurityGroupIngressSnapshot[];
}

export interface LogGroupSnapshot {
  /** LoggingConfig.LogGroup, or the default `/aws/lambda/<name>`. */
  readonly name: string;
  /** False when the group does not exist yet (it is created on the first invocation, without retention). */
  readonly exists: boolean;
  readonly retentionInDays: number | null;
  readonly kmsKeyId: string | null;
}

export interface RolePolicySnapshot {
  readonly name: string;
  /** Policy ARN for managed policies; null for inline ones. */
  readonly arn: string | null;
  readonly awsManaged: boolean;
  /** Policy document (JSON text, possibly URL-encoded as IAM returns it); null for AWS managed policies, judged by name. */
  readonly document: string | null;
}

export interface ExecutionRoleSnapshot {
  readonly arn: string;
  readonly name: string;
  /** Trust policy text (URL-encoded as IAM returns it). */
  readonly trustPolicy: string | null;
  readonly policies: readonly RolePolicySnapshot[];
}

export interface EventInvokeConfigSnapshot {
  readonly onFailureDestination: string | null;
  readonly onSuccessDestination: string | null;
  readonly maximumRetryAttempts: number | null;
}

export interface TrailSelectorsSnapshot {
  readonly name: string;
  readonly arn: string | null;
  readonly homeRegion: string | null;
  readonly multiRegion: boolean;
  /** null when the status could not be read. */
  readonly isLogging: boolean | null;
  /** Basic selectors: data resources of type AWS::Lambda::Function (values: `arn:aws:lambda`, function ARNs). */
  readonly lambdaDataResources: readonly string[];
  readonly advancedSelectors: readonly {
    readonly name: string | null;
    readonly fieldSelectors: readonly { readonly field: string; readonly equals: readonly string[]; readonly notEquals: readonly string[]; readonly startsWith: readonly string[]; readonly notStartsWith: readonly string[]; readonly endsWith: readonly string[]; readonly notEndsWith: readonly string[] }[];
  }[];
}

export interface LambdaFunctionSnapshot {
  readonly name: string;
  /** Unqualified function ARN. */
  readonly arn: string;
  readonly runtime: string | null;
  /** Zip or Image. */
  readonly packageType: string;
  /** Execution role ARN. */
  readonly role: string | null;
  readonly vpc: { readonly vpcId: string | null; readonly subnetIds: readonly string[]; readonly securityGroupIds: readonly string[] };
  /** Subnets of the VPC configuration with their Availability Zones (null when unknown). */
  readonly subnets: readonly SubnetSnapshot[];
  readonly securityGroups: readonly SecurityGroupSnapshot[];
  /** Active or PassThrough. */
  readonly tracingMode: string | null;
  /** Layer version ARNs. */
  readonly layers: readonly string[];
  readonly deadLetterTargetArn: string | null;
  /** Asynchronous invocation configuration of the unqualified function; null = none. */
  readonly eventInvokeConfig: EventInvokeConfigSnapshot | null;
  /** Customer managed key of the environment variables; null = the AWS managed key aws/lambda. */
  readonly kmsKeyArn: string | null;
  /** null = not observed (AWS Config does not record environment variables). */
  readonly environment: LambdaEnvironmentSnapshot | null;
  /** Resource-based policy of the unqualified function, JSON text; null = none. */
  readonly policy: string | null;
  /** Resource-based policies of aliases that have one. */
  readonly aliasPolicies: readonly { readonly qualifier: string; readonly policy: string }[];
  readonly functionUrls: readonly FunctionUrlSnapshot[];
  readonly tags: Readonly<Record<string, string>>;
  readonly logGroup: LogGroupSnapshot;
  /** null when the role does not exist (or lives in another account). */
  readonly executionRole: ExecutionRoleSnapshot | null;
  readonly reservedConcurrency: number | null;
  /** Trails of the account with their Lambda data-event selectors. */
  readonly trails: readonly TrailSelectorsSnapshot[];
}

/** A secret found in a file of a deployment package or layer. Never holds the value. */
export interface CodeSecretHit {
  readonly file: string;
  readonly line: number;
  readonly detector: SecretHit['detector'];
  readonly reason: string;
  readonly sha256Prefix: string;
}

export interface CodeScanSnapshot {
  /** scanned, or skipped (image package, package too large, unreadable archive) with a reason. */
  readonly state: 'scanned' | 'skipped';
  readonly reason: string | null;
  readonly filesScanned: number;
  readonly hits: readonly CodeSecretHit[];
}

export interface LambdaFunctionCodeSnapshot {
  readonly name: string;
  readonly arn: string;
  readonly packageType: string;
  readonly codeSha256: string | null;
  readonly scan: CodeScanSnapshot;
}

export interface LambdaLayerVersionSnapshot {
  /** Layer version ARN (`arn:aws:lambda:<region>:<account>:layer:<name>:<version>`). */
  readonly arn: string;
  readonly layerName: string;
  readonly version: number;
  readonly codeSha256: string | null;
  readonly scan: CodeScanSnapshot;
}
