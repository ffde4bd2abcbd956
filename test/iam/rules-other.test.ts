import { createConfigIndex, normaliseConfigItem } from '../../shared/resources/config-item';
import { IAM_CONFIG_NORMALISERS } from '../../shared/resources/iam/config';
import type { AccessAnalyzerRegionSnapshot, AccessAnalyzerSnapshot, IamServerCertificateSnapshot } from '../../shared/resources/iam/types';
import { iamAccessAnalyzerExternalEnabled } from '../../shared/rules/iam/iam-access-analyzer-external-enabled';
import { iamAccessAnalyzerTagged } from '../../shared/rules/iam/iam-access-analyzer-tagged';
import { iamServerCertNotExpired } from '../../shared/rules/iam/iam-server-cert-not-expired';
import { iamStaleBedrockSagemakerAccess } from '../../shared/rules/iam/iam-stale-bedrock-sagemaker-access';
import { iamUnusedPermissions } from '../../shared/rules/iam/iam-unused-permissions';
import { baseRole, baseUser, configOf, ctx, daysAgo, expectStatus, expectUnobserved, ref } from './helpers';

const c = ctx();

describe('iam-server-cert-not-expired', () => {
  const cert = (expiration: string | null): IamServerCertificateSnapshot => ({ type: 'server-certificate', name: 'web', arn: 'arn:aws:iam::111122223333:server-certificate/web', path: '/', expiration, uploadDate: daysAgo(800) });
  const certRef = ref('AWS::IAM::ServerCertificate', 'web');
  it('expired (by ctx.now) fails; still valid passes; no date → N/A', () => {
    expect(expectStatus(iamServerCertNotExpired.evaluate(cert(daysAgo(1)), c, certRef), 'FAIL').evidence[0].field).toBe('expiration');
    expectStatus(iamServerCertNotExpired.evaluate(cert(daysAgo(-30)), c, certRef), 'PASS');
    expectStatus(iamServerCertNotExpired.evaluate(cert(daysAgo(-30)), ctx({}, new Date(Date.parse(daysAgo(-31)))), certRef), 'FAIL');
    expectStatus(iamServerCertNotExpired.evaluate(cert(null), c, certRef), 'NOT_APPLICABLE');
  });
});

describe('IAM Access Analyzer', () => {
  const region = (analyzers: AccessAnalyzerRegionSnapshot['analyzers']): AccessAnalyzerRegionSnapshot => ({ type: 'analyzer-region', region: 'eu-west-1', analyzers });
  const regionRef = ref('AWS::AccessAnalyzer::Region', '111122223333', '111122223333', 'eu-west-1');
  const analyzer = (analyzerType: string, status = 'ACTIVE') => ({ name: `a-${analyzerType}`, arn: `arn:aws:access-analyzer:eu-west-1:111122223333:analyzer/a-${analyzerType}`, analyzerType, status });
  it('external enabled: an active ACCOUNT analyzer passes; none, unused-access only, or not active fail', () => {
    expectStatus(iamAccessAnalyzerExternalEnabled.evaluate(region([analyzer('ACCOUNT')]), c, regionRef), 'PASS');
    expectStatus(iamAccessAnalyzerExternalEnabled.evaluate(region([]), c, regionRef), 'FAIL');
    expectStatus(iamAccessAnalyzerExternalEnabled.evaluate(region([analyzer('ACCOUNT_UNUSED_ACCESS')]), c, regionRef), 'FAIL');
    expectStatus(iamAccessAnalyzerExternalEnabled.evaluate(region([analyzer('ACCOUNT', 'CREATING')]), c, regionRef), 'FAIL');
  });
  it('an ORGANIZATION analyzer counts unless accessAnalyzerCountOrganization is false (Security Hub\'s member-account behaviour)', () => {
    expectStatus(iamAccessAnalyzerExternalEnabled.evaluate(region([analyzer('ORGANIZATION')]), c, regionRef), 'PASS');
    expectStatus(iamAccessAnalyzerExternalEnabled.evaluate(region([analyzer('ORGANIZATION')]), ctx({ accessAnalyzerCountOrganization: false }), regionRef), 'FAIL');
  });
  it('tagged: from a Config item (CloudFormation-style configuration, best effort) and from live data', () => {
    const item = normaliseConfigItem({
      resourceType: 'AWS::AccessAnalyzer::Analyzer',
      resourceId: 'arn:aws:access-analyzer:eu-west-1:111122223333:analyzer/external',
      resourceName: 'external',
      accountId: '111122223333',
      awsRegion: 'eu-west-1',
      configuration: { AnalyzerName: 'external', Arn: 'arn:aws:access-analyzer:eu-west-1:111122223333:analyzer/external', Type: 'ACCOUNT', Tags: [{ Key: 'Owner', Value: 'secops' }] },
    });
    const [obs] = IAM_CONFIG_NORMALISERS.find((n) => n.configType === 'AWS::AccessAnalyzer::Analyzer')!.toObservations(item, createConfigIndex([item]));
    expect(obs.ref).toEqual(ref('AWS::AccessAnalyzer::Analyzer', 'external', '111122223333', 'eu-west-1'));
    const fromConfig = configOf<AccessAnalyzerSnapshot>(obs);
    expect(fromConfig).toEqual({ type: 'analyzer', name: 'external', arn: 'arn:aws:access-analyzer:eu-west-1:111122223333:analyzer/external', analyzerType: 'ACCOUNT', status: null, tags: { Owner: 'secops' } });
    expectStatus(iamAccessAnalyzerTagged.evaluate(fromConfig, c, obs.ref), 'PASS');
    expectStatus(iamAccessAnalyzerTagged.evaluate({ ...fromConfig, tags: {} }, c, obs.ref), 'FAIL');
  });
});

