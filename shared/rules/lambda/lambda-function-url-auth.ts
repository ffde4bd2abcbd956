import { FUNCTION_READ_ACTIONS } from '../../resources/lambda/reads';
import { LAMBDA_FUNCTION_KIND, type LambdaFunctionSnapshot } from '../../resources/lambda/types';
import { defineRule, fail, notApplicable, pass } from '../define-rule';
import { stringListParam } from './helpers';

const label = (qualifier: string | null): string => (qualifier ? `URL of alias ${qualifier}` : 'URL');

export const lambdaFunctionUrlAuth = defineRule<LambdaFunctionSnapshot>({
  id: 'lambda-function-url-auth',
  title: 'Lambda function URL requires IAM authentication',
  severity: 'HIGH',
  kind: LAMBDA_FUNCTION_KIND,
  anchors: { prowler: ['awslambda_function_url_public'] },
  trigger: 'E',
  reads: [FUNCTION_READ_ACTIONS.urlConfigs],
  remediation: {
    text: 'Set the function URL\'s auth type to AWS_IAM (callers sign requests), or delete the URL; put intentionally public endpoints behind CloudFront and AWS WAF and list them in publicFunctionUrlAllowList.',
    cli: 'aws lambda update-function-url-config --function-name <function> [--qualifier <alias>] --auth-type AWS_IAM',
  },
  rationale: 'A function URL with auth type NONE is a public, unauthenticated HTTPS endpoint: anyone on the internet can invoke the function.',
  evaluate(fn, ctx) {
    if (fn.functionUrls.length === 0) return notApplicable(`function ${fn.name} has no function URL`);
    const open = fn.functionUrls.filter((u) => u.authType === 'NONE');
    if (open.length === 0) {
      return pass(`function ${fn.name}: every function URL requires IAM authentication`, fn.functionUrls.map((u) => ({ message: `${label(u.qualifier)}: ${u.authType}`, field: 'functionUrls', value: u.qualifier })));
    }
    const evidence = open.map((u) => ({ message: `${label(u.qualifier)}${u.url ? ` ${u.url}` : ''} has auth type NONE`, field: 'functionUrls', value: u.qualifier }));
    const allowed = stringListParam(ctx, 'publicFunctionUrlAllowList');
    if (allowed.includes(fn.name) || allowed.includes(fn.arn)) {
      return pass(`function ${fn.name}: public function URL allowed by publicFunctionUrlAllowList (keep CloudFront and AWS WAF in front of it)`, evidence);
    }
    return fail(`function ${fn.name} has a public function URL (auth type NONE)`, evidence);
  },
});
