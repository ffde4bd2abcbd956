import type { Evidence } from '../../core';
import { analyzePolicy, parsePolicy } from '../../policy';
import { FUNCTION_READ_ACTIONS } from '../../resources/lambda/reads';
import { LAMBDA_FUNCTION_KIND, type LambdaFunctionSnapshot } from '../../resources/lambda/types';
import { defineRule, fail, pass } from '../define-rule';
import { isTrue } from './helpers';

export const lambdaFunctionNotPublic = defineRule<LambdaFunctionSnapshot>({
  id: 'lambda-function-not-public',
  title: 'Lambda function resource policy prohibits public access',
  severity: 'CRITICAL',
  kind: LAMBDA_FUNCTION_KIND,
  anchors: { securityHub: ['Lambda.1'], fsbp: true, prowler: ['awslambda_function_not_publicly_accessible'] },
  trigger: 'E',
  reads: [FUNCTION_READ_ACTIONS.policy],
  remediation: {
    text: 'Remove statements that allow any principal ("*") without a fixed aws:SourceArn / aws:SourceAccount / aws:PrincipalOrgID condition; give s3.amazonaws.com grants an aws:SourceAccount condition.',
    cli: 'aws lambda remove-permission --function-name <function> --statement-id <sid>',
  },
  rationale: 'A public resource policy lets anyone invoke (or, depending on the actions, change) the function, running code and spending money in this account.',
  evaluate(fn, ctx, ref) {
    const policyCtx = { accountId: ref.accountId, orgId: ctx.orgId, trustedAccountIds: ctx.params.trustedAccountIds, resourceArn: fn.arn };
    const strict = isTrue(ctx.params.strictServicePrincipals);
    const problemsOf = (qualifier: string | null, text: string): Evidence[] => {
      const where = qualifier ? `alias ${qualifier} policy` : 'policy';
      const field = qualifier ? 'aliasPolicies' : 'policy';
      const verdicts = analyzePolicy('lambda-resource-policy', text, policyCtx);
      const evidence: Evidence[] = [];
      if (verdicts.public.value) {
        evidence.push({ message: `${where}: ${verdicts.public.reasons.join('; ')}`, field, statements: verdicts.public.statements, value: 'public' });
      }
      if (verdicts.confusedDeputy.value) {
        // Security Hub fails s3.amazonaws.com grants without aws:SourceAccount (bucket names are global); strict mode: every service.
        const statements = parsePolicy(text).statements;
        const refs = verdicts.confusedDeputy.statements.filter(
          (s) => strict || (statements[s.index]?.principal?.service ?? []).some((svc) => svc.toLowerCase() === 's3.amazonaws.com'),
        );
        if (refs.length > 0) {
          evidence.push({
            message: `${where}: ${strict ? 'service principal' : 's3.amazonaws.com'} grant without a fixed source account (${verdicts.confusedDeputy.reasons.join('; ')})`,
            field,
            statements: refs,
            value: 'confused-deputy',
          });
        }
      }
      return evidence;
    };
    // A public function policy fails whatever its aliases allow: they are read only when it does not.
    const own = fn.policy ? problemsOf(null, fn.policy) : [];
    if (own.length > 0) return fail(`function ${fn.name}: resource policy allows public access`, own);
    const documents = [
      ...(fn.policy ? [{ qualifier: null as string | null, text: fn.policy }] : []),
      ...fn.aliasPolicies.map((p) => ({ qualifier: p.qualifier as string | null, text: p.policy })),
    ];
    if (documents.length === 0) return pass(`function ${fn.name} has no resource-based policy`, [{ message: 'no resource policy', field: 'policy', value: null }]);
    const evidence = documents.flatMap((d) => (d.qualifier === null ? [] : problemsOf(d.qualifier, d.text)));
    if (evidence.length > 0) return fail(`function ${fn.name}: resource policy allows public access`, evidence);
    return pass(`function ${fn.name}: resource policy allows no public access`, documents.map((d) => ({ message: `${d.qualifier ? `alias ${d.qualifier} ` : ''}policy checked`, field: d.qualifier ? 'aliasPolicies' : 'policy' })));
  },
});
