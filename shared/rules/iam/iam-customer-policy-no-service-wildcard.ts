import type { Evidence } from '../../core';
import { parsePolicy } from '../../policy';
import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamManagedPolicySnapshot } from '../../resources/iam/types';
import { defineRule, fail, pass } from '../define-rule';
import { MANAGED_POLICY_READS } from './lib/judge';
import { customerPolicyScope, isCheck } from './lib/scope';

const FULL_SERVICE = /^([a-z0-9-]+:)?\*$/i;

/**
 * Security Hub IAM.21: an Allow statement whose Action or NotAction holds a full-service wildcard (`ec2:*`, or `*`).
 * Prefix wildcards such as `ec2:Describe*` pass. This is a check of how the statement is written (what SH evaluates),
 * so it reads the engine's parsed statements rather than a verdict.
 */
export const iamCustomerPolicyNoServiceWildcard = defineRule<IamManagedPolicySnapshot>({
  id: 'iam-customer-policy-no-service-wildcard',
  title: 'Customer-managed policy does not allow full-service wildcard actions',
  severity: 'LOW',
  kind: IAM_KIND.policy,
  anchors: { securityHub: ['IAM.21'], fsbp: true },
  trigger: 'E',
  reads: MANAGED_POLICY_READS,
  remediation: { text: 'List the actions the holders need instead of "<service>:*".', cli: 'aws iam create-policy-version --policy-arn <arn> --policy-document file://scoped.json --set-as-default' },
  rationale: 'A service wildcard grants every present and future action of the service, including destructive ones.',
  evaluate: (policy) => {
    const scoped = customerPolicyScope(policy, { excludeBoundaryOnly: true });
    if (isCheck(scoped)) return scoped;
    const evidence: Evidence[] = [];
    for (const statement of parsePolicy(scoped.document).statements) {
      if (statement.effect !== 'Allow') continue;
      const wild = [...(statement.actions ?? []), ...(statement.notActions ?? [])].filter((a) => FULL_SERVICE.test(a));
      if (wild.length === 0) continue;
      evidence.push({
        message: `statement ${statement.index}${statement.sid ? ` (${statement.sid})` : ''} ${statement.actions ? 'allows' : 'uses NotAction with'} ${wild.join(', ')}`,
        field: 'document',
        statements: [{ index: statement.index, ...(statement.sid ? { sid: statement.sid } : {}) }],
        value: { actions: wild },
      });
    }
    return evidence.length > 0
      ? fail(`policy ${policy.name} allows full-service wildcard actions`, evidence)
      : pass(`policy ${policy.name} has no full-service wildcard action`);
  },
});
