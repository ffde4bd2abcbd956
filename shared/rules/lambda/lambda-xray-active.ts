import { FUNCTION_READ_ACTIONS } from '../../resources/lambda/reads';
import { LAMBDA_FUNCTION_KIND, type LambdaFunctionSnapshot } from '../../resources/lambda/types';
import { defineRule, fail, pass } from '../define-rule';

export const lambdaXrayActive = defineRule<LambdaFunctionSnapshot>({
  id: 'lambda-xray-active',
  title: 'Lambda function has X-Ray active tracing on',
  severity: 'LOW',
  kind: LAMBDA_FUNCTION_KIND,
  anchors: { securityHub: ['Lambda.7'], fsbp: false },
  trigger: 'E',
  reads: [FUNCTION_READ_ACTIONS.configuration],
  remediation: {
    text: 'Turn on active tracing (the execution role needs xray:PutTraceSegments and xray:PutTelemetryRecords).',
    cli: 'aws lambda update-function-configuration --function-name <function> --tracing-config Mode=Active',
  },
  rationale: 'Traces show which downstream calls a function made and where it failed, which investigations of incidents depend on.',
  evaluate(fn) {
    const mode = fn.tracingMode ?? 'PassThrough';
    const evidence = [{ message: `tracing mode ${mode}`, field: 'tracingMode', value: mode }];
    return mode === 'Active' ? pass(`function ${fn.name} has active tracing`, evidence) : fail(`function ${fn.name} tracing mode is ${mode}, not Active`, evidence);
  },
});
