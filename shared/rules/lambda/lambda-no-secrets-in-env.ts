import { FUNCTION_READ_ACTIONS } from '../../resources/lambda/reads';
import { LAMBDA_FUNCTION_KIND, type LambdaFunctionSnapshot } from '../../resources/lambda/types';
import { defineRule, fail, notApplicable, pass } from '../define-rule';
import { observedEnvironment } from './helpers';

export const lambdaNoSecretsInEnv = defineRule<LambdaFunctionSnapshot>({
  id: 'lambda-no-secrets-in-env',
  title: 'Lambda environment variables contain no secrets',
  severity: 'CRITICAL',
  kind: LAMBDA_FUNCTION_KIND,
  anchors: { prowler: ['awslambda_function_no_secrets_in_variables'] },
  trigger: 'E',
  reads: [FUNCTION_READ_ACTIONS.configuration],
  remediation: {
    text: 'Move the secret to AWS Secrets Manager or SSM Parameter Store (SecureString), keep only its name or ARN in the variable, read it at run time, and rotate the exposed value.',
    cli: 'aws secretsmanager create-secret --name <name> --secret-string file://secret.txt && aws lambda update-function-configuration --function-name <function> --environment "Variables={SECRET_ARN=<secret-arn>}"',
  },
  rationale: 'Environment variables are readable by anyone with lambda:GetFunctionConfiguration and are copied into deployment tooling, logs and templates.',
  evaluate(fn) {
    const env = observedEnvironment(fn);
    if (env.variableNames.length === 0) return notApplicable(`function ${fn.name} has no environment variables`);
    if (env.secretHits.length === 0) return pass(`function ${fn.name}: none of ${env.variableNames.length} environment variable(s) looks secret`, [{ message: 'variables checked', field: 'environment.variableNames', value: env.variableNames }]);
    // Evidence names the variable, the detector and a hash prefix: never the value.
    return fail(
      `function ${fn.name}: ${env.secretHits.length} environment variable(s) look like secrets: ${env.secretHits.map((h) => h.name).join(', ')}`,
      env.secretHits.map((h) => ({ message: `${h.name}: ${h.reason}`, field: `environment.variables.${h.name}`, value: { detector: h.detector, sha256Prefix: h.sha256Prefix } })),
    );
  },
});
