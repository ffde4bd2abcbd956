import { ConfigError } from '../../shared/core';
import { fromAuthorizationDetails } from '../../shared/resources/iam/authorization-details';
import type { IamGroupSnapshot, IamManagedPolicySnapshot, IamRoleSnapshot, IamUserSnapshot } from '../../shared/resources/iam/types';
import { loadApiResponse, loadFixture } from '../helpers/fixtures';
import { canonical, configOf, urlEncoded } from './helpers';

const OBSERVED = '2026-11-26T00:00:00.000Z';
const dump = (name: string) => loadApiResponse<Record<string, any[]>>(`iam.GetAccountAuthorizationDetails.${name}.json`);
const byId = (observations: ReturnType<typeof fromAuthorizationDetails>, kind: string, id: string) => {
  const found = observations.find((o) => o.ref.kind === kind && o.ref.id === id);
  if (!found) throw new Error(`${kind} ${id} not found`);
  return found;
};

describe('fromAuthorizationDetails', () => {
  it('yields every user, group, role, customer policy and attached AWS-managed policy of the cloudsplaining example', () => {
    const raw = dump('cloudsplaining-example');
    const observations = fromAuthorizationDetails(raw, { observedAt: OBSERVED });
    const count = (kind: string) => observations.filter((o) => o.ref.kind === kind).length;
    expect(count('AWS::IAM::User')).toBe(raw.UserDetailList.length);
    expect(count('AWS::IAM::Group')).toBe(raw.GroupDetailList.length);
    expect(count('AWS::IAM::Role')).toBe(raw.RoleDetailList.length);
    const expectedPolicies = raw.Policies.filter((p) => !p.Arn.startsWith('arn:aws:iam::aws:') || p.AttachmentCount > 0).length;
    expect(count('AWS::IAM::Policy')).toBe(expectedPolicies);
    expect(observations.every((o) => o.state === 'present' && o.observedAt === OBSERVED && o.ref.accountId === '200611803367' && o.ref.region === 'global')).toBe(true);
  });

  it('resolves a user\'s attached documents and its groups\' policies; credentials stay unknown', () => {
    const observations = fromAuthorizationDetails(dump('cloudsplaining-example'), { observedAt: OBSERVED });
    const user = configOf<IamUserSnapshot>(byId(observations, 'AWS::IAM::User', 'fn1-privesc3-partial-user'));
    expect(user.attachedPolicies.map((p) => [p.name, JSON.parse(p.document!).Statement[0].Action])).toEqual([
      ['fn1-passrole-star', ['iam:PassRole']],
      ['fn1-privesc3-partial', ['ec2:DescribeInstances', 'ec2:RunInstances']],
    ]);
    expect(user.credentials).toBeNull();
    const sre = configOf<IamUserSnapshot>(byId(observations, 'AWS::IAM::User', 'privesc-sre-user'));
    expect(sre.groups.map((g) => [g.name, g.recorded, g.attachedPolicies.map((p) => p.name)])).toEqual([['privesc-sre-group', true, ['privesc-sre-admin-policy']]]);
    const group = configOf<IamGroupSnapshot>(byId(observations, 'AWS::IAM::Group', 'privesc-sre-group'));
    expect(group.members).toEqual([{ name: 'privesc-sre-user', mfaDevices: null }]);
    const policy = configOf<IamManagedPolicySnapshot>(byId(observations, 'AWS::IAM::Policy', 'arn:aws:iam::200611803367:policy/privesc-sre-admin-policy'));
    expect(policy.attachedTo).toEqual({ users: [], groups: ['privesc-sre-group'], roles: ['privesc-sre-role'] });
  });

  it('accepts the raw API form (URL-encoded documents) and yields the same snapshots as the decoded dump', () => {
    const decoded = dump('cloudsplaining-test');
    const encoded = structuredClone(decoded);
    for (const role of encoded.RoleDetailList) {
      role.AssumeRolePolicyDocument = urlEncoded(role.AssumeRolePolicyDocument);
      for (const p of role.RolePolicyList) p.PolicyDocument = urlEncoded(p.PolicyDocument);
    }
    for (const policy of encoded.Policies) for (const v of policy.PolicyVersionList) v.Document = urlEncoded(v.Document);
    expect(fromAuthorizationDetails(encoded, { observedAt: OBSERVED })).toEqual(fromAuthorizationDetails(decoded, { observedAt: OBSERVED }));
    const role = configOf<IamRoleSnapshot>(byId(fromAuthorizationDetails(encoded, { observedAt: OBSERVED }), 'AWS::IAM::Role', 'MyRole'));
    expect(role.trustPolicy).toBe(canonical({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ssm.amazonaws.com' }, Action: 'sts:AssumeRole' }] }));
  });

  it('accepts several pages and the recorded {status_code, data} wrapper', () => {
    const raw = loadFixture('api-responses/iam.GetAccountAuthorizationDetails.cloudsplaining-test.json');
    const data = raw.data ?? raw;
    const pageOne = { ...data, RoleDetailList: [], Policies: [] };
    const pageTwo = { UserDetailList: [], GroupDetailList: [], RoleDetailList: data.RoleDetailList, Policies: data.Policies };
    expect(fromAuthorizationDetails([pageOne, pageTwo], { observedAt: OBSERVED })).toEqual(fromAuthorizationDetails(raw, { observedAt: OBSERVED }));
  });

  it('needs an account id when the dump has none (CloudMapper demo ARNs use "aws")', () => {
    expect(() => fromAuthorizationDetails({ UserDetailList: [{ UserName: 'x', Arn: 'arn:aws:iam::aws:user/x' }] })).toThrow(ConfigError);
    const observations = fromAuthorizationDetails(dump('cloudmapper-demo'), { accountId: '123456789012', observedAt: OBSERVED });
    expect(observations.filter((o) => o.ref.kind === 'AWS::IAM::User').map((o) => o.ref.arn)).toContain('arn:aws:iam::123456789012:user/USER_WITH_BAD_INLINE_POLICY');
  });
});
