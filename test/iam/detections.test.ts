import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEventBridgeEvent, type CloudTrailDetail } from '../../shared/events';
import { iamTriggers } from '../../shared/events/triggers/iam';
import { IAM_KINDS } from '../../shared/resources/iam/kinds';
import { iamDetections } from '../../shared/rules/detections';
import { detCloudtrailConfigChange } from '../../shared/rules/detections/det-cloudtrail-config-change';
import { detConfigChange } from '../../shared/rules/detections/det-config-change';
import { detConsoleAuthFailures } from '../../shared/rules/detections/det-console-auth-failures';
import { detConsoleLoginNoMfa } from '../../shared/rules/detections/det-console-login-no-mfa';
import { detIamPolicyChange } from '../../shared/rules/detections/det-iam-policy-change';
import { detKmsKeyDisableOrDelete } from '../../shared/rules/detections/det-kms-key-disable-or-delete';
import { detRootActivity } from '../../shared/rules/detections/det-root-activity';
import { detS3BucketPolicyChange } from '../../shared/rules/detections/det-s3-bucket-policy-change';
import { detUnauthorizedApiCalls } from '../../shared/rules/detections/det-unauthorized-api-calls';
import type { DetectionRule } from '../../shared/rules/types';
import { loadCloudTrailRecords, loadFixture, toEventBridge } from '../helpers/fixtures';
import { ctx } from './helpers';

const signIns: CloudTrailDetail[] = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'signin-ConsoleLogin.awsdocs.json'), 'utf8')).Records;
const [userNoMfa, userMfa, userFailed, rootNoMfa, rootFailed] = signIns;
const record = (file: string, eventName?: string): CloudTrailDetail => {
  const records = loadCloudTrailRecords(`cloudtrail/${file}`);
  return (eventName ? records.find((r) => r.eventName === eventName) : records[0]) as CloudTrailDetail;
};
const fired = (detail: CloudTrailDetail) =>
  iamDetections
    .filter((d) => d.eventSources.includes('*') || d.eventSources.includes(detail.eventSource))
    .filter((d) => d.detect(detail, ctx()) !== undefined)
    .map((d) => d.id)
    .sort();
const hit = (rule: DetectionRule, detail: CloudTrailDetail) => {
  const found = rule.detect(detail, ctx());
  if (!found) throw new Error(`${rule.id} did not fire on ${detail.eventSource} ${detail.eventName}`);
  expect(found.check.status).toBe('FAIL');
  return found;
};

