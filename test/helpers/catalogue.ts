import type { Check, InputGap, Observation, ResourceRef, Rule } from '../../shared/core';
import type { TriggerRow } from '../../shared/events';
import type { FamilyDefinition } from '../../shared/families/types';
import type { ResourceKind } from '../../shared/resources/types';

/** A small self-contained family for testing the generic parser and engine without depending on a real family. */
export const testBucketKind: ResourceKind = {
  kind: 'Test::Bucket',
  reportedType: 'AWS::S3::Bucket',
  family: 'test',
  global: false,
  configTypes: ['AWS::S3::Bucket'],
  arn: ({ partition, id }) => (id.startsWith('arn:') ? id : `arn:${partition}:s3:::${id}`),
};
export const testAccountKind: ResourceKind = {
  kind: 'Test::Account',
  reportedType: 'AWS::::Account',
  family: 'test',
  global: false,
  configTypes: [],
  arn: ({ partition, accountId }) => `arn:${partition}:iam::${accountId}:root`,
};
export const testFunctionKind: ResourceKind = {
  kind: 'Test::Function',
  reportedType: 'AWS::Lambda::Function',
  family: 'test',
  global: false,
  configTypes: [],
  arn: ({ partition, region, accountId, id }) => (id.startsWith('arn:') ? id.replace(/:(\$LATEST|\d+|[A-Za-z][\w-]*)$/, (m) => (id.split(':').length > 7 ? '' : m)) : `arn:${partition}:lambda:${region}:${accountId}:function:${id}`),
};
export const testRoleKind: ResourceKind = {
  kind: 'Test::Role',
  reportedType: 'AWS::IAM::Role',
  family: 'test',
  global: true,
  configTypes: [],
  arn: ({ partition, accountId, id }) => `arn:${partition}:iam::${accountId}:role/${id}`,
};

export const testKinds = [testBucketKind, testAccountKind, testFunctionKind, testRoleKind];

export const testRows: TriggerRow[] = [
  { eventSource: 's3.amazonaws.com', eventNames: ['PutBucketPolicy', 'PutBucketAcl', 'DeleteBucketPolicy', 'CreateBucket'], kind: 'Test::Bucket', id: { paths: ['requestParameters.bucketName'] } },
  { eventSource: 's3.amazonaws.com', eventNames: ['PutAccountPublicAccessBlock'], kind: 'Test::Account', id: { account: true }, fanOut: ['Test::Bucket'] },
  { eventSource: 'lambda.amazonaws.com', eventNames: ['AddPermission', 'CreateFunctionUrlConfig'], match: 'prefix', kind: 'Test::Function', id: { paths: ['requestParameters.functionName'] } },
  { eventSource: 'iam.amazonaws.com', eventNames: ['UpdateAssumeRolePolicy'], kind: 'Test::Role', id: { paths: ['requestParameters.roleName'] } },
];

export interface TestBucket {
  readonly name: string;
  readonly public: boolean;
}

/** One rule: FAILs public buckets. Reads s3:GetBucketPolicy. */
export const testPublicRule: Rule<TestBucket> = {
  id: 'test-bucket-not-public',
  title: 'Test bucket is not public',
  severity: 'CRITICAL',
  kind: 'Test::Bucket',
  anchors: {},
  trigger: 'E',
  reads: ['s3:GetBucketPolicy'],
  remediation: { text: 'Make it private.' },
  rationale: 'Public buckets leak data.',
  evaluate: (bucket): Check =>
    bucket.public ? { status: 'FAIL', message: `${bucket.name} is public`, evidence: [{ message: 'public', field: 'policy' }] } : { status: 'PASS', message: `${bucket.name} is private`, evidence: [] },
};

export const bucketRef = (name: string, accountId = '111122223333', region = 'us-east-1'): ResourceRef => ({
  kind: 'Test::Bucket',
  id: name,
  arn: `arn:aws:s3:::${name}`,
  accountId,
  region,
});

export const present = (ref: ResourceRef, config: unknown, gaps: InputGap[] = [], observedAt = '2024-01-01T00:00:00.000Z'): Observation => ({
  state: 'present',
  ref,
  config,
  gaps,
  observedAt,
  source: 'live',
});

export const testFamily = (overrides: Partial<FamilyDefinition> = {}): FamilyDefinition => ({
  name: 'test',
  kinds: testKinds,
  triggers: testRows,
  rules: [testPublicRule],
  detections: [],
  collectors: {},
  configNormalisers: [],
  extraReadActions: [],
  ...overrides,
});
