import { roleSnapshotFromApi } from '../../shared/resources/iam/live/role';
import type { IamRoleSnapshot } from '../../shared/resources/iam/types';
import { iamRoleNoAdministratoraccess } from '../../shared/rules/iam/iam-role-no-administratoraccess';
import { iamRoleNoCrossAccountReadonly } from '../../shared/rules/iam/iam-role-no-cross-account-readonly';
import { iamRoleTagged } from '../../shared/rules/iam/iam-role-tagged';
import { iamRoleTrustConfusedDeputy } from '../../shared/rules/iam/iam-role-trust-confused-deputy';
import { iamRoleTrustExternalId } from '../../shared/rules/iam/iam-role-trust-external-id';
import { iamRoleTrustNotPublic } from '../../shared/rules/iam/iam-role-trust-not-public';
import { iamRoleTrustOidcSub } from '../../shared/rules/iam/iam-role-trust-oidc-sub';
import { loadCloudTrailRecords } from '../helpers/fixtures';
import { ACCOUNT, api, baseRole, ctx, expectStatus, ref } from './helpers';

const roleRef = ref('AWS::IAM::Role', 'custodian-testing');
const c = ctx();
/** Trust policies as CloudTrail recorded them (UpdateAssumeRolePolicy / CreateRole requestParameters). */
const trustFrom = (file: string, field = 'policyDocument') => {
  const record = loadCloudTrailRecords(`cloudtrail/${file}`).find((r) => r.requestParameters?.[field]);
  return JSON.parse(record.requestParameters[field]);
};
const PUBLIC_WITH_EXTERNAL_ID = trustFrom('iam-UpdateAssumeRolePolicy-principal-star.panther.json');
const EC2_ONLY = trustFrom('iam-UpdateAssumeRolePolicy-restricted.panther.json');
const EC2_AND_FOREIGN_ROOT = trustFrom('iam-UpdateAssumeRolePolicy.stratus.json');
const FOREIGN_ROOT = trustFrom('iam-CreateRole-AttachRolePolicy.stratus.json', 'assumeRolePolicyDocument');
const attach = (role: IamRoleSnapshot, name: string): IamRoleSnapshot => ({
  ...role,
  attachedPolicies: [...role.attachedPolicies, { name, arn: `arn:aws:iam::aws:policy/${name}`, awsManaged: true, document: null }],
});
const github = (condition: Record<string, unknown>) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: condition,
    },
  ],
});

describe('iam-role-trust-not-public', () => {
  it('Principal "*" (the Panther backdoor sample) fails even with sts:ExternalId; a service or a named account passes', () => {
    const check = expectStatus(iamRoleTrustNotPublic.evaluate(baseRole(PUBLIC_WITH_EXTERNAL_ID), c, roleRef), 'FAIL');
    expect(check.evidence[0]).toMatchObject({ field: 'trustPolicy', statements: [{ index: 0 }] });
    expectStatus(iamRoleTrustNotPublic.evaluate(baseRole(EC2_ONLY), c, roleRef), 'PASS');
    expectStatus(iamRoleTrustNotPublic.evaluate(baseRole(FOREIGN_ROOT), c, roleRef), 'PASS');
  });
  it('Principal "*" pinned to the organization passes; GitHub OIDC without sub fails', () => {
    const org = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }] };
    expectStatus(iamRoleTrustNotPublic.evaluate(baseRole(org), c, roleRef), 'PASS');
    expectStatus(iamRoleTrustNotPublic.evaluate(baseRole(github({ StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } })), c, roleRef), 'FAIL');
  });
});

describe('iam-role-trust-external-id', () => {
  it('another account\'s root without ExternalId fails (stratus backdoor), naming it', () => {
    const check = expectStatus(iamRoleTrustExternalId.evaluate(baseRole(EC2_AND_FOREIGN_ROOT), c, roleRef), 'FAIL');
    expect(check.evidence[0]).toMatchObject({ statements: [{ index: 1 }], value: { principals: ['arn:aws:iam::193672423079:root'] } });
  });
  it('passes with sts:ExternalId, with aws:PrincipalOrgID, for a trusted account, or without foreign principals', () => {
    const guarded = structuredClone(FOREIGN_ROOT);
    guarded.Statement[0].Condition = { StringEquals: { 'sts:ExternalId': 'vendor-7781' } };
    expectStatus(iamRoleTrustExternalId.evaluate(baseRole(guarded), c, roleRef), 'PASS');
    expectStatus(iamRoleTrustExternalId.evaluate(baseRole(PUBLIC_WITH_EXTERNAL_ID), c, roleRef), 'PASS');
    const org = structuredClone(FOREIGN_ROOT);
    org.Statement[0].Condition = { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } };
    expectStatus(iamRoleTrustExternalId.evaluate(baseRole(org), c, roleRef), 'PASS');
    expectStatus(iamRoleTrustExternalId.evaluate(baseRole(FOREIGN_ROOT), ctx({ trustedAccountIds: ['193672423079'] }), roleRef), 'PASS');
    expectStatus(iamRoleTrustExternalId.evaluate(baseRole(EC2_ONLY), c, roleRef), 'PASS');
    const negated = structuredClone(FOREIGN_ROOT);
    negated.Statement[0].Condition = { StringNotEquals: { 'sts:ExternalId': 'x' } };
    expectStatus(iamRoleTrustExternalId.evaluate(baseRole(negated), c, roleRef), 'FAIL');
  });
});

