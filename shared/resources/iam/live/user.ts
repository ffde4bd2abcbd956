import {
  GetAccessKeyLastUsedCommand,
  GetGroupPolicyCommand,
  GetLoginProfileCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  paginateListAccessKeys,
  paginateListAttachedGroupPolicies,
  paginateListAttachedUserPolicies,
  paginateListGroupPolicies,
  paginateListGroupsForUser,
  paginateListMFADevices,
  paginateListUserPolicies,
  paginateListUsers,
  paginateListVirtualMFADevices,
  type AccessKeyMetadata,
  type AttachedPolicy as SdkAttachedPolicy,
  type GetAccessKeyLastUsedResponse,
  type Group,
  type IAMClient,
  type LoginProfile,
  type MFADevice,
  type User,
  type VirtualMFADevice,
} from '@aws-sdk/client-iam';
import type { KindCollector } from '../../types';
import { IAM_KIND, iamRef, nameFromArn } from '../kinds';
import { canonicalPolicyText, isoDate, tagsToRecord, byText } from '../policy-text';
import type { IamAccessKey, IamGroupMembership, IamUserCredentials, IamUserSnapshot, InlinePolicy, ServiceLastAccessed, AttachedPolicy } from '../types';
import { drain, fetchManagedPolicies, goneObservation, iamClientFor, NO_SUCH_ENTITY, presentObservation, ReadSession, type ResolvedOptions } from './common';
import { WHOLE_SNAPSHOT } from '../../gaps';
import { fetchServiceLastAccessed } from './service-last-accessed';

/** Serial numbers of the account's virtual MFA devices that are assigned (to tell virtual from hardware MFA). */
export const listAssignedVirtualMfa = (client: IAMClient): Promise<VirtualMFADevice[]> =>
  drain(paginateListVirtualMFADevices({ client }, { AssignmentStatus: 'Assigned' }), (p) => p.VirtualMFADevices);

export const mfaDevicesFrom = (devices: readonly MFADevice[], virtualSerials: ReadonlySet<string>) =>
  devices
    .filter((d) => d.SerialNumber)
    .map((d) => ({ serialNumber: d.SerialNumber!, enableDate: isoDate(d.EnableDate), virtual: virtualSerials.has(d.SerialNumber!) }))
    .sort((a, b) => byText(a.serialNumber, b.serialNumber));

export const userSnapshotFromApi = (
  user: User,
  parts: {
    inlinePolicies: readonly InlinePolicy[];
    attachedPolicies: readonly AttachedPolicy[];
    groups: readonly IamGroupMembership[];
    credentials: IamUserCredentials | null;
    serviceLastAccessed: readonly ServiceLastAccessed[] | null;
  },
): IamUserSnapshot => ({
  type: 'user',
  name: user.UserName ?? '',
  arn: user.Arn ?? '',
  principalId: user.UserId ?? null,
  path: user.Path ?? '/',
  createDate: isoDate(user.CreateDate),
  inlinePolicies: [...parts.inlinePolicies].sort((a, b) => byText(a.name, b.name)),
  attachedPolicies: [...parts.attachedPolicies].sort((a, b) => byText(a.arn, b.arn)),
  tags: tagsToRecord(user.Tags),
  permissionsBoundaryArn: user.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
  groups: [...parts.groups].sort((a, b) => byText(a.name, b.name)),
  credentials: parts.credentials,
  serviceLastAccessed: parts.serviceLastAccessed,
});

/**
 * Users (ref id = user name): GetUser, inline / attached policies (+ documents), groups (+ their policies), login
 * profile, MFA devices (virtual or not), access keys with last use, and Access Advisor.
 */
