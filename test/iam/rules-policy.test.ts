import { fromAuthorizationDetails } from '../../shared/resources/iam/authorization-details';
import type { IamManagedPolicySnapshot, IamRoleSnapshot } from '../../shared/resources/iam/types';
import { iamCustomerPolicyNoAdminStar } from '../../shared/rules/iam/iam-customer-policy-no-admin-star';
import { iamCustomerPolicyNoKmsDecryptAll } from '../../shared/rules/iam/iam-customer-policy-no-kms-decrypt-all';
import { iamCustomerPolicyNoServiceWildcard } from '../../shared/rules/iam/iam-customer-policy-no-service-wildcard';
import { iamNoAdminPolicyAttached } from '../../shared/rules/iam/iam-no-admin-policy-attached';
import { iamPassroleScoped } from '../../shared/rules/iam/iam-passrole-scoped';
import { iamPolicyNoCloudtrailFullAccess } from '../../shared/rules/iam/iam-policy-no-cloudtrail-full-access';
import { iamPolicyNoKmsFullAccess } from '../../shared/rules/iam/iam-policy-no-kms-full-access';
import { iamPolicyNoMarketplaceSubscribeWildcard } from '../../shared/rules/iam/iam-policy-no-marketplace-subscribe-wildcard';
import { iamPolicyNoPermissiveRoleAssumption } from '../../shared/rules/iam/iam-policy-no-permissive-role-assumption';
import { iamPolicyNoPrivilegeEscalation } from '../../shared/rules/iam/iam-policy-no-privilege-escalation';
import { loadApiResponse, loadFixture } from '../helpers/fixtures';
import { api, canonical, configOf, ctx, expectStatus, expectUnobserved, ref } from './helpers';

const ACCOUNT = '200611803367';
const observations = fromAuthorizationDetails(loadApiResponse('iam.GetAccountAuthorizationDetails.cloudsplaining-example.json'), { observedAt: '2026-11-26T00:00:00Z' });
/** A customer-managed policy of the cloudsplaining example dump. */
const policy = (name: string): IamManagedPolicySnapshot => configOf(observations.find((o) => o.ref.id === `arn:aws:iam::${ACCOUNT}:policy/${name}`)!);
const policyRef = (p: IamManagedPolicySnapshot) => ref('AWS::IAM::Policy', p.arn, ACCOUNT);
const withDocument = (document: unknown, base = policy('fp2-allow-all')): IamManagedPolicySnapshot => ({ ...base, document: canonical(document) });
const c = ctx();

describe('iam-customer-policy-no-admin-star (IAM.1)', () => {
  it('"*" on "*" fails with the deciding statement; the recorded GetPolicyVersion allow-star-star document fails with its Sid', () => {
    const check = expectStatus(iamCustomerPolicyNoAdminStar.evaluate(policy('fp2-allow-all'), c, policyRef(policy('fp2-allow-all'))), 'FAIL');
    expect(check.evidence[0]).toMatchObject({ field: 'document', statements: [{ index: 0 }] });
    const recorded = withDocument(decodeURIComponent(api('iam.GetPolicyVersion.allow-star-star.custodian.json').PolicyVersion.Document));
    expect(expectStatus(iamCustomerPolicyNoAdminStar.evaluate(recorded, c, policyRef(recorded)), 'FAIL').evidence[0].statements).toEqual([{ index: 0, sid: 'Everything' }]);
  });
  it('a service wildcard (iam:*, ec2:*, s3:*) is not admin; Allow iam:* + Deny iam:* is not admin', () => {
    expectStatus(iamCustomerPolicyNoAdminStar.evaluate(policy('privesc-sre-admin-policy'), c, policyRef(policy('privesc-sre-admin-policy'))), 'PASS');
    expectStatus(iamCustomerPolicyNoAdminStar.evaluate(policy('fp1-allow-and-deny'), c, policyRef(policy('fp1-allow-and-deny'))), 'PASS');
  });
  it('NotAction sparing only some IAM actions is admin (iam-semantics §6); scope excludes AWS-managed and boundary-only policies', () => {
    expectStatus(iamCustomerPolicyNoAdminStar.evaluate(policy('fn4-exploitableNotAction'), c, policyRef(policy('fn4-exploitableNotAction'))), 'PASS');
    const notIam = withDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: 's3:DeleteBucket', Resource: '*' }] });
    expectStatus(iamCustomerPolicyNoAdminStar.evaluate(notIam, c, policyRef(notIam)), 'FAIL');
    expectStatus(iamCustomerPolicyNoAdminStar.evaluate({ ...policy('fp2-allow-all'), awsManaged: true }, c, policyRef(policy('fp2-allow-all'))), 'NOT_APPLICABLE');
    const boundary = { ...policy('fp2-allow-all'), attachmentCount: 0, permissionsBoundaryUsageCount: 3 };
    expectStatus(iamCustomerPolicyNoAdminStar.evaluate(boundary, c, policyRef(boundary)), 'NOT_APPLICABLE');
  });
});

