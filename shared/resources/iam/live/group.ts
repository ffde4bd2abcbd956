import {
  GetGroupPolicyCommand,
  paginateGetGroup,
  paginateListAttachedGroupPolicies,
  paginateListGroupPolicies,
  paginateListGroups,
  paginateListMFADevices,
  type AttachedPolicy as SdkAttachedPolicy,
  type GetGroupResponse,
  type Group,
  type MFADevice,
  type User,
} from '@aws-sdk/client-iam';
import type { KindCollector } from '../../types';
import { IAM_KIND, iamRef, nameFromArn } from '../kinds';
import { canonicalPolicyText, isoDate, byText } from '../policy-text';
import type { AttachedPolicy, IamGroupMember, IamGroupSnapshot, InlinePolicy } from '../types';
import { drain, fetchManagedPolicies, goneObservation, iamClientFor, NO_SUCH_ENTITY, presentObservation, ReadSession, type ResolvedOptions } from './common';
import { WHOLE_SNAPSHOT } from '../../gaps';

export const groupSnapshotFromApi = (
  group: Group,
  inlinePolicies: readonly InlinePolicy[],
  attachedPolicies: readonly AttachedPolicy[],
  members: readonly IamGroupMember[],
): IamGroupSnapshot => ({
  type: 'group',
  name: group.GroupName ?? '',
  arn: group.Arn ?? '',
  principalId: group.GroupId ?? null,
  path: group.Path ?? '/',
  createDate: isoDate(group.CreateDate),
  inlinePolicies: [...inlinePolicies].sort((a, b) => byText(a.name, b.name)),
  attachedPolicies: [...attachedPolicies].sort((a, b) => byText(a.arn, b.arn)),
  members: [...members].sort((a, b) => byText(a.name, b.name)),
});

/** Groups (ref id = group name): GetGroup (members), inline and attached policies (+ documents), members' MFA devices. */
export const groupCollector = (options: ResolvedOptions): KindCollector => ({
  async collect(ref, clients) {
    const observedAt = options.now().toISOString();
    const client = iamClientFor(clients, ref);
    const session = new ReadSession();
    const GroupName = nameFromArn(ref.id);
    const first = await session.run([
      {
        key: 'group',
        fills: [WHOLE_SNAPSHOT],
        iamAction: 'iam:GetGroup',
        gone: NO_SUCH_ENTITY,
        run: async () => {
          let group: Group | undefined;
          const users: User[] = [];
          for await (const page of paginateGetGroup({ client }, { GroupName }) as AsyncIterable<GetGroupResponse>) {
            group ??= page.Group;
            users.push(...(page.Users ?? []));
          }
          return { group, users };
        },
      },
      { key: 'inlineNames', fills: ['inlinePolicies'], iamAction: 'iam:ListGroupPolicies', gone: NO_SUCH_ENTITY, run: () => drain(paginateListGroupPolicies({ client }, { GroupName }), (p) => p.PolicyNames) },
      {
        key: 'attached',
        fills: ['attachedPolicies'],
        iamAction: 'iam:ListAttachedGroupPolicies',
        gone: NO_SUCH_ENTITY,
        run: () => drain(paginateListAttachedGroupPolicies({ client }, { GroupName }), (p) => p.AttachedPolicies),
      },
    ]);
    if (session.gone) return goneObservation(ref, observedAt);
    const found = first.group as { group?: Group; users: User[] } | undefined;
    if (!found?.group) return presentObservation(ref, null, session, observedAt);
    const inlineNames = (first.inlineNames as string[] | undefined) ?? [];
    const memberNames = found.users.map((u) => u.UserName ?? '').filter(Boolean);
    const second = await session.run([
      ...inlineNames.map((name) => ({
        key: `inline:${name}`,
        fills: ['inlinePolicies.document'],
        iamAction: 'iam:GetGroupPolicy',
        absent: NO_SUCH_ENTITY,
        run: async () => (await client.send(new GetGroupPolicyCommand({ GroupName, PolicyName: name }))).PolicyDocument,
      })),
      // A member deleted meanwhile answers NoSuchEntity: its MFA count is then unknown (null).
      ...memberNames.map((UserName) => ({
        key: `mfa:${UserName}`,
        fills: ['members.mfaDevices'],
        iamAction: 'iam:ListMFADevices',
        absent: NO_SUCH_ENTITY,
        run: () => drain(paginateListMFADevices({ client }, { UserName }), (p) => p.MFADevices),
      })),
    ]);
    const attached = await fetchManagedPolicies(session, client, (first.attached as SdkAttachedPolicy[] | undefined) ?? []);
    if (session.gone) return goneObservation(ref, observedAt);
    const members: IamGroupMember[] = memberNames.map((name) => {
      const devices = second[`mfa:${name}`] as MFADevice[] | null | undefined;
      return { name, mfaDevices: devices ? devices.length : null };
    });
    const inlinePolicies = inlineNames.map((name) => ({ name, document: canonicalPolicyText(second[`inline:${name}`]) }));
    return presentObservation(ref, groupSnapshotFromApi(found.group, inlinePolicies, attached, members), session, observedAt);
  },
  async list(scope, clients) {
    const client = iamClientFor(clients, { arn: `arn:${scope.partition}:iam::${scope.accountId}:root` });
    const groups = await drain(paginateListGroups({ client }, {}), (p) => p.Groups);
    return groups.filter((g) => g.GroupName).map((g) => iamRef(IAM_KIND.group, g.GroupName!, scope.accountId, scope.partition));
  },
});
