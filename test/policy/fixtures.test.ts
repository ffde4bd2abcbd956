/**
 * The engine on real recorded documents: IAM authorization details (cloudsplaining's privesc test account and others),
 * bucket policies, Lambda policies and role trust policies (URL-encoded as IAM returns them).
 */
import { analyzePolicy, decodePolicyDocument, type PolicyKind } from '../../shared/policy';
import { loadApiResponse } from '../helpers/fixtures';

interface Gaad {
  Policies: { PolicyName: string; Arn: string; PolicyVersionList: { Document: unknown; IsDefaultVersion: boolean }[] }[];
  RoleDetailList: { RoleName: string; Arn: string; AssumeRolePolicyDocument: unknown; RolePolicyList?: { PolicyName: string; PolicyDocument: unknown }[] }[];
  UserDetailList: { UserName: string; UserPolicyList?: { PolicyName: string; PolicyDocument: unknown }[] }[];
  GroupDetailList: { GroupName: string; GroupPolicyList?: { PolicyName: string; PolicyDocument: unknown }[] }[];
}

const GAAD_FILES = [
  'iam.GetAccountAuthorizationDetails.cloudsplaining-example.json',
  'iam.GetAccountAuthorizationDetails.cloudsplaining-test.json',
  'iam.GetAccountAuthorizationDetails.cloudmapper-demo.json',
];

const accountOf = (arn: string): string => arn.split(':')[4];
const defaultDocument = (policy: Gaad['Policies'][number]): unknown => policy.PolicyVersionList.find((v) => v.IsDefaultVersion)?.Document;

describe('GetAccountAuthorizationDetails documents', () => {
  it.each(GAAD_FILES)('every policy and trust document of %s parses and gets six verdicts', (file) => {
    const gaad = loadApiResponse<Gaad>(file);
    const docs: { kind: PolicyKind; document: unknown; account: string }[] = [];
    const account = accountOf(gaad.RoleDetailList[0]?.Arn ?? 'arn:aws:iam::111122223333:role/x');
    for (const p of gaad.Policies) for (const v of p.PolicyVersionList) docs.push({ kind: 'identity-policy', document: v.Document, account });
    for (const r of gaad.RoleDetailList) {
      docs.push({ kind: 'trust-policy', document: r.AssumeRolePolicyDocument, account: accountOf(r.Arn) });
      for (const p of r.RolePolicyList ?? []) docs.push({ kind: 'identity-policy', document: p.PolicyDocument, account });
    }
    for (const u of gaad.UserDetailList) for (const p of u.UserPolicyList ?? []) docs.push({ kind: 'identity-policy', document: p.PolicyDocument, account });
    for (const g of gaad.GroupDetailList) for (const p of g.GroupPolicyList ?? []) docs.push({ kind: 'identity-policy', document: p.PolicyDocument, account });
    expect(docs.length).toBeGreaterThan(5);
    for (const d of docs) {
      const v = analyzePolicy(d.kind, d.document, { accountId: d.account });
      expect(typeof v.admin.value).toBe('boolean');
    }
  });

  const example = loadApiResponse<Gaad>('iam.GetAccountAuthorizationDetails.cloudsplaining-example.json');
  const byName = new Map(example.Policies.map((p) => [p.PolicyName, defaultDocument(p)]));
  const ctx = { accountId: '200611803367' };
  const verdicts = (name: string) => {
    const document = byName.get(name);
    expect(document).toBeDefined();
    return analyzePolicy('identity-policy', document, ctx);
  };

  // cloudsplaining names these test policies after Rhino's methods: privesc<N>-<Method>.
  const numbered = example.Policies.map((p) => p.PolicyName).filter((n) => /^privesc\d+-/.test(n));
  it('finds an escalation in each numbered Rhino policy of cloudsplaining\'s test account', () => {
    expect(numbered.length).toBeGreaterThanOrEqual(20);
    for (const name of numbered) expect({ name, privesc: verdicts(name).privesc.value }).toEqual({ name, privesc: true });
  });

  it('names the Rhino method of single-action policies', () => {
    expect(verdicts('privesc4-CreateAccessKey').privesc.methods.map((m) => m.name)).toEqual(['CreateAccessKey']);
    expect(verdicts('privesc1-CreateNewPolicyVersion').privesc.methods).toEqual([{ name: 'CreateNewPolicyVersion', actions: ['iam:CreatePolicyVersion'] }]);
    expect(verdicts('privesc21-PassExistingRoleToNewDataPipeline').privesc.methods.map((m) => m.name)).toContain('PassExistingRoleToNewDataPipeline');
  });

  it('judges cloudsplaining\'s false-positive and false-negative probes by spec §7.2', () => {
    expect(verdicts('fp1-allow-and-deny').privesc.value).toBe(false); // iam:* cancelled by Deny iam:*
    expect(verdicts('fp3-deny-iam').privesc.value).toBe(false);
    expect(verdicts('deny-all').privesc.value).toBe(false);
    expect(verdicts('fp4-nonExploitableResourceConstraint').privesc.value).toBe(false); // AWS managed policies are immutable
    expect(verdicts('fn1-privesc3-partial').privesc.value).toBe(false); // RunInstances without PassRole
    expect(verdicts('fn1-passrole-star').privesc.value).toBe(false);
    expect(verdicts('fn2-exploitableResourceConstraint').privesc.value).toBe(true);
    expect(verdicts('fn3-exploitableConditionConstraint').privesc.value).toBe(true); // conditions are ignored (§11.10)
    const notAction = verdicts('fn4-exploitableNotAction');
    expect(notAction.privesc.value).toBe(true); // iam:PutUserPolicy is not excluded
    expect(notAction.admin.value).toBe(false); // the NotAction removes IAM actions (§6)
  });

  it('tells AWS managed policies apart', () => {
    expect(verdicts('AdministratorAccess').admin.value).toBe(true);
    expect(verdicts('fp2-allow-all').admin.value).toBe(true);
    const powerUser = verdicts('PowerUserAccess');
    expect(powerUser.admin.value).toBe(false);
    expect(powerUser.privesc.value).toBe(true);
    expect(verdicts('IAMFullAccess').privesc.value).toBe(true);
    for (const name of ['ReadOnlyAccess', 'SecurityAudit', 'ViewOnlyAccess', 'IAMReadOnlyAccess', 'AmazonS3ReadOnlyAccess']) {
      const v = verdicts(name);
      expect({ name, admin: v.admin.value, privesc: v.privesc.value }).toEqual({ name, admin: false, privesc: false });
    }
    expect(verdicts('privesc-sre-admin-policy').admin.value).toBe(false);
    expect(verdicts('privesc-sre-admin-policy').privesc.value).toBe(true);
  });

  it('judges the trust policies of the recorded roles', () => {
    const demo = loadApiResponse<Gaad>('iam.GetAccountAuthorizationDetails.cloudmapper-demo.json');
    const role = (gaad: Gaad, name: string) => {
      const r = gaad.RoleDetailList.find((x) => x.RoleName === name);
      expect(r).toBeDefined();
      return analyzePolicy('trust-policy', r?.AssumeRolePolicyDocument, { accountId: accountOf(r?.Arn ?? '') });
    };
    expect(role(demo, 'bad_role').public.value).toBe(true);
    expect(role(demo, 'exfiller').public.value).toBe(false);
    const orgAccess = role(example, 'OrganizationAccountAccessRole');
    expect(orgAccess.crossAccount.value).toBe(true);
    expect(orgAccess.crossAccount.accounts).toEqual(['072528804237']);
    const sso = example.RoleDetailList.find((r) => r.RoleName.startsWith('AWSReservedSSO_'));
    const ssoVerdicts = analyzePolicy('trust-policy', sso?.AssumeRolePolicyDocument, ctx);
    expect([ssoVerdicts.public.value, ssoVerdicts.crossAccount.value]).toEqual([false, false]);
    expect(role(example, 'privesc-AssumeRole-ending-role').crossAccount.value).toBe(false);
  });
});

