import { IAM_KIND, PRINCIPAL_KINDS } from '../../resources/iam/kinds';
import type { IamManagedPolicySnapshot, IamPrincipalSnapshot } from '../../resources/iam/types';
import { defineRule } from '../define-rule';
import { allowStatements } from '../../policy';
import { hasConditionKey } from './lib/grants';
import { failOnGrants, INLINE_POLICY_READS, MANAGED_POLICY_READS } from './lib/judge';
import { withKinds } from './lib/kinds';
import { documentsToCheck } from './lib/scope';

/**
 * iam:PassRole (or iam:* / *) on every resource without an iam:PassedToService condition lets the holder hand any role
 * to any service. Customer-managed policies and inline policies of users, roles and groups.
 */
export const iamPassroleScoped = withKinds(
  defineRule<IamManagedPolicySnapshot | IamPrincipalSnapshot>({
    id: 'iam-passrole-scoped',
    title: 'iam:PassRole is scoped to specific roles or services',
    severity: 'HIGH',
    kind: IAM_KIND.policy,
    anchors: {},
    trigger: 'E',
    reads: [...MANAGED_POLICY_READS, ...INLINE_POLICY_READS],
    remediation: {
      text: 'Limit iam:PassRole to the role ARNs the workload passes, and add a condition iam:PassedToService naming the service.',
      url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
    },
    rationale: 'Unscoped PassRole is the first half of most escalation paths: pass an admin role to new compute and use it.',
    evaluate: (snapshot) => {
      const docs = documentsToCheck(snapshot);
      if (!Array.isArray(docs)) return docs;
      return failOnGrants(
        docs,
        (doc) => allowStatements(doc.document, { actions: ['iam:PassRole'] }).filter((g) => !hasConditionKey(doc.document, g.statement.index, 'iam:PassedToService')),
        { subject: `${snapshot.type} ${snapshot.name}`, bad: 'allows iam:PassRole on all roles without iam:PassedToService', good: 'scopes iam:PassRole' },
      );
    },
  }),
  [IAM_KIND.policy, ...PRINCIPAL_KINDS],
);
