import { FUNCTION_READ_ACTIONS } from '../../resources/lambda/reads';
import { LAMBDA_FUNCTION_KIND, type LambdaFunctionSnapshot } from '../../resources/lambda/types';
import { defineRule, fail, notApplicable, pass } from '../define-rule';
import { isTrue } from './helpers';

export const lambdaLogRetention = defineRule<LambdaFunctionSnapshot>({
  id: 'lambda-log-retention',
  title: 'Lambda function log group has a retention period',
  severity: 'MEDIUM',
  kind: LAMBDA_FUNCTION_KIND,
  anchors: {},
  trigger: 'E',
  reads: [FUNCTION_READ_ACTIONS.configuration, FUNCTION_READ_ACTIONS.logGroups],
  remediation: {
    text: 'Set a retention period on the function\'s log group (and, ideally, a KMS key); create the group ahead of the first invocation so it never starts without one.',
    cli: 'aws logs put-retention-policy --log-group-name /aws/lambda/<function> --retention-in-days 365',
  },
  rationale: 'Log groups created by Lambda keep events forever by default: logs that may hold personal data or tokens accumulate without limit.',
  evaluate(fn, ctx) {
    const group = fn.logGroup;
    if (!group.exists) return notApplicable(`function ${fn.name}: log group ${group.name} does not exist yet (created on the first invocation)`);
    const evidence = [
      { message: `retention ${group.retentionInDays ?? 'never expires'}`, field: 'logGroup.retentionInDays', value: group.retentionInDays },
      { message: `KMS key ${group.kmsKeyId ?? 'none'}`, field: 'logGroup.kmsKeyId', value: group.kmsKeyId },
    ];
    if (group.retentionInDays === null) return fail(`function ${fn.name}: log group ${group.name} never expires its events`, evidence);
    const min = Number(ctx.params.minRetentionDays);
    if (Number.isFinite(min) && min > 0 && group.retentionInDays < min) return fail(`function ${fn.name}: log group ${group.name} keeps events ${group.retentionInDays} days, fewer than ${min}`, evidence);
    if (isTrue(ctx.params.requireLogGroupKms) && !group.kmsKeyId) return fail(`function ${fn.name}: log group ${group.name} is not encrypted with a KMS key`, evidence);
    return pass(`function ${fn.name}: log group ${group.name} keeps events ${group.retentionInDays} days${group.kmsKeyId ? ', KMS-encrypted' : ''}`, evidence);
  },
});
