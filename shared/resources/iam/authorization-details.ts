import { ConfigError, type InputGap, type Observation } from '../../core';
import { liveReadHint, notTold } from '../gaps';
import { accountOfArn, IAM_KIND, iamRef, isAwsManagedPolicyArn, partitionOfArn } from './kinds';
import { canonicalPolicyText, isoDate, tagsToRecord, byText } from './policy-text';
import type {
  AttachedPolicy,
  IamGroupSnapshot,
  IamManagedPolicySnapshot,
  IamRoleSnapshot,
  IamUserSnapshot,
  InlinePolicy,
  PolicyAttachments,
} from './types';

type Json = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const list = (v: unknown): Json[] => (Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Json[]) : []);

export interface AuthorizationDetailsOptions {
  /** Account the dump belongs to. @default the first 12-digit account id found in the dump's ARNs */
  readonly accountId?: string;
  /** When the dump was taken (ISO 8601). @default now */
  readonly observedAt?: string;
}

/** One page or several (the CLI merges pages; raw API pages can be passed as an array), or a `{status_code, data}` recording. */
const mergePages = (dump: unknown): Json => {
  const pages = (Array.isArray(dump) ? dump : [dump]).map((page) => {
    const p = page as Json;
    return (p && typeof p === 'object' && 'data' in p && p.data && typeof p.data === 'object' ? p.data : p) as Json;
  });
  const merged: Json = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] };
  for (const page of pages) for (const key of Object.keys(merged)) (merged[key] as Json[]).push(...list(page?.[key]));
  return merged;
};

/**
 * Observations for every user, role, group and managed policy of a GetAccountAuthorizationDetails dump (raw API answer
 * with URL-encoded documents, or a boto3 / CLI dump with decoded ones) — the input of `vigil scan` for IAM.
 * The dump has no credentials, MFA, group-member MFA nor Access Advisor data: those fields are `null` (rules needing them
 * answer NOT_APPLICABLE). AWS-managed policies that are not attached anywhere are skipped.
 */