describe('recorded bucket, Lambda and trust policies', () => {
  const policyText = (file: string): string => loadApiResponse<{ Policy: string }>(file).Policy;

  it('s3 cloudmapper-demo: public read through {"AWS":"*"}', () => {
    const v = analyzePolicy('bucket-policy', policyText('s3.GetBucketPolicy.cloudmapper-demo.json'), { accountId: '653711331788' });
    expect(v.public.value).toBe(true);
    expect(v.public.statements).toEqual([{ index: 0, sid: 'PublicReadGetObject' }]);
    expect(v.tlsEnforced.value).toBe(false);
  });

  it('s3 cloudtrail-cross-account: two foreign accounts, not public (Version 2008)', () => {
    const v = analyzePolicy('bucket-policy', policyText('s3.GetBucketPolicy.cloudtrail-cross-account.custodian.json'), { accountId: '619193117841' });
    expect(v.public.value).toBe(false);
    expect(v.crossAccount.value).toBe(true);
    expect([...v.crossAccount.accounts].sort()).toEqual(['086441151436', '113285607260']);
    const trusted = analyzePolicy('bucket-policy', policyText('s3.GetBucketPolicy.cloudtrail-cross-account.custodian.json'), {
      accountId: '619193117841',
      trustedAccountIds: ['086441151436', '113285607260'],
    });
    expect(trusted.crossAccount.value).toBe(false);
  });

  it('s3 deny-only policies grant nothing and do not enforce TLS', () => {
    for (const file of ['s3.GetBucketPolicy.deny-unencrypted-principal-star.custodian.json', 's3.GetBucketPolicy.two-statements.custodian.json']) {
      const v = analyzePolicy('bucket-policy', policyText(file), { accountId: '644160558196' });
      expect([v.public.value, v.crossAccount.value, v.tlsEnforced.value]).toEqual([false, false, false]);
    }
  });

  it('s3: adding the TLS Deny to a recorded policy enforces TLS; a mutated copy without objects does not', () => {
    const base = decodePolicyDocument(policyText('s3.GetBucketPolicy.deny-unencrypted-principal-star.custodian.json')) as { Statement: unknown[] };
    const tls = {
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::custodian-test-data-23', 'arn:aws:s3:::custodian-test-data-23/*'],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    };
    const enforced = structuredClone(base);
    enforced.Statement.push(tls);
    expect(analyzePolicy('bucket-policy', enforced, { accountId: '644160558196' }).tlsEnforced.value).toBe(true);
    const partial = structuredClone(base);
    partial.Statement.push({ ...tls, Resource: 'arn:aws:s3:::custodian-test-data-23' });
    expect(analyzePolicy('bucket-policy', partial, { accountId: '644160558196' }).tlsEnforced.value).toBe(false);
  });

  it('lambda: public and cross-account statements are both reported', () => {
    const v = analyzePolicy('lambda-resource-policy', policyText('lambda.GetPolicy.public-and-cross-account.custodian.json'), { accountId: '644160558196' });
    expect(v.public.value).toBe(true);
    expect(v.public.statements).toEqual([{ index: 0, sid: 'PublicInvoke' }]);
    expect(v.crossAccount.value).toBe(true);
    expect(v.crossAccount.accounts).toContain('185106417252');
    expect(analyzePolicy('lambda-resource-policy', policyText('lambda.GetPolicy.principal-star.custodian.json'), { accountId: '644160558196' }).public.value).toBe(true);
  });

  it('lambda: service grants with a fixed SourceArn/SourceAccount are not confused deputies', () => {
    for (const [file, account] of [
      ['lambda.GetPolicy.apigateway-sourcearn.custodian.json', '644160558196'],
      ['lambda.GetPolicy.cloudmapper-demo.json', '653711331788'],
    ] as const) {
      const v = analyzePolicy('lambda-resource-policy', policyText(file), { accountId: account });
      expect([v.public.value, v.crossAccount.value, v.confusedDeputy.value]).toEqual([false, false, false]);
    }
    // Mutated copy: without its conditions the iot grant is a confused deputy.
    const open = decodePolicyDocument(policyText('lambda.GetPolicy.apigateway-sourcearn.custodian.json')) as { Statement: Record<string, unknown>[] };
    delete open.Statement[0].Condition;
    expect(analyzePolicy('lambda-resource-policy', open, { accountId: '644160558196' }).confusedDeputy.value).toBe(true);
  });

  it('iam GetRole: URL-encoded trust policy with own-account principals and services', () => {
    const role = loadApiResponse<{ Role: { AssumeRolePolicyDocument: string } }>('iam.GetRole.trust-root-and-user-and-services.custodian.json').Role;
    expect(role.AssumeRolePolicyDocument.startsWith('%7B')).toBe(true);
    const v = analyzePolicy('trust-policy', role.AssumeRolePolicyDocument, { accountId: '644160558196' });
    expect(v.public.value).toBe(false);
    expect(v.crossAccount.value).toBe(false);
    // states / osis-pipelines / edgelambda without aws:SourceArn or aws:SourceAccount (ec2 and lambda are exempt by default).
    expect(v.confusedDeputy.value).toBe(true);
    expect(analyzePolicy('trust-policy', role.AssumeRolePolicyDocument, { accountId: '999988887777' }).crossAccount.accounts).toEqual(['644160558196']);
  });

  it('iam GetRole: deny-only and compute-service trust policies', () => {
    const deny = loadApiResponse<{ Role: { AssumeRolePolicyDocument: string } }>('iam.GetRole.deny-trust.custodian.json').Role;
    const denyVerdicts = analyzePolicy('trust-policy', deny.AssumeRolePolicyDocument, { accountId: '644160558196' });
    expect([denyVerdicts.public.value, denyVerdicts.confusedDeputy.value]).toEqual([false, false]);
    const lambdaRole = loadApiResponse<{ Role: { AssumeRolePolicyDocument: string } }>('iam.GetRole.permissions-boundary.custodian.json').Role;
    expect(analyzePolicy('trust-policy', lambdaRole.AssumeRolePolicyDocument, { accountId: '644160558196' }).confusedDeputy.value).toBe(false);
    expect(
      analyzePolicy('trust-policy', lambdaRole.AssumeRolePolicyDocument, { accountId: '644160558196', confusedDeputyExemptServices: [] }).confusedDeputy.value,
    ).toBe(true);
  });

  it('iam GetPolicyVersion: URL-encoded documents', () => {
    const doc = (file: string) => loadApiResponse<{ PolicyVersion: { Document: string } }>(file).PolicyVersion.Document;
    expect(analyzePolicy('identity-policy', doc('iam.GetPolicyVersion.allow-star-star.custodian.json'), { accountId: '644160558196' }).admin.value).toBe(true);
    const codebuild = analyzePolicy('identity-policy', doc('iam.GetPolicyVersion.codebuild.custodian.json'), { accountId: '644160558196' });
    expect([codebuild.admin.value, codebuild.privesc.value]).toEqual([false, false]);
  });
});