describe('iam-no-admin-policy-attached (CIS 1.16 / 1.15)', () => {
  it('an attached "*:*" policy fails and lists the identities it is attached to', () => {
    const p = policy('privesc-high-priv-service-policy');
    const check = expectStatus(iamNoAdminPolicyAttached.evaluate(p, c, policyRef(p)), 'FAIL');
    expect(check.evidence[0].value).toMatchObject({ attachmentCount: 1, attachedTo: p.attachedTo });
  });
  it('AdministratorAccess from a snapshot without its document (AWS Config) is judged by name; unattached → N/A; an unknown AWS policy without its document → ERROR', () => {
    const admin: IamManagedPolicySnapshot = { ...policy('fp2-allow-all'), name: 'AdministratorAccess', arn: 'arn:aws:iam::aws:policy/AdministratorAccess', awsManaged: true, document: null };
    expect(expectStatus(iamNoAdminPolicyAttached.evaluate(admin, c, policyRef(admin)), 'FAIL').evidence[0].field).toBe('document');
    expectStatus(iamNoAdminPolicyAttached.evaluate({ ...admin, attachmentCount: 0 }, c, policyRef(admin)), 'NOT_APPLICABLE');
    expectStatus(iamNoAdminPolicyAttached.evaluate({ ...admin, name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }, c, policyRef(admin)), 'PASS');
    expectUnobserved(iamNoAdminPolicyAttached, { ...admin, name: 'AWS_ConfigRole', arn: 'arn:aws:iam::aws:policy/service-role/AWS_ConfigRole' }, c, policyRef(admin), /AWS_ConfigRole: its document is not in this snapshot/);
    expectStatus(iamNoAdminPolicyAttached.evaluate(policy('privesc-sre-admin-policy'), c, policyRef(policy('privesc-sre-admin-policy'))), 'PASS');
  });
});

describe('iam-policy-no-privilege-escalation', () => {
  it.each(['privesc1-CreateNewPolicyVersion', 'privesc4-CreateAccessKey', 'privesc15-PassExistingRoleToNewLambdaThenInvoke', 'privesc-sre-admin-policy', 'fn4-exploitableNotAction'])(
    '%s escalates (methods in the evidence)',
    (name) => {
      const check = expectStatus(iamPolicyNoPrivilegeEscalation.evaluate(policy(name), c, policyRef(policy(name))), 'FAIL');
      expect((check.evidence[0].value as { methods: string[] }).methods.length).toBeGreaterThan(0);
    },
  );
  it('a PassRole or RunInstances policy alone does not escalate; Allow + Deny of IAM does not; ssm:SendCommand is not in the default catalogue', () => {
    for (const name of ['fn1-passrole-star', 'fn1-privesc3-partial', 'fp1-allow-and-deny', 'privesc-ssmSendCommand-policy']) {
      expectStatus(iamPolicyNoPrivilegeEscalation.evaluate(policy(name), c, policyRef(policy(name))), 'PASS');
    }
  });
});

