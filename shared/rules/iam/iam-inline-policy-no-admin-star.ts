import { PRINCIPAL_KINDS } from '../../resources/iam/kinds';
import type { IamPrincipalSnapshot } from '../../resources/iam/types';
import { defineRule } from '../define-rule';
import { failOnVerdict, INLINE_POLICY_READS } from './lib/judge';
import { withKinds } from './lib/kinds';
import { documentsToCheck } from './lib/scope';

export const iamInlinePolicyNoAdminStar = withKinds(
  defineRule<IamPrincipalSnapshot>({
    id: 'iam-inline-policy-no-admin-star',
    title: 'Inline policies do not grant full "*:*" administrative access',
    severity: 'CRITICAL',
    kind: PRINCIPAL_KINDS[0],
    anchors: { cis: ['v3 1.16', 'v5 1.15'], prowler: ['iam_inline_policy_no_administrative_privileges'] },
    trigger: 'E',
    reads: INLINE_POLICY_READS,
    remediation: { text: 'Delete the inline policy and grant least-privilege managed policies; keep administrator access to a few break-glass roles.', cli: 'aws iam delete-role-policy --role-name <role> --policy-name <name>' },
    rationale: 'Inline "*:*" policies make administrators outside any review of managed policies (Security Hub IAM.1 does not look at them).',
    evaluate: (principal, ctx, ref) => {
      const docs = documentsToCheck(principal);
      if (!Array.isArray(docs)) return docs;
      return failOnVerdict(docs, ctx, ref, (v) => v.admin, {
        subject: `${principal.type} ${principal.name}`,
        bad: 'has an inline policy granting full administrative access',
        good: 'has no inline policy granting full administrative access',
      });
    },
  }),
  PRINCIPAL_KINDS,
);