describe('Access Advisor rules (users and roles)', () => {
  const userRef = ref('AWS::IAM::User', 'faizan.ahmed');
  const withServices = (services: [string, number | null][]) => ({ ...baseUser({}), serviceLastAccessed: services.map(([namespace, days]) => ({ namespace, lastAuthenticated: days === null ? null : daysAgo(days) })) });
  it('stale Bedrock (60 d) and SageMaker (90 d): never used or idle too long fails; recently used passes; no such permission → N/A; no Access Advisor data → ERROR', () => {
    expect(expectStatus(iamStaleBedrockSagemakerAccess.evaluate(withServices([['bedrock', null], ['s3', 1]]), c, userRef), 'FAIL').evidence.map((e) => e.field)).toEqual(['serviceLastAccessed[bedrock]']);
    expectStatus(iamStaleBedrockSagemakerAccess.evaluate(withServices([['bedrock', 61]]), c, userRef), 'FAIL');
    expectStatus(iamStaleBedrockSagemakerAccess.evaluate(withServices([['sagemaker', 61]]), c, userRef), 'PASS');
    expectStatus(iamStaleBedrockSagemakerAccess.evaluate(withServices([['sagemaker', 91]]), c, userRef), 'FAIL');
    expectStatus(iamStaleBedrockSagemakerAccess.evaluate(withServices([['s3', null]]), c, userRef), 'NOT_APPLICABLE');
    expectUnobserved(iamStaleBedrockSagemakerAccess, baseUser({}), c, userRef, /Access Advisor data is not in this snapshot/);
  });
  it('a principal younger than the threshold is not judged on never-used access', () => {
    const young = { ...withServices([['bedrock', null]]), createDate: daysAgo(5) };
    expectStatus(iamStaleBedrockSagemakerAccess.evaluate(young, c, userRef), 'PASS');
    expectStatus(iamUnusedPermissions.evaluate(young, c, userRef), 'PASS');
  });
  it('unused permissions: any allowed service idle ≥ 90 days (parameter) fails, listing them; roles too; no Access Advisor data → ERROR', () => {
    const check = expectStatus(iamUnusedPermissions.evaluate(withServices([['s3', 1], ['ec2', 120], ['sqs', null]]), c, userRef), 'FAIL');
    expect((check.evidence[0].value as { namespace: string }[]).map((s) => s.namespace)).toEqual(['ec2', 'sqs']);
    expectStatus(iamUnusedPermissions.evaluate(withServices([['s3', 1], ['ec2', 120]]), ctx({ unusedPermissionsDays: 180 }), userRef), 'PASS');
    const role = { ...baseRole(), createDate: daysAgo(400), serviceLastAccessed: [{ namespace: 'logs', lastAuthenticated: daysAgo(200) }] };
    expectStatus(iamUnusedPermissions.evaluate(role, c, ref('AWS::IAM::Role', 'custodian-testing')), 'FAIL');
    expectUnobserved(iamUnusedPermissions, baseRole(), c, ref('AWS::IAM::Role', 'custodian-testing'), /Access Advisor data is not in this snapshot/);
    expect(iamUnusedPermissions.kinds).toEqual(['AWS::IAM::User', 'AWS::IAM::Role']);
  });
});
