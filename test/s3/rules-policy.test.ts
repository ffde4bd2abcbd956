import type { Check } from '../../shared/core';
import { createConfigIndex } from '../../shared/resources/config-item';
import { bucketConfigFromItem } from '../../shared/resources/s3/from-config';
import type { S3BucketConfig } from '../../shared/resources/s3/types';
import { s3BucketNoCrossAccountPolicy } from '../../shared/rules/s3/s3-bucket-no-cross-account-policy';
import { s3BucketPolicyNoCrossAccountSensitiveActions } from '../../shared/rules/s3/s3-bucket-policy-no-cross-account-sensitive-actions';
import { s3BucketPublicRead } from '../../shared/rules/s3/s3-bucket-public-read';
import { s3BucketPublicWrite } from '../../shared/rules/s3/s3-bucket-public-write';
import { s3BucketSslOnly } from '../../shared/rules/s3/s3-bucket-ssl-only';
import { loadApiResponse, loadCloudTrailRecords, loadFixture } from '../helpers/fixtures';
import { ACCOUNT, baseBucket, bucketRef, configItem, NO_BLOCK, ruleContext } from './helpers';

type Rule = { evaluate(config: S3BucketConfig, ctx: ReturnType<typeof ruleContext>, ref: ReturnType<typeof bucketRef>): Check };
const run = (rule: Rule, bucket: S3BucketConfig, params: Record<string, unknown> = {}): Check => rule.evaluate(bucket, ruleContext(params), bucketRef(bucket.name, bucket.region));

/** The base bucket with no Block Public Access anywhere and ACLs possibly in effect, holding `policy`. */
const exposed = (policy: unknown, patch: Partial<S3BucketConfig> = {}): S3BucketConfig => ({
  ...baseBucket(),
  publicAccessBlock: null,
  accountPublicAccessBlock: null,
  objectOwnership: null,
  policy: policy === null ? null : typeof policy === 'string' ? policy : JSON.stringify(policy),
  ...patch,
});

const recordedPolicy = (fixture: string): string => loadApiResponse(fixture).Policy;
/** The policy a recorded PutBucketPolicy event wrote (requestParameters.bucketPolicy, an object in CloudTrail). */
const policyOfEvent = (fixture: string) => structuredClone(loadCloudTrailRecords(`cloudtrail/${fixture}`)[0].requestParameters.bucketPolicy);
const rdkPolicyText = (): string => loadFixture('config-items/s3-bucket.rdk-example.json').supplementaryConfiguration.BucketPolicy.policyText;