export const fromAuthorizationDetails = (dump: unknown, options: AuthorizationDetailsOptions = {}): Observation[] => {
  if (!dump || typeof dump !== 'object') throw new ConfigError('authorization details: expected the JSON of GetAccountAuthorizationDetails');
  const d = mergePages(dump);
  const users = list(d.UserDetailList);
  const groups = list(d.GroupDetailList);
  const roles = list(d.RoleDetailList);
  const policies = list(d.Policies);
  const allArns = [...users, ...groups, ...roles, ...policies].map((e) => str(e.Arn) ?? '');
  const accountId = options.accountId ?? allArns.map(accountOfArn).find((a) => a !== undefined);
  if (!accountId) throw new ConfigError('authorization details: no account id in the dump; pass it explicitly');
  const partition = partitionOfArn(allArns.find((a) => a.startsWith('arn:')));
  const observedAt = options.observedAt ?? new Date().toISOString();

  const documentsByArn = new Map<string, string | null>();
  for (const p of policies) {
    const versions = list(p.PolicyVersionList);
    const current = versions.find((v) => v.IsDefaultVersion === true) ?? versions.find((v) => v.VersionId === p.DefaultVersionId);
    if (str(p.Arn)) documentsByArn.set(str(p.Arn)!, canonicalPolicyText(current?.Document));
  }
  const inline = (entries: unknown): InlinePolicy[] =>
    list(entries)
      .map((p) => ({ name: str(p.PolicyName) ?? '', document: canonicalPolicyText(p.PolicyDocument) }))
      .sort((a, b) => byText(a.name, b.name));
  const attached = (entries: unknown): AttachedPolicy[] =>
    list(entries)
      .filter((p) => str(p.PolicyArn))
      .map((p) => {
        const arn = str(p.PolicyArn)!;
        return { name: str(p.PolicyName) ?? arn.slice(arn.lastIndexOf('/') + 1), arn, awsManaged: isAwsManagedPolicyArn(arn), document: documentsByArn.get(arn) ?? null };
      })
      .sort((a, b) => byText(a.arn, b.arn));
  const boundary = (e: Json) => str((e.PermissionsBoundary as Json | undefined)?.PermissionsBoundaryArn);
  // What the dump does not carry (credentials, Access Advisor, members' MFA) is unknown, never "none".
  const notInDump = (inputs: readonly string[], read: string): InputGap => notTold(inputs, read, `GetAccountAuthorizationDetails does not carry it; ${liveReadHint('iam', 'global')}`);
  const present = <C>(ref: ReturnType<typeof iamRef>, config: C, gaps: readonly InputGap[] = []): Observation<C> => ({ state: 'present', ref, config, gaps, observedAt, source: 'live' });

  const groupByName = new Map(groups.map((g) => [str(g.GroupName) ?? '', g]));
  const membersOf = new Map<string, string[]>();
  for (const u of users) {
    for (const g of Array.isArray(u.GroupList) ? (u.GroupList as unknown[]) : []) {
      if (typeof g === 'string') membersOf.set(g, [...(membersOf.get(g) ?? []), str(u.UserName) ?? '']);
    }
  }

  const out: Observation[] = [];
  for (const u of users) {
    const name = str(u.UserName) ?? '';
    const groupNames = (Array.isArray(u.GroupList) ? (u.GroupList as unknown[]) : []).filter((g): g is string => typeof g === 'string').sort();
    const snapshot: IamUserSnapshot = {
      type: 'user',
      name,
      arn: str(u.Arn) ?? '',
      principalId: str(u.UserId),
      path: str(u.Path) ?? '/',
      createDate: isoDate(u.CreateDate),
      inlinePolicies: inline(u.UserPolicyList),
      attachedPolicies: attached(u.AttachedManagedPolicies),
      tags: tagsToRecord(u.Tags),
      permissionsBoundaryArn: boundary(u),
      groups: groupNames.map((g) => {
        const group = groupByName.get(g);
        return group
          ? { name: g, recorded: true, inlinePolicies: inline(group.GroupPolicyList), attachedPolicies: attached(group.AttachedManagedPolicies) }
          : { name: g, recorded: false, inlinePolicies: [], attachedPolicies: [] };
      }),
      credentials: null,
      serviceLastAccessed: null,
    };
    out.push(
      present(iamRef(IAM_KIND.user, name, accountId, partition), snapshot, [
        notInDump(['credentials'], 'GetLoginProfile/ListMFADevices/ListAccessKeys'),
        notInDump(['serviceLastAccessed'], 'GenerateServiceLastAccessedDetails'),
      ]),
    );
  }
  for (const g of groups) {
    const name = str(g.GroupName) ?? '';
    const snapshot: IamGroupSnapshot = {
      type: 'group',
      name,
      arn: str(g.Arn) ?? '',
      principalId: str(g.GroupId),
      path: str(g.Path) ?? '/',
      createDate: isoDate(g.CreateDate),
      inlinePolicies: inline(g.GroupPolicyList),
      attachedPolicies: attached(g.AttachedManagedPolicies),
      members: (membersOf.get(name) ?? []).sort().map((member) => ({ name: member, mfaDevices: null })),
    };
    out.push(present(iamRef(IAM_KIND.group, name, accountId, partition), snapshot, [notInDump(['members.mfaDevices'], 'ListMFADevices')]));
  }
  for (const r of roles) {
    const name = str(r.RoleName) ?? '';
    const path = str(r.Path) ?? '/';
    const snapshot: IamRoleSnapshot = {
      type: 'role',
      name,
      arn: str(r.Arn) ?? '',
      principalId: str(r.RoleId),
      path,
      createDate: isoDate(r.CreateDate),
      inlinePolicies: inline(r.RolePolicyList),
      attachedPolicies: attached(r.AttachedManagedPolicies),
      tags: tagsToRecord(r.Tags),
      permissionsBoundaryArn: boundary(r),
      trustPolicy: canonicalPolicyText(r.AssumeRolePolicyDocument),
      serviceLinked: path.startsWith('/aws-service-role/'),
      lastUsedDate: isoDate((r.RoleLastUsed as Json | undefined)?.LastUsedDate),
      serviceLastAccessed: null,
    };
    out.push(present(iamRef(IAM_KIND.role, name, accountId, partition), snapshot, [notInDump(['serviceLastAccessed'], 'GenerateServiceLastAccessedDetails')]));
  }
  const attachmentsOf = (arn: string): PolicyAttachments => {
    const has = (e: Json) => list(e.AttachedManagedPolicies).some((p) => p.PolicyArn === arn);
    return {
      users: users.filter(has).map((u) => str(u.UserName) ?? '').sort(),
      groups: groups.filter(has).map((g) => str(g.GroupName) ?? '').sort(),
      roles: roles.filter(has).map((r) => str(r.RoleName) ?? '').sort(),
    };
  };
  for (const p of policies) {
    const arn = str(p.Arn);
    if (!arn) continue;
    const awsManaged = isAwsManagedPolicyArn(arn);
    const attachmentCount = Number(p.AttachmentCount ?? 0);
    if (awsManaged && attachmentCount === 0) continue;
    const snapshot: IamManagedPolicySnapshot = {
      type: 'policy',
      name: str(p.PolicyName) ?? '',
      arn,
      policyId: str(p.PolicyId),
      path: str(p.Path) ?? '/',
      awsManaged,
      defaultVersionId: str(p.DefaultVersionId),
      document: documentsByArn.get(arn) ?? null,
      attachmentCount,
      permissionsBoundaryUsageCount: Number(p.PermissionsBoundaryUsageCount ?? 0),
      isAttachable: p.IsAttachable !== false,
      attachedTo: attachmentsOf(arn),
      tags: tagsToRecord(p.Tags),
    };
    out.push(present(iamRef(IAM_KIND.policy, arn, accountId, partition), snapshot));
  }
  return out;
};
