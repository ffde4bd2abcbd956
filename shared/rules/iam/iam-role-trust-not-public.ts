import { analyzePolicy } from '../../policy';
import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamRoleSnapshot } from '../../resources/iam/types';
import { defineRule, fail, pass, unobserved } from '../define-rule';
import { judgementEvidence } from './lib/judge';
import { policyContext } from './lib/policies';

/** The trust policy lets anyone assume the role: `*` without a trusted restriction, or an unpinned web-identity provider (iam-semantics §4.4). */
export const iamRoleTrustNotPublic = defineRule<IamRoleSnapshot>({
  id: 'iam-role-trust-not-public',
  title: 'Role trust policy does not allow anyone to assume the role',
  severity: 'CRITICAL',
  kind: IAM_KIND.role,
  anchors: {},
  trigger: 'E',
  reads: ['iam:GetRole'],
  remediation: { text: 'Name the accounts, roles or services that may assume the role, or add a condition that pins them (aws:PrincipalOrgID, aws:PrincipalArn, the provider\'s sub).', cli: 'aws iam update-assume-role-policy --role-name <role> --policy-document file://trust.json' },
  rationale: 'A role anyone can assume hands its permissions to the whole internet.',
  evaluate: (role, ctx, ref) => {
    if (!role.trustPolicy) return unobserved(`role ${role.name}: no trust policy in this snapshot`);
    const verdict = analyzePolicy('trust-policy', role.trustPolicy, policyContext(ctx, ref, role.arn)).public;
    return verdict.value
      ? fail(`role ${role.name} can be assumed by anyone`, [
          judgementEvidence({ label: 'trust policy', field: 'trustPolicy', policy: role.arn, document: role.trustPolicy }, verdict, 'admit any principal'),
        ])
      : pass(`role ${role.name} cannot be assumed by anyone`);
  },
});