const tlsDeny = (bucket: string, condition: Record<string, unknown> = { Bool: { 'aws:SecureTransport': 'false' } }) => ({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`], Condition: condition },
  ],
});

describe('s3-bucket-public-read', () => {
  it('passes a bucket with an owner-only ACL and no policy', () => {
    expect(run(s3BucketPublicRead, exposed(null)).status).toBe('PASS');
  });

  it('fails the recorded cloudmapper policy ({"AWS":"*"} s3:GetObject), naming statement 0 and its Sid', () => {
    const check = run(s3BucketPublicRead, exposed(recordedPolicy('s3.GetBucketPolicy.cloudmapper-demo.json')));
    expect(check.status).toBe('FAIL');
    expect(check.message).toContain('config-rule-sanity');
    expect(check.evidence).toEqual([expect.objectContaining({ field: 'policy', statements: [{ index: 0, sid: 'PublicReadGetObject' }] })]);
    expect(check.evidence[0].message).toMatch(/config-rule-sanity: policy statement 0 \(PublicReadGetObject\) grants public read/);
  });

  it('fails Principal "*" with no condition (the recorded StreamAlert PutBucketPolicy)', () => {
    const check = run(s3BucketPublicRead, exposed(policyOfEvent('s3-PutBucketPolicy-public.streamalert.json')));
    expect(check.status).toBe('FAIL');
    expect(check.evidence[0].statements).toEqual([{ index: 0 }]);
  });

  it('fails a public s3:GetBucketAcl grant (a Get* read action; the recorded Panther event)', () => {
    expect(run(s3BucketPublicRead, exposed(policyOfEvent('s3-PutBucketPolicy-public.panther.json'))).status).toBe('FAIL');
  });

  it('passes the same public policy when the account-level RestrictPublicBuckets is on (effective BPA is an OR)', () => {
    const bucket = exposed(policyOfEvent('s3-PutBucketPolicy-public.streamalert.json'), { accountPublicAccessBlock: { ...NO_BLOCK, restrictPublicBuckets: true } });
    expect(run(s3BucketPublicRead, bucket).status).toBe('PASS');
  });

  it('passes Principal "*" pinned to a fixed VPC endpoint, and fails it when the value is a wildcard', () => {
    const policy = policyOfEvent('s3-PutBucketPolicy-public.streamalert.json');
    policy.Statement[0].Condition = { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } };
    expect(run(s3BucketPublicRead, exposed(policy)).status).toBe('PASS');
    policy.Statement[0].Condition = { StringLike: { 'aws:SourceVpce': 'vpce-*' } };
    expect(run(s3BucketPublicRead, exposed(policy)).status).toBe('FAIL');
  });

  it('passes grants to other accounts only (not public: the recorded CloudTrail bucket policy)', () => {
    expect(run(s3BucketPublicRead, exposed(recordedPolicy('s3.GetBucketPolicy.cloudtrail-cross-account.custodian.json'))).status).toBe('PASS');
  });

  it('fails the AllUsers READ grant of the custodian lifecycle item (ownership unknown: ACLs in effect)', () => {
    const item = configItem('s3-bucket.s3-lifecycle.custodian.json');
    const bucket = bucketConfigFromItem(item, createConfigIndex([item]));
    const check = run(s3BucketPublicRead, bucket);
    expect(check.status).toBe('FAIL');
    expect(check.evidence).toEqual([expect.objectContaining({ field: 'acl.grants', value: ['AllUsers READ'] })]);
    expect(check.message).toContain('testing-99');
  });

  it('fails the recorded AuthenticatedUsers READ grant, but not the LogDelivery grants next to it', () => {
    const bucket = exposed(null, {
      acl: {
        ownerId: 'o',
        grants: [
          { grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers' }, permission: 'READ' },
          { grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }, permission: 'READ_ACP' },
        ],
      },
    });
    expect(run(s3BucketPublicRead, bucket).evidence[0].value).toEqual(['AuthenticatedUsers READ']);
  });

  it('passes a public ACL when IgnorePublicAcls is on at account level', () => {
    const item = configItem('s3-bucket.s3-lifecycle.custodian.json');
    const bucket = bucketConfigFromItem(item, createConfigIndex([item]));
    expect(run(s3BucketPublicRead, { ...bucket, accountPublicAccessBlock: { ...NO_BLOCK, ignorePublicAcls: true } }).status).toBe('PASS');
  });

  it('fails a public ACL without reading Object Ownership (S3 refuses to disable ACLs while the ACL grants others)', () => {
    const item = configItem('s3-bucket.s3-lifecycle.custodian.json');
    const bucket = bucketConfigFromItem(item, createConfigIndex([item]));
    const ownershipUnread = Object.defineProperty({ ...bucket }, 'objectOwnership', { get: () => { throw new Error('read'); } });
    expect(run(s3BucketPublicRead, ownershipUnread).status).toBe('FAIL');
  });

  it('passes a public WRITE-only ACL grant (that is public write, not read)', () => {
    const bucket = exposed(null, { acl: { ownerId: 'o', grants: [{ grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' }, permission: 'WRITE' }] } });
    expect(run(s3BucketPublicRead, bucket).status).toBe('PASS');
  });

  it('reports both the ACL and the policy when both are public', () => {
    const bucket = exposed(policyOfEvent('s3-PutBucketPolicy-public.streamalert.json'), {
      acl: { ownerId: 'o', grants: [{ grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' }, permission: 'FULL_CONTROL' }] },
    });
    expect(run(s3BucketPublicRead, bucket).evidence.map((e) => e.field)).toEqual(['acl.grants', 'policy']);
  });
});

describe('s3-bucket-public-write', () => {
  it('fails the recorded AllUsers WRITE ACL', () => {
    const bucket = exposed(null, { acl: { ownerId: 'o', grants: [{ grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' }, permission: 'WRITE' }] } });
    const check = run(s3BucketPublicWrite, bucket);
    expect(check.status).toBe('FAIL');
    expect(check.evidence).toEqual([expect.objectContaining({ field: 'acl.grants', value: ['AllUsers WRITE'] })]);
  });

  it('fails a public s3:PutObject statement, naming it', () => {
    const policy = policyOfEvent('s3-PutBucketPolicy-public.streamalert.json');
    policy.Statement[0] = { ...policy.Statement[0], Sid: 'Upload', Action: 's3:PutObject' };
    const check = run(s3BucketPublicWrite, exposed(policy));
    expect(check.status).toBe('FAIL');
    expect(check.evidence[0]).toMatchObject({ field: 'policy', statements: [{ index: 0, sid: 'Upload' }] });
  });

  it('fails a public "s3:*" statement (wildcard covering writes)', () => {
    const policy = policyOfEvent('s3-PutBucketPolicy-public.streamalert.json');
    policy.Statement[0].Action = 's3:*';
    expect(run(s3BucketPublicWrite, exposed(policy)).status).toBe('FAIL');
  });

  it('passes a public read-only statement and the recorded Deny-only policy', () => {
    expect(run(s3BucketPublicWrite, exposed(recordedPolicy('s3.GetBucketPolicy.cloudmapper-demo.json'))).status).toBe('PASS');
    expect(run(s3BucketPublicWrite, exposed(recordedPolicy('s3.GetBucketPolicy.deny-unencrypted-principal-star.custodian.json'))).status).toBe('PASS');
  });

  it('passes public writes blocked by the bucket-level RestrictPublicBuckets and IgnorePublicAcls', () => {
    const policy = policyOfEvent('s3-PutBucketPolicy-public.streamalert.json');
    policy.Statement[0].Action = 's3:PutObject';
    const bucket = exposed(policy, {
      publicAccessBlock: { ...NO_BLOCK, restrictPublicBuckets: true, ignorePublicAcls: true },
      acl: { ownerId: 'o', grants: [{ grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' }, permission: 'WRITE' }] },
    });
    expect(run(s3BucketPublicWrite, bucket).status).toBe('PASS');
  });
});

describe('s3-bucket-ssl-only', () => {
  it('fails a bucket without a policy', () => {
    const check = run(s3BucketSslOnly, exposed(null));
    expect(check.status).toBe('FAIL');
    expect(check.evidence[0]).toMatchObject({ field: 'policy', value: null });
  });

  it('passes a Deny of aws:SecureTransport=false on the bucket and its objects, naming the statement', () => {
    const check = run(s3BucketSslOnly, exposed(tlsDeny('config-rule-sanity')));
    expect(check.status).toBe('PASS');
    expect(check.evidence[0].statements).toEqual([{ index: 0, sid: 'DenyInsecureTransport' }]);
  });

  it('fails the RDK example, whose Deny covers the bucket ARN but not its objects', () => {
    const bucket = exposed(rdkPolicyText(), { name: 'mborch-test-bucket-config-item' });
    expect(s3BucketSslOnly.evaluate(bucket, ruleContext(), bucketRef('mborch-test-bucket-config-item')).status).toBe('FAIL');
  });

  it('fails a Deny on s3:TlsVersion alone and a Deny with the wrong polarity', () => {
    expect(run(s3BucketSslOnly, exposed(tlsDeny('config-rule-sanity', { NumericLessThan: { 's3:TlsVersion': '1.2' } }))).status).toBe('FAIL');
    expect(run(s3BucketSslOnly, exposed(tlsDeny('config-rule-sanity', { Bool: { 'aws:SecureTransport': 'true' } }))).status).toBe('FAIL');
  });

  it('fails a TLS Deny written for another bucket', () => {
    expect(run(s3BucketSslOnly, exposed(tlsDeny('some-other-bucket'))).status).toBe('FAIL');
  });
});

describe('s3-bucket-policy-no-cross-account-sensitive-actions', () => {
  const stratus = () => policyOfEvent('s3-PutBucketPolicy-cross-account.stratus-challenge.json');

  it('passes without a policy and with the recorded CloudTrail delivery policy (no sensitive action)', () => {
    expect(run(s3BucketPolicyNoCrossAccountSensitiveActions, exposed(null)).status).toBe('PASS');
    expect(run(s3BucketPolicyNoCrossAccountSensitiveActions, exposed(recordedPolicy('s3.GetBucketPolicy.cloudtrail-cross-account.custodian.json'))).status).toBe('PASS');
  });

  it('passes the recorded Stratus backdoor (read actions only) and fails it once it also grants s3:Put*', () => {
    expect(run(s3BucketPolicyNoCrossAccountSensitiveActions, exposed(stratus())).status).toBe('PASS');
    const policy = stratus();
    policy.Statement[0].Action = [...policy.Statement[0].Action, 's3:Put*'];
    const check = run(s3BucketPolicyNoCrossAccountSensitiveActions, exposed(policy));
    expect(check.status).toBe('FAIL');
    expect(check.evidence[0]).toMatchObject({ field: 'policy', statements: [{ index: 0 }] });
    expect((check.evidence[0].value as { principals: string[] }).principals).toEqual(['arn:aws:iam::193672423079:root']);
  });

  it('fails NotAction that leaves the sensitive actions granted to another account', () => {
    const policy = stratus();
    delete policy.Statement[0].Action;
    policy.Statement[0].NotAction = 's3:GetObject';
    expect(run(s3BucketPolicyNoCrossAccountSensitiveActions, exposed(policy)).status).toBe('FAIL');
  });

  it('passes sensitive actions granted to the owner account or to a trusted account', () => {
    const policy = stratus();
    policy.Statement[0].Action = 's3:*';
    policy.Statement[0].Principal = { AWS: `arn:aws:iam::${ACCOUNT}:root` };
    expect(run(s3BucketPolicyNoCrossAccountSensitiveActions, exposed(policy)).status).toBe('PASS');
    policy.Statement[0].Principal = { AWS: 'arn:aws:iam::193672423079:root' };
    expect(run(s3BucketPolicyNoCrossAccountSensitiveActions, exposed(policy)).status).toBe('FAIL');
    expect(run(s3BucketPolicyNoCrossAccountSensitiveActions, exposed(policy), { trustedAccountIds: ['193672423079'] }).status).toBe('PASS');
  });
});

describe('s3-bucket-no-cross-account-policy', () => {
  it('fails the recorded Stratus backdoor policy, naming the foreign principal', () => {
    const check = run(s3BucketNoCrossAccountPolicy, exposed(policyOfEvent('s3-PutBucketPolicy-cross-account.stratus-challenge.json')));
    expect(check.status).toBe('FAIL');
    expect(check.evidence[0]).toMatchObject({ field: 'policy', statements: [{ index: 0 }], value: ['arn:aws:iam::193672423079:root'] });
    expect(check.message).toContain('config-rule-sanity');
  });

  it('fails the recorded console policy for account 666666666666 unless that account is trusted', () => {
    const policy = policyOfEvent('s3-PutBucketPolicy-cross-account-console.cwlogs-sample.json');
    expect(run(s3BucketNoCrossAccountPolicy, exposed(policy)).status).toBe('FAIL');
    expect(run(s3BucketNoCrossAccountPolicy, exposed(policy), { trustedAccountIds: ['666666666666'] }).status).toBe('PASS');
  });

  it('fails a public statement too', () => {
    expect(run(s3BucketNoCrossAccountPolicy, exposed(policyOfEvent('s3-PutBucketPolicy-public.streamalert.json'))).status).toBe('FAIL');
  });

  it('passes no policy, and the recorded SelectResourceConfig policy that grants a role of the owner account', () => {
    expect(run(s3BucketNoCrossAccountPolicy, exposed(null)).status).toBe('PASS');
    const [result] = loadApiResponse('config.SelectResourceConfig.s3-bucket.custodian.json').Results as string[];
    const policy = JSON.parse(result).supplementaryConfiguration.BucketPolicy.policyText;
    expect(run(s3BucketNoCrossAccountPolicy, exposed(policy)).status).toBe('PASS');
  });
});