export const userCollector = (options: ResolvedOptions): KindCollector => ({
  async collect(ref, clients) {
    const observedAt = options.now().toISOString();
    const client = iamClientFor(clients, ref);
    const session = new ReadSession();
    const UserName = nameFromArn(ref.id);
    const first = await session.run([
      { key: 'user', fills: [WHOLE_SNAPSHOT], iamAction: 'iam:GetUser', gone: NO_SUCH_ENTITY, run: async () => (await client.send(new GetUserCommand({ UserName }))).User },
      { key: 'inlineNames', fills: ['inlinePolicies'], iamAction: 'iam:ListUserPolicies', gone: NO_SUCH_ENTITY, run: () => drain(paginateListUserPolicies({ client }, { UserName }), (p) => p.PolicyNames) },
      {
        key: 'attached',
        fills: ['attachedPolicies'],
        iamAction: 'iam:ListAttachedUserPolicies',
        gone: NO_SUCH_ENTITY,
        run: () => drain(paginateListAttachedUserPolicies({ client }, { UserName }), (p) => p.AttachedPolicies),
      },
      { key: 'groups', fills: ['groups'], iamAction: 'iam:ListGroupsForUser', gone: NO_SUCH_ENTITY, run: () => drain(paginateListGroupsForUser({ client }, { UserName }), (p) => p.Groups) },
      // NoSuchEntity here means "no console password"; a deleted user is caught by GetUser.
      { key: 'loginProfile', fills: ['credentials.passwordEnabled', 'credentials.passwordCreateDate'], iamAction: 'iam:GetLoginProfile', absent: NO_SUCH_ENTITY, run: async () => (await client.send(new GetLoginProfileCommand({ UserName }))).LoginProfile },
      { key: 'mfa', fills: ['credentials.mfaDevices'], iamAction: 'iam:ListMFADevices', gone: NO_SUCH_ENTITY, run: () => drain(paginateListMFADevices({ client }, { UserName }), (p) => p.MFADevices) },
      { key: 'keys', fills: ['credentials.accessKeys'], iamAction: 'iam:ListAccessKeys', gone: NO_SUCH_ENTITY, run: () => drain(paginateListAccessKeys({ client }, { UserName }), (p) => p.AccessKeyMetadata) },
      { key: 'virtualMfa', fills: ['credentials.mfaDevices'], iamAction: 'iam:ListVirtualMFADevices', run: () => listAssignedVirtualMfa(client) },
    ]);
    if (session.gone) return goneObservation(ref, observedAt);
    const user = first.user as User | undefined;
    if (!user) return presentObservation(ref, null, session, observedAt);
    const inlineNames = (first.inlineNames as string[] | undefined) ?? [];
    const groups = (first.groups as Group[] | undefined) ?? [];
    const keys = (first.keys as AccessKeyMetadata[] | undefined) ?? [];

    const second = await session.run([
      ...inlineNames.map((name) => ({
        key: `inline:${name}`,
        fills: ['inlinePolicies.document'],
        iamAction: 'iam:GetUserPolicy',
        absent: NO_SUCH_ENTITY,
        run: async () => (await client.send(new GetUserPolicyCommand({ UserName, PolicyName: name }))).PolicyDocument,
      })),
      ...groups.flatMap((g) => [
        {
          key: `groupInline:${g.GroupName}`,
          fills: ['groups.inlinePolicies'],
          iamAction: 'iam:ListGroupPolicies',
          absent: NO_SUCH_ENTITY,
          run: () => drain(paginateListGroupPolicies({ client }, { GroupName: g.GroupName }), (p) => p.PolicyNames),
        },
        {
          key: `groupAttached:${g.GroupName}`,
          fills: ['groups.attachedPolicies'],
          iamAction: 'iam:ListAttachedGroupPolicies',
          absent: NO_SUCH_ENTITY,
          run: () => drain(paginateListAttachedGroupPolicies({ client }, { GroupName: g.GroupName }), (p) => p.AttachedPolicies),
        },
      ]),
      ...keys
        .filter((k) => k.AccessKeyId)
        .map((k) => ({
          key: `lastUsed:${k.AccessKeyId}`,
          fills: ['credentials.accessKeys.lastUsedDate', 'credentials.accessKeys.lastUsedService'],
          iamAction: 'iam:GetAccessKeyLastUsed',
          absent: NO_SUCH_ENTITY,
          run: async () => client.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: k.AccessKeyId })),
        })),
    ]);
    const groupInline = await session.run(
      groups.flatMap((g) =>
        ((second[`groupInline:${g.GroupName}`] as string[] | null | undefined) ?? []).map((name) => ({
          key: `${g.GroupName}:${name}`,
          fills: ['groups.inlinePolicies.document'],
          iamAction: 'iam:GetGroupPolicy',
          absent: NO_SUCH_ENTITY,
          run: async () => (await client.send(new GetGroupPolicyCommand({ GroupName: g.GroupName, PolicyName: name }))).PolicyDocument,
        })),
      ),
    );
    const groupAttachedLists = groups.map((g) => (second[`groupAttached:${g.GroupName}`] as SdkAttachedPolicy[] | null | undefined) ?? []);
    const attachedAll = await fetchManagedPolicies(session, client, [...((first.attached as SdkAttachedPolicy[] | undefined) ?? []), ...groupAttachedLists.flat()], [
      'attachedPolicies.document',
      'groups.attachedPolicies.document',
    ]);
    const byArn = new Map(attachedAll.map((a) => [a.arn, a]));
    const pick = (list: readonly SdkAttachedPolicy[]) => list.filter((a) => a.PolicyArn && byArn.has(a.PolicyArn)).map((a) => byArn.get(a.PolicyArn!)!);

    const access = options.serviceLastAccessed
      ? await session.run([
          { key: 'services', fills: ['serviceLastAccessed'], iamAction: 'iam:GenerateServiceLastAccessedDetails', gone: NO_SUCH_ENTITY, run: () => fetchServiceLastAccessed(client, user.Arn ?? '', options) },
        ])
      : {};
    if (session.gone) return goneObservation(ref, observedAt);

    const groupMemberships: IamGroupMembership[] = groups.map((g, i) => {
      const names = second[`groupInline:${g.GroupName}`] as string[] | null | undefined;
      return {
        name: g.GroupName ?? '',
        recorded: names !== undefined && second[`groupAttached:${g.GroupName}`] !== undefined,
        inlinePolicies: (names ?? []).map((name) => ({ name, document: canonicalPolicyText(groupInline[`${g.GroupName}:${name}`]) })).sort((a, b) => byText(a.name, b.name)),
        attachedPolicies: pick(groupAttachedLists[i]).sort((a, b) => byText(a.arn, b.arn)),
      };
    });

    // A denied read behind the credentials leaves only its own fields unknown (gaps): the rules that read them give ERROR.
    const virtualSerials = new Set(((first.virtualMfa as VirtualMFADevice[] | undefined) ?? []).map((d) => d.SerialNumber ?? ''));
    const loginProfile = first.loginProfile as LoginProfile | null | undefined;
    const accessKeys: IamAccessKey[] = keys
      .filter((k) => k.AccessKeyId)
      .map((k) => {
        const used = second[`lastUsed:${k.AccessKeyId}`] as GetAccessKeyLastUsedResponse | null | undefined;
        return {
          accessKeyId: k.AccessKeyId!,
          status: (k.Status ?? 'Inactive') as IamAccessKey['status'],
          createDate: isoDate(k.CreateDate),
          lastUsedDate: isoDate(used?.AccessKeyLastUsed?.LastUsedDate),
          lastUsedService: used?.AccessKeyLastUsed?.ServiceName && used.AccessKeyLastUsed.ServiceName !== 'N/A' ? used.AccessKeyLastUsed.ServiceName : null,
        };
      })
      .sort((a, b) => byText(a.accessKeyId, b.accessKeyId));
    const credentials: IamUserCredentials = {
      passwordEnabled: !!loginProfile,
      passwordCreateDate: isoDate(loginProfile?.CreateDate),
      passwordLastUsed: isoDate(user.PasswordLastUsed),
      mfaDevices: mfaDevicesFrom((first.mfa as MFADevice[] | undefined) ?? [], virtualSerials),
      accessKeys,
    };
    return presentObservation(
      ref,
      userSnapshotFromApi(user, {
        inlinePolicies: inlineNames.map((name) => ({ name, document: canonicalPolicyText(second[`inline:${name}`]) })),
        attachedPolicies: pick((first.attached as SdkAttachedPolicy[] | undefined) ?? []),
        groups: groupMemberships,
        credentials,
        serviceLastAccessed: (access.services as ServiceLastAccessed[] | undefined) ?? null,
      }),
      session,
      observedAt,
    );
  },
  async list(scope, clients) {
    const client = iamClientFor(clients, { arn: `arn:${scope.partition}:iam::${scope.accountId}:root` });
    const users = await drain(paginateListUsers({ client }, {}), (p) => p.Users);
    return users.filter((u) => u.UserName).map((u) => iamRef(IAM_KIND.user, u.UserName!, scope.accountId, scope.partition));
  },
});
