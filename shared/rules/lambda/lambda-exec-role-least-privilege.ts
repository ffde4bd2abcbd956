import type { Evidence } from '../../core';
import { analyzePolicy, parsePolicy } from '../../policy';
import { FUNCTION_READ_ACTIONS } from '../../resources/lambda/reads';
import { ROLE_READ_ACTIONS } from '../../resources/lambda/role';
import { LAMBDA_FUNCTION_KIND, type LambdaFunctionSnapshot } from '../../resources/lambda/types';
import { defineRule, fail, notApplicable, pass } from '../define-rule';

/** AWS managed policies that give far more than a function needs. */
const BROAD_AWS_MANAGED = /^(?:AdministratorAccess|PowerUserAccess|.*FullAccess(?:V\d+)?)$/;
const WILDCARD_ACTION = /^(?:\*|[a-z0-9-]+:\*)$/i;

/**
 * Limitation (documented): the catalogue also asks to flag roles shared by many functions; that needs an account-wide view
 * of all functions and is not part of a per-function snapshot, so it is not checked here.
 */
export const lambdaExecRoleLeastPrivilege = defineRule<LambdaFunctionSnapshot>({
  id: 'lambda-exec-role-least-privilege',
  title: 'Lambda execution role is not an administrator and grants no wildcard actions',
  severity: 'HIGH',
  kind: LAMBDA_FUNCTION_KIND,
  anchors: {},
  trigger: 'E',
  reads: [FUNCTION_READ_ACTIONS.configuration, ...ROLE_READ_ACTIONS],
  remediation: {
    text: 'Give each function its own role with only the actions and resources it uses (start from AWSLambdaBasicExecutionRole); detach AdministratorAccess, PowerUserAccess and *FullAccess policies and replace "*" / "service:*" actions with named ones.',
    cli: 'aws iam detach-role-policy --role-name <role> --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
  },
  rationale: 'Code running in the function (including a vulnerable dependency) acts with its role: an over-broad role turns one bug into an account compromise.',
  evaluate(fn, ctx, ref) {
    if (!fn.role) return notApplicable(`function ${fn.name} reports no execution role`);
    const role = fn.executionRole;
    if (!role) return notApplicable(`function ${fn.name}: execution role ${fn.role} does not exist in this account`);
    const evidence: Evidence[] = [];
    for (const p of role.policies) {
      if (p.awsManaged) {
        if (BROAD_AWS_MANAGED.test(p.name)) evidence.push({ message: `AWS managed policy ${p.name} is attached`, field: 'executionRole.policies', value: p.arn });
        continue;
      }
      if (!p.document) continue;
      const label = p.arn ? `customer managed policy ${p.name}` : `inline policy ${p.name}`;
      const admin = analyzePolicy('identity-policy', p.document, { accountId: ref.accountId, orgId: ctx.orgId, trustedAccountIds: ctx.params.trustedAccountIds }).admin;
      if (admin.value) {
        evidence.push({ message: `${label} grants administrator access: ${admin.reasons.join('; ')}`, field: 'executionRole.policies', statements: admin.statements, value: p.arn ?? p.name });
        continue;
      }
      const wildcard = parsePolicy(p.document).statements.filter((s) => s.effect === 'Allow' && (s.actions ?? []).some((a) => WILDCARD_ACTION.test(a)));
      if (wildcard.length > 0) {
        evidence.push({
          message: `${label} allows wildcard actions ${[...new Set(wildcard.flatMap((s) => (s.actions ?? []).filter((a) => WILDCARD_ACTION.test(a))))].join(', ')}`,
          field: 'executionRole.policies',
          statements: wildcard.map((s) => ({ index: s.index, ...(s.sid ? { sid: s.sid } : {}) })),
          value: p.arn ?? p.name,
        });
      }
    }
    if (evidence.length > 0) return fail(`function ${fn.name}: execution role ${role.name} is over-privileged`, evidence);
    return pass(`function ${fn.name}: execution role ${role.name} has no administrator, *FullAccess or wildcard-action policy (${role.policies.length} policies checked)`, [
      { message: 'policies checked', field: 'executionRole.policies', value: role.policies.map((p) => p.name) },
    ]);
  },
});
