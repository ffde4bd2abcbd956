import {
  GetRoleCommand,
  GetRolePolicyCommand,
  paginateListAttachedRolePolicies,
  paginateListRolePolicies,
  paginateListRoles,
  type AttachedPolicy as SdkAttachedPolicy,
  type Role,
} from '@aws-sdk/client-iam';
import type { KindCollector } from '../../types';
import { IAM_KIND, iamRef, nameFromArn } from '../kinds';
import { canonicalPolicyText, isoDate, tagsToRecord, byText } from '../policy-text';
import type { AttachedPolicy, InlinePolicy, IamRoleSnapshot, ServiceLastAccessed } from '../types';
import { drain, fetchManagedPolicies, goneObservation, iamClientFor, NO_SUCH_ENTITY, presentObservation, ReadSession, type ResolvedOptions } from './common';
import { WHOLE_SNAPSHOT } from '../../gaps';
import { fetchServiceLastAccessed } from './service-last-accessed';

export const roleSnapshotFromApi = (
  role: Role,
  inlinePolicies: readonly InlinePolicy[],
  attachedPolicies: readonly AttachedPolicy[],
  serviceLastAccessed: readonly ServiceLastAccessed[] | null,
): IamRoleSnapshot => ({
  type: 'role',
  name: role.RoleName ?? '',
  arn: role.Arn ?? '',
  principalId: role.RoleId ?? null,
  path: role.Path ?? '/',
  createDate: isoDate(role.CreateDate),
  inlinePolicies: [...inlinePolicies].sort((a, b) => byText(a.name, b.name)),
  attachedPolicies: [...attachedPolicies].sort((a, b) => byText(a.arn, b.arn)),
  tags: tagsToRecord(role.Tags),
  permissionsBoundaryArn: role.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
  trustPolicy: canonicalPolicyText(role.AssumeRolePolicyDocument),
  serviceLinked: (role.Path ?? '').startsWith('/aws-service-role/'),
  lastUsedDate: isoDate(role.RoleLastUsed?.LastUsedDate),
  serviceLastAccessed,
});

/** Roles (ref id = role name): GetRole (trust policy, tags, boundary, last use), inline and attached policies with documents, Access Advisor. */
export const roleCollector = (options: ResolvedOptions): KindCollector => ({
  async collect(ref, clients) {
    const observedAt = options.now().toISOString();
    const client = iamClientFor(clients, ref);
    const session = new ReadSession();
    const roleName = nameFromArn(ref.id);
    const first = await session.run([
      { key: 'role', fills: [WHOLE_SNAPSHOT], iamAction: 'iam:GetRole', gone: NO_SUCH_ENTITY, run: async () => (await client.send(new GetRoleCommand({ RoleName: roleName }))).Role },
      {
        key: 'inlineNames',
        fills: ['inlinePolicies'],
        iamAction: 'iam:ListRolePolicies',
        gone: NO_SUCH_ENTITY,
        run: () => drain(paginateListRolePolicies({ client }, { RoleName: roleName }), (p) => p.PolicyNames),
      },
      {
        key: 'attached',
        fills: ['attachedPolicies'],
        iamAction: 'iam:ListAttachedRolePolicies',
        gone: NO_SUCH_ENTITY,
        run: () => drain(paginateListAttachedRolePolicies({ client }, { RoleName: roleName }), (p) => p.AttachedPolicies),
      },
    ]);
    if (session.gone) return goneObservation(ref, observedAt);
    const role = first.role as Role | undefined;
    if (!role) return presentObservation(ref, null, session, observedAt);
    const inlineNames = (first.inlineNames as string[] | undefined) ?? [];
    const inline = await session.run(
      inlineNames.map((name) => ({
        key: name,
        fills: ['inlinePolicies.document'],
        iamAction: 'iam:GetRolePolicy',
        absent: NO_SUCH_ENTITY,
        run: async () => (await client.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name }))).PolicyDocument,
      })),
    );
    const attached = await fetchManagedPolicies(session, client, (first.attached as SdkAttachedPolicy[] | undefined) ?? []);
    const access = options.serviceLastAccessed
      ? await session.run([
          { key: 'services', fills: ['serviceLastAccessed'], iamAction: 'iam:GenerateServiceLastAccessedDetails', gone: NO_SUCH_ENTITY, run: () => fetchServiceLastAccessed(client, role.Arn ?? '', options) },
        ])
      : {};
    if (session.gone) return goneObservation(ref, observedAt);
    const inlinePolicies: InlinePolicy[] = inlineNames.map((name) => ({ name, document: canonicalPolicyText(inline[name]) }));
    return presentObservation(ref, roleSnapshotFromApi(role, inlinePolicies, attached, (access.services as ServiceLastAccessed[] | undefined) ?? null), session, observedAt);
  },
  async list(scope, clients) {
    const client = iamClientFor(clients, { arn: `arn:${scope.partition}:iam::${scope.accountId}:root` });
    const roles = await drain(paginateListRoles({ client }, {}), (p) => p.Roles);
    return roles.filter((r) => r.RoleName).map((r) => iamRef(IAM_KIND.role, r.RoleName!, scope.accountId, scope.partition));
  },
});
