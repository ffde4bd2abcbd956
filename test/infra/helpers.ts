import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { Rule } from '../../shared/core';
import type { FamilyDefinition } from '../../shared/families/types';
import type { ResourceKind } from '../../shared/resources/types';

/** The feature flags of cdk.json: `new App()` in a test does not read cdk.json, and the flags change the template. */
export const CDK_JSON_CONTEXT: Record<string, unknown> = JSON.parse(readFileSync(join(__dirname, '..', '..', 'cdk.json'), 'utf8')).context;

/** An app with the project's flags plus `context`; bundling skipped unless `bundle` (esbuild is slow, one test does it). */
export const testApp = (context: Record<string, unknown> = {}, options: { bundle?: boolean } = {}): App =>
  new App({ context: { ...CDK_JSON_CONTEXT, ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }), ...context } });

const kind = (name: string, family: string, global: boolean, configTypes: string[]): ResourceKind => ({
  kind: name,
  reportedType: name,
  family,
  global,
  configTypes,
  arn: ({ partition, accountId, region, id }) => `arn:${partition}:${family}:${region}:${accountId}:${id}`,
});

const rule = (id: string, kindName: string, reads: string[]): Rule =>
  ({ id, title: id, severity: 'HIGH', kind: kindName, anchors: {}, trigger: 'E', reads, remediation: { text: 'fix' }, rationale: 'r', evaluate: () => ({ status: 'PASS', message: 'ok', evidence: [] }) }) as Rule;

/**
 * Stand-ins with catalogue rows from spec/controls.md §6 (S3 regional, IAM global), for infra tests that must not depend
 * on how far the real families are filled. Named like real families so their entry points exist.
 */
export const sampleFamilies = (): FamilyDefinition[] => [
  {
    name: 's3',
    kinds: [kind('AWS::S3::Bucket', 's3', false, ['AWS::S3::Bucket']), kind('AWS::S3::AccountPublicAccessBlock', 's3', true, ['AWS::S3::AccountPublicAccessBlock'])],
    triggers: [
      { eventSource: 's3.amazonaws.com', eventNames: ['PutBucketAcl', 'PutBucketPolicy', 'DeleteBucketPolicy', 'PutBucketVersioning'], kind: 'AWS::S3::Bucket', id: { paths: ['requestParameters.bucketName'] } },
      // A global kind (one finding per account) whose events are regional: never forwarded.
      { eventSource: 's3.amazonaws.com', eventNames: ['PutAccountPublicAccessBlock'], kind: 'AWS::S3::AccountPublicAccessBlock', id: { account: true } },
    ],
    rules: [rule('s3-bucket-public-read', 'AWS::S3::Bucket', ['s3:GetBucketAcl', 's3:GetBucketPolicy']), rule('s3-bucket-versioning', 'AWS::S3::Bucket', ['s3:GetBucketVersioning'])],
    detections: [],
    collectors: {},
    configNormalisers: [],
    extraReadActions: ['s3:GetBucketLocation', 's3:ListAllMyBuckets'],
  },
  {
    name: 'iam',
    kinds: [kind('AWS::IAM::Role', 'iam', true, ['AWS::IAM::Role'])],
    triggers: [
      { eventSource: 'iam.amazonaws.com', eventNames: ['UpdateAssumeRolePolicy', 'PutRolePolicy', 'AttachRolePolicy'], kind: 'AWS::IAM::Role', id: { paths: ['requestParameters.roleName'] } },
    ],
    rules: [rule('iam-role-trust', 'AWS::IAM::Role', ['iam:GetRole', 'iam:ListRolePolicies', 'iam:GetRolePolicy'])],
    detections: [],
    collectors: {},
    configNormalisers: [],
    extraReadActions: ['iam:ListRoles'],
  },
  {
    name: 'lambda',
    kinds: [kind('AWS::Lambda::Function', 'lambda', false, ['AWS::Lambda::Function'])],
    triggers: [
      { eventSource: 'lambda.amazonaws.com', eventNames: ['AddPermission', 'UpdateFunctionConfiguration'], match: 'prefix', kind: 'AWS::Lambda::Function', id: { paths: ['requestParameters.functionName'] } },
    ],
    rules: [rule('lambda-function-public', 'AWS::Lambda::Function', ['lambda:GetPolicy', 'lambda:GetFunctionConfiguration'])],
    detections: [],
    collectors: {},
    configNormalisers: [],
    extraReadActions: ['lambda:ListFunctions'],
  },
];

type Resources = Record<string, { Type: string; Properties?: Record<string, any>; DependsOn?: unknown }>;
export const resourcesOf = (template: Template, type: string): Resources =>
  Object.fromEntries(Object.entries(template.toJSON().Resources as Resources).filter(([, r]) => r.Type === type));

export interface PolicyStatementJson {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Sid?: string;
  Condition?: unknown;
}

/** Every statement of the IAM policies attached to the role with this logical id. */
export const statementsOfRole = (template: Template, roleLogicalId: string): PolicyStatementJson[] =>
  Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
    .filter((policy) => (policy.Properties?.Roles as unknown[]).some((role) => JSON.stringify(role) === JSON.stringify({ Ref: roleLogicalId })))
    .flatMap((policy) => policy.Properties?.PolicyDocument.Statement as PolicyStatementJson[]);

export const actionsOf = (statements: readonly PolicyStatementJson[]): string[] =>
  [...new Set(statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])))].sort();
