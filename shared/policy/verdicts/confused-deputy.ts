/**
 * (e) CONFUSED DEPUTY — spec §8: a service principal without a fixed aws:SourceArn / SourceAccount / SourceOrgID /
 * SourceOrgPaths can be made to act for any source account.
 */
import type { PolicyContext } from '../index';
import { sourceRestriction } from '../conditions';
import type { CompiledPolicy } from '../model';
import { statementLabel, verdictUnits, type Finding } from './common';

/**
 * Compute services receive their roles through iam:PassRole by a principal of the same account, and do not all
 * send Source* keys, so trust policies naming them are exempt by default (spec §8 caveat, §11 item 12).
 */
export const DEFAULT_CONFUSED_DEPUTY_EXEMPT_SERVICES = ['ec2.amazonaws.com', 'lambda.amazonaws.com', 'ecs-tasks.amazonaws.com'] as const;

export const confusedDeputyFindings = (policy: CompiledPolicy, ctx: PolicyContext): Finding[] => {
  const findings: Finding[] = [];
  if (policy.kind === 'identity-policy') return findings;
  const exempt = new Set(
    (ctx.confusedDeputyExemptServices ?? (policy.kind === 'trust-policy' ? DEFAULT_CONFUSED_DEPUTY_EXEMPT_SERVICES : [])).map((s) => s.toLowerCase()),
  );
  for (const allow of policy.allows) {
    for (const unit of verdictUnits(policy, allow)) {
      // Only services the statement names: a Deny NotPrincipal can narrow "*" down to a service, which is no trust of it.
      const named = (name: string) => allow.principals?.some((p) => p.type === 'service' && p.name === name) ?? false;
      const services = (unit.atoms ?? []).filter((a) => a.type === 'service' && !exempt.has(a.name) && named(a.name)).map((a) => a.written);
      if (services.length === 0 || sourceRestriction(unit.conditions, policy.variables)) continue;
      const bucketOnly = unit.conditions.some((c) => c.key === 'aws:sourcearn' && c.values.some((v) => /^arn:[^:]+:s3:::/.test(v)));
      const why = bucketOnly
        ? 'its aws:SourceArn names an S3 bucket (no account in the ARN) and no fixed aws:SourceAccount backs it'
        : 'no fixed aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or aws:SourceOrgPaths limits the source';
      findings.push({ statement: allow, reason: `${statementLabel(allow)} trusts service ${services.join(', ')} for any source account: ${why}` });
      break;
    }
  }
  return findings;
};
