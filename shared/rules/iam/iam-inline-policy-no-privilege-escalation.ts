import { PRINCIPAL_KINDS } from '../../resources/iam/kinds';
import type { IamPrincipalSnapshot } from '../../resources/iam/types';
import { defineRule } from '../define-rule';
import { failOnVerdict, INLINE_POLICY_READS } from './lib/judge';
import { withKinds } from './lib/kinds';
import { documentsToCheck } from './lib/scope';

export const iamInlinePolicyNoPrivilegeEscalation = withKinds(
  defineRule<IamPrincipalSnapshot>({
    id: 'iam-inline-policy-no-privilege-escalation',
    title: 'Inline policies allow no privilege-escalation path',
    severity: 'HIGH',
    kind: PRINCIPAL_KINDS[0],
    anchors: { prowler: ['iam_inline_policy_allows_privilege_escalation'] },
    trigger: 'E',
    reads: INLINE_POLICY_READS,
    remediation: { text: 'Remove the escalation actions from the inline policy or scope them to specific resources.', url: 'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/' },
    rationale: 'An escalation path lets the principal grant itself more power than its policies appear to give.',
    evaluate: (principal, ctx, ref) => {
      const docs = documentsToCheck(principal);
      if (!Array.isArray(docs)) return docs;
      return failOnVerdict(
        docs,
        ctx,
        ref,
        (v) => v.privesc,
        { subject: `${principal.type} ${principal.name}`, bad: 'has an inline policy allowing privilege escalation', good: 'has no inline policy allowing privilege escalation' },
        (v) => ({ methods: v.privesc.methods.map((m) => m.name) }),
      );
    },
  }),
  PRINCIPAL_KINDS,
);
