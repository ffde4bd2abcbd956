import { FUNCTION_READ_ACTIONS } from '../../resources/lambda/reads';
import { LAMBDA_FUNCTION_KIND, type LambdaFunctionSnapshot } from '../../resources/lambda/types';
import { defineRule, fail, notApplicable, pass } from '../define-rule';
import { UnobservedInputError } from './helpers';

export const lambdaEnvVarsCmk = defineRule<LambdaFunctionSnapshot>({
  id: 'lambda-env-vars-cmk',
  title: 'Lambda environment variables are encrypted with a customer managed key',
  severity: 'MEDIUM',
  kind: LAMBDA_FUNCTION_KIND,
  anchors: { prowler: ['awslambda_function_env_vars_not_encrypted_with_cmk'] },
  trigger: 'E',
  reads: [FUNCTION_READ_ACTIONS.configuration],
  remediation: {
    text: 'Encrypt the environment variables with a customer managed KMS key whose key policy limits who can decrypt them.',
    cli: 'aws lambda update-function-configuration --function-name <function> --kms-key-arn <key-arn>',
  },
  rationale: 'With the AWS managed key aws/lambda, anyone allowed to read the function configuration sees the variables; a customer managed key adds a separate, auditable decrypt permission.',
  evaluate(fn) {
    const evidence = [{ message: `KMS key ${fn.kmsKeyArn ?? 'aws/lambda (AWS managed)'}`, field: 'kmsKeyArn', value: fn.kmsKeyArn }];
    // A customer managed key protects whatever variables exist, so this verdict does not need the variables themselves.
    if (fn.kmsKeyArn) return pass(`function ${fn.name}: environment variables are encrypted with ${fn.kmsKeyArn}`, evidence);
    if (!fn.environment) throw new UnobservedInputError(`environment variables of ${fn.name} were not observed; a live read evaluates this rule`);
    if (fn.environment.variableNames.length === 0) return notApplicable(`function ${fn.name} has no environment variables`);
    return fail(`function ${fn.name}: ${fn.environment.variableNames.length} environment variable(s) are encrypted with the AWS managed key only`, evidence);
  },
});
