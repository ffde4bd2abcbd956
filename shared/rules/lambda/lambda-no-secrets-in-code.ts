import { CODE_READ_ACTIONS } from '../../resources/lambda/reads';
import { LAMBDA_FUNCTION_CODE_KIND, type LambdaFunctionCodeSnapshot } from '../../resources/lambda/types';
import { defineRule, fail, notApplicable, pass } from '../define-rule';

export const lambdaNoSecretsInCode = defineRule<LambdaFunctionCodeSnapshot>({
  id: 'lambda-no-secrets-in-code',
  title: 'Lambda deployment package contains no secrets',
  severity: 'CRITICAL',
  kind: LAMBDA_FUNCTION_CODE_KIND,
  anchors: { prowler: ['awslambda_function_no_secrets_in_code'] },
  trigger: 'E',
  reads: [CODE_READ_ACTIONS.getFunction],
  remediation: {
    text: 'Remove the secret from the code, store it in AWS Secrets Manager or SSM Parameter Store, read it at run time, redeploy, and rotate the exposed value.',
    cli: 'aws lambda update-function-code --function-name <function> --zip-file fileb://package-without-secrets.zip',
  },
  rationale: 'Anyone with lambda:GetFunction can download the package; secrets in it also live on in build artefacts and source control.',
  evaluate(code) {
    if (code.scan.state === 'skipped') return notApplicable(`function ${code.name}: package not scanned (${code.scan.reason ?? 'skipped'})`);
    if (code.scan.hits.length === 0) {
      return pass(`function ${code.name}: no secrets found in ${code.scan.filesScanned} file(s) of the package${code.scan.reason ? ` (${code.scan.reason})` : ''}`, [
        { message: 'files scanned', field: 'scan.filesScanned', value: code.scan.filesScanned },
      ]);
    }
    return fail(
      `function ${code.name}: ${code.scan.hits.length} possible secret(s) in the deployment package`,
      code.scan.hits.map((h) => ({ message: `${h.file}:${h.line}: ${h.reason}`, field: 'scan.hits', value: { file: h.file, line: h.line, detector: h.detector, sha256Prefix: h.sha256Prefix } })),
    );
  },
});