describe('iam-role-trust-oidc-sub', () => {
  it('GitHub OIDC with only aud fails; with a repository-scoped sub passes; non-OIDC trust → N/A', () => {
    const audOnly = github({ StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } });
    expect(expectStatus(iamRoleTrustOidcSub.evaluate(baseRole(audOnly), c, roleRef), 'FAIL').evidence[0].value).toMatchObject({
      providers: [`arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`],
    });
    const scoped = github({
      StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
      StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:example-org/deploy:ref:refs/heads/main' },
    });
    expectStatus(iamRoleTrustOidcSub.evaluate(baseRole(scoped), c, roleRef), 'PASS');
    expectStatus(iamRoleTrustOidcSub.evaluate(baseRole(EC2_ONLY), c, roleRef), 'NOT_APPLICABLE');
    const saml = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${ACCOUNT}:saml-provider/Okta` }, Action: 'sts:AssumeRoleWithSAML' }] };
    expectStatus(iamRoleTrustOidcSub.evaluate(baseRole(saml), c, roleRef), 'NOT_APPLICABLE');
  });
});

describe('iam-role-trust-confused-deputy', () => {
  const recorded = roleSnapshotFromApi(api('iam.GetRole.trust-root-and-user-and-services.custodian.json').Role, [], [], null);
  it('the recorded CloudCustodianRole trusts states / osis-pipelines / edgelambda without a source condition: FAIL', () => {
    const check = expectStatus(iamRoleTrustConfusedDeputy.evaluate(recorded, c, roleRef), 'FAIL');
    expect(check.evidence[0]).toMatchObject({ field: 'trustPolicy', statements: [{ index: 0 }] });
  });
  it('a Lambda-only trust passes (compute services are exempt by default) unless the exemption list says otherwise; config.amazonaws.com fails', () => {
    expectStatus(iamRoleTrustConfusedDeputy.evaluate(baseRole(), c, roleRef), 'PASS');
    expectStatus(iamRoleTrustConfusedDeputy.evaluate(baseRole(), ctx({ confusedDeputyExemptServices: [] }), roleRef), 'FAIL');
    const config = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'config.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    expectStatus(iamRoleTrustConfusedDeputy.evaluate(baseRole(config), c, roleRef), 'FAIL');
    const guarded = structuredClone(config) as any;
    guarded.Statement[0].Condition = { StringEquals: { 'aws:SourceAccount': ACCOUNT } };
    expectStatus(iamRoleTrustConfusedDeputy.evaluate(baseRole(guarded), c, roleRef), 'PASS');
  });
  it('roles trusting no service, and service-linked roles, are N/A', () => {
    expectStatus(iamRoleTrustConfusedDeputy.evaluate(baseRole(FOREIGN_ROOT), c, roleRef), 'NOT_APPLICABLE');
    expectStatus(iamRoleTrustConfusedDeputy.evaluate({ ...baseRole(), serviceLinked: true }, c, roleRef), 'NOT_APPLICABLE');
  });
});

describe('AdministratorAccess / ReadOnlyAccess on roles, tags', () => {
  it('AdministratorAccess on a role assumable by an account fails (the stratus backdoor role); on a service role → N/A', () => {
    const backdoor = attach(baseRole(FOREIGN_ROOT), 'AdministratorAccess');
    expectStatus(iamRoleNoAdministratoraccess.evaluate(backdoor, c, roleRef), 'FAIL');
    expectStatus(iamRoleNoAdministratoraccess.evaluate(attach(baseRole(), 'AdministratorAccess'), c, roleRef), 'NOT_APPLICABLE');
    expectStatus(iamRoleNoAdministratoraccess.evaluate(baseRole(FOREIGN_ROOT), c, roleRef), 'PASS');
  });
  it('ReadOnlyAccess to a foreign account fails; to a trusted account passes; without ReadOnlyAccess → N/A', () => {
    const readOnly = attach(baseRole(FOREIGN_ROOT), 'ReadOnlyAccess');
    expect(expectStatus(iamRoleNoCrossAccountReadonly.evaluate(readOnly, c, roleRef), 'FAIL').message).toMatch(/193672423079/);
    expectStatus(iamRoleNoCrossAccountReadonly.evaluate(readOnly, ctx({ trustedAccountIds: ['193672423079'] }), roleRef), 'PASS');
    expectStatus(iamRoleNoCrossAccountReadonly.evaluate(baseRole(FOREIGN_ROOT), c, roleRef), 'NOT_APPLICABLE');
  });
  it('tags: the recorded tagged role passes; the untagged one fails; service-linked → N/A', () => {
    const tagged = roleSnapshotFromApi(api('iam.GetRole.deny-trust.custodian.json').Role, [], [], null);
    expectStatus(iamRoleTagged.evaluate(tagged, c, roleRef), 'PASS');
    expectStatus(iamRoleTagged.evaluate(baseRole(), c, roleRef), 'FAIL');
    expectStatus(iamRoleTagged.evaluate({ ...baseRole(), serviceLinked: true }, c, roleRef), 'NOT_APPLICABLE');
  });
});
