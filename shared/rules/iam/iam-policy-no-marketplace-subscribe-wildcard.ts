import { IAM_KIND, PRINCIPAL_KINDS } from '../../resources/iam/kinds';
import type { IamManagedPolicySnapshot, IamPrincipalSnapshot } from '../../resources/iam/types';
import { defineRule } from '../define-rule';
import { allowStatements } from '../../policy';
import { failOnGrants, INLINE_POLICY_READS, MANAGED_POLICY_READS } from './lib/judge';
import { withKinds } from './lib/kinds';
import { documentsToCheck } from './lib/scope';

/** Customer-managed and inline policies: no aws-marketplace:Subscribe on `*` (it also gates Bedrock model subscriptions). */
export const iamPolicyNoMarketplaceSubscribeWildcard = withKinds(
  defineRule<IamManagedPolicySnapshot | IamPrincipalSnapshot>({
    id: 'iam-policy-no-marketplace-subscribe-wildcard',
    title: 'Policies do not allow aws-marketplace:Subscribe on all resources',
    severity: 'MEDIUM',
    kind: IAM_KIND.policy,
    anchors: { prowler: ['iam_policy_no_wildcard_marketplace_subscribe', 'iam_inline_policy_no_wildcard_marketplace_subscribe'] },
    trigger: 'E',
    reads: [...MANAGED_POLICY_READS, ...INLINE_POLICY_READS],
    remediation: { text: 'Allow aws-marketplace:Subscribe only for the product ids the team is entitled to (condition aws-marketplace:ProductId).' },
    rationale: 'Subscribing to any Marketplace product or Bedrock model can run up large, hard-to-cancel bills.',
    evaluate: (snapshot) => {
      const docs = documentsToCheck(snapshot);
      if (!Array.isArray(docs)) return docs;
      return failOnGrants(docs, (doc) => allowStatements(doc.document, { actions: ['aws-marketplace:Subscribe'] }), {
        subject: `${snapshot.type} ${snapshot.name}`,
        bad: 'allows aws-marketplace:Subscribe on all resources',
        good: 'does not allow aws-marketplace:Subscribe on all resources',
      });
    },
  }),
  [IAM_KIND.policy, ...PRINCIPAL_KINDS],
);