describe('sign-in detections (AWS documentation ConsoleLogin records)', () => {
  it('an IAM user signing in without MFA: det-console-login-no-mfa on the user, with the actor', () => {
    expect(fired(userNoMfa)).toEqual(['det-console-login-no-mfa']);
    const { ref, check } = hit(detConsoleLoginNoMfa, userNoMfa);
    expect(ref).toEqual({ kind: 'AWS::IAM::User', id: 'anaya', arn: 'arn:aws:iam::111122223333:user/anaya', accountId: '111122223333', region: 'global' });
    expect(check.evidence[0]).toMatchObject({ field: 'userIdentity', value: { principalArn: 'arn:aws:iam::111122223333:user/anaya', sourceIp: '192.0.2.0', eventId: '3fcfb182-98f8-4744-bd45-10a395ab61cb' } });
    expect(check.evidence[1]).toMatchObject({ field: 'additionalEventData.MFAUsed', value: 'No' });
  });
  it('with MFA: nothing fires', () => {
    expect(fired(userMfa)).toEqual([]);
  });
  it('a failed IAM-user sign-in (no ARN in the record): det-console-auth-failures on the user by name', () => {
    expect(fired(userFailed)).toEqual(['det-console-auth-failures']);
    expect(hit(detConsoleAuthFailures, userFailed).ref.arn).toBe('arn:aws:iam::111122223333:user/anaya');
  });
  it('root sign-ins: det-root-activity on the account (the no-MFA rule is for IAM users only, CIS v3); a failed root sign-in also counts as a failure', () => {
    expect(fired(rootNoMfa)).toEqual(['det-root-activity']);
    expect(hit(detRootActivity, rootNoMfa).ref).toEqual({ kind: 'AWS::IAM::Account', id: '111122223333', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333', region: 'global' });
    expect(fired(rootFailed)).toEqual(['det-console-auth-failures', 'det-root-activity']);
    expect(hit(detConsoleAuthFailures, rootFailed).ref.kind).toBe('AWS::IAM::Account');
  });
  it('the parser reads the real sign-in detail-type', () => {
    const parsed = parseEventBridgeEvent({ ...toEventBridge(userNoMfa), 'detail-type': 'AWS Console Sign In via CloudTrail', source: 'aws.signin' }, { rows: iamTriggers, kinds: IAM_KINDS });
    expect(parsed).toMatchObject({ type: 'cloudtrail', targets: { refs: [] } });
  });
});

describe('root activity', () => {
  it('root CreateAccessKey through the console (invokedBy signin.amazonaws.com) is excluded by the CIS filter', () => {
    expect(detRootActivity.detect(record('iam-CreateAccessKey-root.panther.json'), ctx())).toBeUndefined();
  });
  it('the same call made directly by root fires; an AwsServiceEvent does not', () => {
    const direct = structuredClone(record('iam-CreateAccessKey-root.panther.json')) as any;
    delete direct.userIdentity.invokedBy;
    expect(hit(detRootActivity, direct).check.message).toBe('the root user called iam.amazonaws.com CreateAccessKey');
    expect(detRootActivity.detect({ ...direct, eventType: 'AwsServiceEvent' }, ctx())).toBeUndefined();
  });
});

describe('unauthorized API calls (failed events must reach detections)', () => {
  it('AccessDenied on PutBucketPolicy (Panther failed sample) fires on the caller; the S3 policy-change detection does not', () => {
    const failed = record('s3-PutBucketPolicy-failed.panther.json');
    expect(fired(failed)).toEqual(['det-unauthorized-api-calls']);
    const { check } = hit(detUnauthorizedApiCalls, failed);
    expect(check.evidence.find((e) => e.field === 'errorCode')?.value).toBe('AccessDenied');
  });
  it('*UnauthorizedOperation fires on the role behind an assumed-role session; other errors and the CIS exclusions do not', () => {
    const base = structuredClone(record('iam-AttachRolePolicy-AdministratorAccess.panther.json')) as any;
    const denied = { ...base, eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances', errorCode: 'Client.UnauthorizedOperation' };
    expect(hit(detUnauthorizedApiCalls, denied).ref).toMatchObject({ kind: 'AWS::IAM::Role', id: 'Tester', accountId: '123456789012' });
    expect(detUnauthorizedApiCalls.detect(record('iam-CreateAccessKey-error.panther.json'), ctx())).toBeUndefined();
    expect(detUnauthorizedApiCalls.detect({ ...denied, errorCode: 'AccessDenied', eventName: 'HeadBucket' }, ctx())).toBeUndefined();
    expect(detUnauthorizedApiCalls.detect({ ...denied, errorCode: 'AccessDenied', sourceIPAddress: 'delivery.logs.amazonaws.com' }, ctx())).toBeUndefined();
  });
});

describe('change detections', () => {
  it('IAM policy changes: PutRolePolicy on the role, AttachUserPolicy on the user, CreatePolicy on the new policy; a failed call does not fire', () => {
    const put = loadFixture('eventbridge/iam-PutRolePolicy.rust-fixture.json').detail;
    expect(hit(detIamPolicyChange, put).ref).toMatchObject({ kind: 'AWS::IAM::Role', id: 'practicum_test_role_inline' });
    expect(hit(detIamPolicyChange, record('iam-AttachUserPolicy-AdministratorAccess.panther.json')).ref).toMatchObject({ kind: 'AWS::IAM::User', id: 'new-user' });
    expect(hit(detIamPolicyChange, record('iam-CreatePolicy.elastic.json')).ref).toMatchObject({ kind: 'AWS::IAM::Policy', id: 'arn:aws:iam::00000000000:policy/PwncloudSNSPublishPolicy' });
    expect(detIamPolicyChange.detect({ ...put, errorCode: 'AccessDenied' }, ctx())).toBeUndefined();
    expect(detIamPolicyChange.detect(record('iam-CreateUser.awsdocs.json'), ctx())).toBeUndefined();
  });
  it('S3 bucket policy change (Panther public sample) on the bucket, in the event Region', () => {
    expect(hit(detS3BucketPolicyChange, record('s3-PutBucketPolicy-public.panther.json')).ref).toEqual({
      kind: 'AWS::S3::Bucket',
      id: 'example-bucket',
      arn: 'arn:aws:s3:::example-bucket',
      accountId: '123456789012',
      region: 'us-west-2',
    });
  });
  it('CloudTrail StopLogging (Stratus) on the trail', () => {
    const stop = record('cloudtrail-StopLogging.stratus.json', 'StopLogging');
    expect(hit(detCloudtrailConfigChange, stop).ref).toMatchObject({ kind: 'AWS::CloudTrail::Trail', id: 'stratus-red-team-ct-stop-trail-buykxbqejv', accountId: '143434273843' });
  });
  it('KMS ScheduleKeyDeletion and Config StopConfigurationRecorder (mutated from a real record: no recorded sample)', () => {
    const base = record('cloudtrail-StopLogging.stratus.json', 'StopLogging');
    const kms = { ...base, eventSource: 'kms.amazonaws.com', eventName: 'ScheduleKeyDeletion', awsRegion: 'eu-west-1', requestParameters: { keyId: '1234abcd-12ab-34cd-56ef-1234567890ab', pendingWindowInDays: 7 } };
    const kmsHit = hit(detKmsKeyDisableOrDelete, kms);
    expect(kmsHit.ref.arn).toBe('arn:aws:kms:eu-west-1:143434273843:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    expect(kmsHit.check.message).toMatch(/deletion in 7 days/);
    expect(detKmsKeyDisableOrDelete.detect({ ...kms, eventName: 'EnableKey' }, ctx())).toBeUndefined();
    const config = { ...base, eventSource: 'config.amazonaws.com', eventName: 'StopConfigurationRecorder', awsRegion: 'eu-west-1', requestParameters: { configurationRecorderName: 'default' } };
    expect(hit(detConfigChange, config).ref).toMatchObject({ kind: 'AWS::Config::ConfigurationRecorder', id: 'default', region: 'eu-west-1' });
    const channel = { ...config, eventName: 'PutDeliveryChannel', requestParameters: { deliveryChannel: { name: 'main', s3BucketName: 'config-logs' } } };
    expect(hit(detConfigChange, channel).ref).toMatchObject({ kind: 'AWS::Config::DeliveryChannel', id: 'main' });
  });
});

describe('detection metadata', () => {
  it('nine detections, kind "event", no reads, LOW as Security Hub rates CloudWatch.1–9, each anchored to its CIS item', () => {
    expect(iamDetections.map((d) => d.id).sort()).toEqual([
      'det-cloudtrail-config-change',
      'det-config-change',
      'det-console-auth-failures',
      'det-console-login-no-mfa',
      'det-iam-policy-change',
      'det-kms-key-disable-or-delete',
      'det-root-activity',
      'det-s3-bucket-policy-change',
      'det-unauthorized-api-calls',
    ]);
    for (const d of iamDetections) {
      expect({ id: d.id, kind: d.kind, reads: d.reads, severity: d.severity }).toEqual({ id: d.id, kind: 'event', reads: [], severity: 'LOW' });
      expect(d.anchors.cis?.some((c) => /^v3 4\.\d$/.test(c))).toBe(true);
      expect(d.anchors.securityHub?.[0]).toMatch(/^CloudWatch\.[1-9]$/);
    }
  });
});