describe('IAM.21, KMS.1 and role assumption on customer policies', () => {
  it('service wildcard: iam:*/ec2:*/s3:* fails; ec2:Describe* passes; NotAction with a service wildcard fails', () => {
    const check = expectStatus(iamCustomerPolicyNoServiceWildcard.evaluate(policy('privesc-sre-admin-policy'), c, policyRef(policy('privesc-sre-admin-policy'))), 'FAIL');
    expect(check.evidence[0].value).toEqual({ actions: ['iam:*', 'ec2:*', 's3:*'] });
    const describe = withDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }] });
    expectStatus(iamCustomerPolicyNoServiceWildcard.evaluate(describe, c, policyRef(describe)), 'PASS');
    const notAction = withDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] });
    expectStatus(iamCustomerPolicyNoServiceWildcard.evaluate(notAction, c, policyRef(notAction)), 'FAIL');
    const deny = withDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] });
    expectStatus(iamCustomerPolicyNoServiceWildcard.evaluate(deny, c, policyRef(deny)), 'PASS');
  });
  it('KMS.1: kms:Decrypt on "*" or on every key fails (conditions ignored); on one key passes', () => {
    const all = withDocument({ Version: '2012-10-17', Statement: [{ Sid: 'Dec', Effect: 'Allow', Action: ['kms:Decrypt'], Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }] });
    expect(expectStatus(iamCustomerPolicyNoKmsDecryptAll.evaluate(all, c, policyRef(all)), 'FAIL').evidence[0].statements).toEqual([{ index: 0, sid: 'Dec' }]);
    const allKeys = withDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:ReEncrypt*', Resource: 'arn:aws:kms:*:*:key/*' }] });
    expectStatus(iamCustomerPolicyNoKmsDecryptAll.evaluate(allKeys, c, policyRef(allKeys)), 'FAIL');
    const oneKey = withDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' }] });
    expectStatus(iamCustomerPolicyNoKmsDecryptAll.evaluate(oneKey, c, policyRef(oneKey)), 'PASS');
    expectStatus(iamCustomerPolicyNoKmsDecryptAll.evaluate(policy('fp2-allow-all'), c, policyRef(policy('fp2-allow-all'))), 'FAIL');
  });
  it('sts:AssumeRole on a wildcard resource fails (privesc14 policy); on one role ARN passes', () => {
    expectStatus(iamPolicyNoPermissiveRoleAssumption.evaluate(policy('privesc14-UpdatingAssumeRolePolicy'), c, policyRef(policy('privesc14-UpdatingAssumeRolePolicy'))), 'FAIL');
    const accountRoles = withDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::111122223333:role/deploy-*' }] });
    expectStatus(iamPolicyNoPermissiveRoleAssumption.evaluate(accountRoles, c, policyRef(accountRoles)), 'FAIL');
    const oneRole = withDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::111122223333:role/deploy' }] });
    expectStatus(iamPolicyNoPermissiveRoleAssumption.evaluate(oneRole, c, policyRef(oneRole)), 'PASS');
    expectStatus(iamPolicyNoPermissiveRoleAssumption.evaluate(policy('fn1-passrole-star'), c, policyRef(policy('fn1-passrole-star'))), 'PASS');
  });
});

describe('policy-or-inline rules (customer policies and principals\' inline policies)', () => {
  const role = (inline: unknown): IamRoleSnapshot => ({
    ...configOf<IamRoleSnapshot>(observations.find((o) => o.ref.kind === 'AWS::IAM::Role')!),
    name: 'worker',
    inlinePolicies: [{ name: 'inline', document: canonical(inline) }],
  });
  const roleRef = ref('AWS::IAM::Role', 'worker', ACCOUNT);
  it('cloudtrail:* fails; the Dome9 CreatePolicyVersion document (a few cloudtrail actions) passes', () => {
    const full = withDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'cloudtrail:*', Resource: '*' }] });
    expectStatus(iamPolicyNoCloudtrailFullAccess.evaluate(full, c, policyRef(full)), 'FAIL');
    const dome9 = withDocument(loadFixture('eventbridge/iam-CreatePolicyVersion.rust-fixture.json').detail.requestParameters.policyDocument);
    expectStatus(iamPolicyNoCloudtrailFullAccess.evaluate(dome9, c, policyRef(dome9)), 'PASS');
    expectStatus(iamPolicyNoCloudtrailFullAccess.evaluate(role({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }), c, roleRef), 'FAIL');
    expectStatus(iamPolicyNoCloudtrailFullAccess.evaluate(role({ Statement: [{ Effect: 'Allow', NotAction: 'cloudtrail:StopLogging', Resource: '*' }] }), c, roleRef), 'PASS');
  });
  it('kms:* (or NotAction sparing KMS) fails; single KMS actions pass; a principal without inline policy is N/A', () => {
    expectStatus(iamPolicyNoKmsFullAccess.evaluate(role({ Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] }), c, roleRef), 'FAIL');
    expectStatus(iamPolicyNoKmsFullAccess.evaluate(role({ Statement: [{ Effect: 'Allow', NotAction: 's3:*', Resource: '*' }] }), c, roleRef), 'FAIL');
    expectStatus(iamPolicyNoKmsFullAccess.evaluate(role({ Statement: [{ Effect: 'Allow', Action: ['kms:Decrypt', 'kms:Encrypt'], Resource: '*' }] }), c, roleRef), 'PASS');
    expectStatus(iamPolicyNoKmsFullAccess.evaluate({ ...role({}), inlinePolicies: [] }, c, roleRef), 'NOT_APPLICABLE');
  });
  it('aws-marketplace:Subscribe on "*" fails; on one product passes', () => {
    const subscribe = withDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'aws-marketplace:Subscribe', Resource: '*' }] });
    expectStatus(iamPolicyNoMarketplaceSubscribeWildcard.evaluate(subscribe, c, policyRef(subscribe)), 'FAIL');
    const scoped = withDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'aws-marketplace:Subscribe', Resource: 'arn:aws:aws-marketplace::aws:prod-abc' }] });
    expectStatus(iamPolicyNoMarketplaceSubscribeWildcard.evaluate(scoped, c, policyRef(scoped)), 'PASS');
  });
  it('iam:PassRole on "*" fails (fn1-passrole-star); with iam:PassedToService passes; on one role passes', () => {
    expect(expectStatus(iamPassroleScoped.evaluate(policy('fn1-passrole-star'), c, policyRef(policy('fn1-passrole-star'))), 'FAIL').evidence[0].statements).toEqual([{ index: 0 }]);
    const toService = withDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } }] });
    expectStatus(iamPassroleScoped.evaluate(toService, c, policyRef(toService)), 'PASS');
    expectStatus(iamPassroleScoped.evaluate(role({ Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::200611803367:role/lambda-exec' }] }), c, roleRef), 'PASS');
    expectStatus(iamPassroleScoped.evaluate(role({ Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }] }), c, roleRef), 'FAIL');
  });
  it('carry all the kinds they apply to', () => {
    for (const rule of [iamPolicyNoCloudtrailFullAccess, iamPolicyNoKmsFullAccess, iamPolicyNoMarketplaceSubscribeWildcard, iamPassroleScoped]) {
      expect(rule.kinds).toEqual(['AWS::IAM::Policy', 'AWS::IAM::User', 'AWS::IAM::Role', 'AWS::IAM::Group']);
    }
  });
});
