import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  paginateListEntitiesForPolicy,
  paginateListPolicies,
  type IAMClient,
  type Policy,
} from '@aws-sdk/client-iam';
import type { KindCollector } from '../../types';
import { IAM_KIND, iamRef, isAwsManagedPolicyArn } from '../kinds';
import { canonicalPolicyText, tagsToRecord } from '../policy-text';
import type { IamManagedPolicySnapshot, PolicyAttachments } from '../types';
import { drain, goneObservation, iamClientFor, NO_SUCH_ENTITY, presentObservation, ReadSession, type ResolvedOptions } from './common';
import { WHOLE_SNAPSHOT } from '../../gaps';

/** Entities one managed policy is attached to (ListEntitiesForPolicy), as names. */
export const listPolicyEntities = async (client: IAMClient, policyArn: string): Promise<PolicyAttachments> => {
  const users: string[] = [];
  const groups: string[] = [];
  const roles: string[] = [];
  for await (const page of paginateListEntitiesForPolicy({ client }, { PolicyArn: policyArn })) {
    users.push(...(page.PolicyUsers ?? []).map((u) => u.UserName ?? '').filter(Boolean));
    groups.push(...(page.PolicyGroups ?? []).map((g) => g.GroupName ?? '').filter(Boolean));
    roles.push(...(page.PolicyRoles ?? []).map((r) => r.RoleName ?? '').filter(Boolean));
  }
  return { users: users.sort(), groups: groups.sort(), roles: roles.sort() };
};

/** Snapshot of a managed policy from GetPolicy (+ its default version and attachments). Shared with the dump and Config paths. */
export const policySnapshotFromApi = (policy: Policy, document: unknown, attachedTo: PolicyAttachments | null): IamManagedPolicySnapshot => ({
  type: 'policy',
  name: policy.PolicyName ?? '',
  arn: policy.Arn ?? '',
  policyId: policy.PolicyId ?? null,
  path: policy.Path ?? '/',
  awsManaged: isAwsManagedPolicyArn(policy.Arn ?? ''),
  defaultVersionId: policy.DefaultVersionId ?? null,
  document: canonicalPolicyText(document),
  attachmentCount: policy.AttachmentCount ?? 0,
  permissionsBoundaryUsageCount: policy.PermissionsBoundaryUsageCount ?? 0,
  isAttachable: policy.IsAttachable ?? true,
  attachedTo,
  tags: tagsToRecord(policy.Tags),
});

/** Managed policies (ref id = policy ARN): GetPolicy, then its default version and the entities it is attached to. */
export const policyCollector = (options: ResolvedOptions): KindCollector => ({
  async collect(ref, clients) {
    const observedAt = options.now().toISOString();
    const client = iamClientFor(clients, ref);
    const session = new ReadSession();
    const first = await session.run([
      {
        key: 'policy',
        fills: [WHOLE_SNAPSHOT],
        iamAction: 'iam:GetPolicy',
        gone: NO_SUCH_ENTITY,
        run: async () => (await client.send(new GetPolicyCommand({ PolicyArn: ref.id }))).Policy,
      },
    ]);
    if (session.gone) return goneObservation(ref, observedAt);
    const policy = first.policy as Policy | undefined;
    if (!policy) return presentObservation(ref, null, session, observedAt);
    const second = await session.run([
      {
        key: 'document',
        iamAction: 'iam:GetPolicyVersion',
        gone: NO_SUCH_ENTITY,
        run: async () =>
          (await client.send(new GetPolicyVersionCommand({ PolicyArn: ref.id, VersionId: policy.DefaultVersionId }))).PolicyVersion?.Document ?? null,
      },
      { key: 'entities', fills: ['attachedTo'], iamAction: 'iam:ListEntitiesForPolicy', gone: NO_SUCH_ENTITY, run: () => listPolicyEntities(client, ref.id) },
    ]);
    if (session.gone) return goneObservation(ref, observedAt);
    return presentObservation(
      ref,
      policySnapshotFromApi(policy, second.document, (second.entities as PolicyAttachments | undefined) ?? null),
      session,
      observedAt,
    );
  },
  async list(scope, clients) {
    const client = iamClientFor(clients, { arn: `arn:${scope.partition}:iam::${scope.accountId}:root` });
    // Every customer-managed policy (attached or not), and the AWS-managed ones attached somewhere in the account.
    const local = await drain(paginateListPolicies({ client }, { Scope: 'Local' }), (p) => p.Policies);
    const awsAttached = await drain(paginateListPolicies({ client }, { Scope: 'AWS', OnlyAttached: true }), (p) => p.Policies);
    return [...local, ...awsAttached]
      .filter((p): p is Policy & { Arn: string } => !!p.Arn)
      .map((p) => iamRef(IAM_KIND.policy, p.Arn, scope.accountId, scope.partition));
  },
});
