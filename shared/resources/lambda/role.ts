/**
 * The function's execution role with its policies, for `lambda-exec-role-least-privilege` (catalogue §8.1) and the
 * Lambda@Edge exclusion of `lambda-in-vpc`. Live: IAM reads; Config: the role's AWS::IAM::Role item (global, recorded
 * in one Region) and the AWS::IAM::Policy items of its customer managed policies.
 */
import { GetPolicyCommand, GetPolicyVersionCommand, GetRoleCommand, GetRolePolicyCommand, IAMClient, ListAttachedRolePoliciesCommand, ListRolePoliciesCommand } from '@aws-sdk/client-iam';
import type { ConfigIndex } from '../config-item';
import { arr, obj, pick, str } from './normalise';
import type { ExecutionRoleSnapshot, RolePolicySnapshot } from './types';

/** IAM actions of the role read (one runReads entry reported under iam:GetRole). */
export const ROLE_READ_ACTIONS = ['iam:GetRole', 'iam:ListAttachedRolePolicies', 'iam:ListRolePolicies', 'iam:GetRolePolicy', 'iam:GetPolicy', 'iam:GetPolicyVersion'] as const;

export const roleNameOfArn = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);
export const isAwsManagedPolicyArn = (arn: string): boolean => /^arn:aws[a-z-]*:iam::aws:policy\//.test(arn);

/** Managed policies first, then inline ones; by name within each. */
const byName = (a: RolePolicySnapshot, b: RolePolicySnapshot): number => {
  const ka = `${a.arn === null ? 1 : 0}|${a.name}`;
  const kb = `${b.arn === null ? 1 : 0}|${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/** Reads the role through IAM. Throws NoSuchEntity when the role does not exist (the caller maps it to null). */
export const readExecutionRoleLive = async (iam: IAMClient, roleArn: string): Promise<ExecutionRoleSnapshot> => {
  const roleName = roleNameOfArn(roleArn);
  const role = await iam.send(new GetRoleCommand({ RoleName: roleName }));
  const attached: { PolicyArn?: string; PolicyName?: string }[] = [];
  for (let marker: string | undefined, page = 0; page < 100; page++) {
    const r = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, Marker: marker }));
    attached.push(...(r.AttachedPolicies ?? []));
    if (!r.IsTruncated || !r.Marker) break;
    marker = r.Marker;
  }
  const inlineNames: string[] = [];
  for (let marker: string | undefined, page = 0; page < 100; page++) {
    const r = await iam.send(new ListRolePoliciesCommand({ RoleName: roleName, Marker: marker }));
    inlineNames.push(...(r.PolicyNames ?? []));
    if (!r.IsTruncated || !r.Marker) break;
    marker = r.Marker;
  }
  const managed = await Promise.all(
    attached
      .filter((p): p is { PolicyArn: string; PolicyName?: string } => !!p.PolicyArn)
      .map(async (p): Promise<RolePolicySnapshot> => {
        const name = p.PolicyName ?? p.PolicyArn.slice(p.PolicyArn.lastIndexOf('/') + 1);
        if (isAwsManagedPolicyArn(p.PolicyArn)) return { name, arn: p.PolicyArn, awsManaged: true, document: null };
        const policy = await iam.send(new GetPolicyCommand({ PolicyArn: p.PolicyArn }));
        const versionId = policy.Policy?.DefaultVersionId;
        const version = versionId ? await iam.send(new GetPolicyVersionCommand({ PolicyArn: p.PolicyArn, VersionId: versionId })) : undefined;
        return { name, arn: p.PolicyArn, awsManaged: false, document: version?.PolicyVersion?.Document ?? null };
      }),
  );
  const inline = await Promise.all(
    inlineNames.map(async (name): Promise<RolePolicySnapshot> => {
      const r = await iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name }));
      return { name, arn: null, awsManaged: false, document: r.PolicyDocument ?? null };
    }),
  );
  return {
    arn: role.Role?.Arn ?? roleArn,
    name: role.Role?.RoleName ?? roleName,
    trustPolicy: role.Role?.AssumeRolePolicyDocument ?? null,
    policies: [...managed, ...inline].sort(byName),
  };
};

/** The role from Config items; undefined when the snapshot has no item for it. */
export const readExecutionRoleConfig = (index: ConfigIndex, roleArn: string): ExecutionRoleSnapshot | undefined => {
  const roleName = roleNameOfArn(roleArn);
  const item = index.find('AWS::IAM::Role', roleArn) ?? index.find('AWS::IAM::Role', roleName);
  if (!item) return undefined;
  const c = item.configuration;
  const managed = arr(pick(c, 'attachedManagedPolicies')).map((p): RolePolicySnapshot => {
    const o = obj(p);
    const arn = str(pick(o, 'policyArn')) ?? '';
    const name = str(pick(o, 'policyName')) ?? arn.slice(arn.lastIndexOf('/') + 1);
    if (isAwsManagedPolicyArn(arn)) return { name, arn, awsManaged: true, document: null };
    const policyItem = index.find('AWS::IAM::Policy', arn) ?? index.find('AWS::IAM::Policy', name);
    const versions = arr(policyItem ? pick(policyItem.configuration, 'policyVersionList') : undefined).map((v) => obj(v));
    const current = versions.find((v) => pick(v, 'isDefaultVersion') === true) ?? versions[0];
    const document = current ? pick(current, 'document') : undefined;
    return { name, arn, awsManaged: false, document: typeof document === 'string' ? document : document ? JSON.stringify(document) : null };
  });
  const inline = arr(pick(c, 'rolePolicyList')).map((p): RolePolicySnapshot => {
    const o = obj(p);
    const document = pick(o, 'policyDocument');
    return { name: str(pick(o, 'policyName')) ?? '', arn: null, awsManaged: false, document: typeof document === 'string' ? document : document ? JSON.stringify(document) : null };
  });
  const trust = pick(c, 'assumeRolePolicyDocument');
  return {
    arn: str(pick(c, 'arn')) ?? item.arn ?? roleArn,
    name: str(pick(c, 'roleName')) ?? roleName,
    trustPolicy: typeof trust === 'string' ? trust : trust ? JSON.stringify(trust) : null,
    policies: [...managed, ...inline].sort(byName),
  };
};
