import { analyzePolicy, DEFAULT_CONFUSED_DEPUTY_EXEMPT_SERVICES } from '../../policy';
import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamRoleSnapshot } from '../../resources/iam/types';
import { defineRule, fail, notApplicable, pass, unobserved } from '../define-rule';
import { judgementEvidence } from './lib/judge';
import { stringListParam } from './lib/params';
import { policyContext } from './lib/policies';
import { servicePrincipals, trustAllowStatements } from './lib/roles';

/**
 * Exempt by default: the compute services a role only reaches through a same-account iam:PassRole (the engine's
 * default) and those Prowler exempts (secretsmanager, eks). Override with `confusedDeputyExemptServices`.
 */
export const DEFAULT_EXEMPT_SERVICES = [...DEFAULT_CONFUSED_DEPUTY_EXEMPT_SERVICES, 'secretsmanager.amazonaws.com', 'eks.amazonaws.com'] as const;

export const iamRoleTrustConfusedDeputy = defineRule<IamRoleSnapshot>({
  id: 'iam-role-trust-confused-deputy',
  title: 'Service-role trust policy limits service principals to our own sources',
  severity: 'HIGH',
  kind: IAM_KIND.role,
  anchors: { prowler: ['iam_role_cross_service_confused_deputy_prevention'] },
  trigger: 'E',
  reads: ['iam:GetRole'],
  remediation: {
    text: 'Add aws:SourceAccount (and aws:SourceArn where the service sets it) conditions to the trust statement of the service principal.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html',
  },
  rationale: 'Without a source condition, the service can be tricked by another customer into using this role on their behalf.',
  evaluate: (role, ctx, ref) => {
    if (role.serviceLinked) return notApplicable(`role ${role.name} is a service-linked role`);
    if (!role.trustPolicy) return unobserved(`role ${role.name}: no trust policy in this snapshot`);
    if (!trustAllowStatements(role).some((s) => servicePrincipals(s).length > 0)) return notApplicable(`role ${role.name} trusts no AWS service`);
    const exempt = stringListParam(ctx, 'confusedDeputyExemptServices', DEFAULT_EXEMPT_SERVICES);
    const verdict = analyzePolicy('trust-policy', role.trustPolicy, { ...policyContext(ctx, ref, role.arn), confusedDeputyExemptServices: exempt }).confusedDeputy;
    return verdict.value
      ? fail(`role ${role.name} trusts AWS services without aws:SourceAccount / aws:SourceArn`, [
          judgementEvidence({ label: 'trust policy', field: 'trustPolicy', policy: role.arn, document: role.trustPolicy }, verdict, 'admit a service principal without a source condition', { exemptServices: exempt }),
        ])
      : pass(`role ${role.name} limits its service principals to our sources`);
  },
});
