import { FUNCTION_READ_ACTIONS } from '../../resources/lambda/reads';
import { LAMBDA_FUNCTION_KIND, type LambdaFunctionSnapshot } from '../../resources/lambda/types';
import { defineRule, fail, notApplicable, pass } from '../define-rule';

export const lambdaFunctionUrlCors = defineRule<LambdaFunctionSnapshot>({
  id: 'lambda-function-url-cors',
  title: 'Lambda function URL CORS does not allow any origin',
  severity: 'MEDIUM',
  kind: LAMBDA_FUNCTION_KIND,
  anchors: { prowler: ['awslambda_function_url_cors_policy'] },
  trigger: 'E',
  reads: [FUNCTION_READ_ACTIONS.urlConfigs],
  remediation: {
    text: 'List the exact origins that may call the URL from a browser instead of "*".',
    cli: 'aws lambda update-function-url-config --function-name <function> --cors \'{"AllowOrigins":["https://app.example.com"]}\'',
  },
  rationale: 'A wildcard origin lets any web page call the function from a visitor\'s browser; with credentials allowed, it can act with the visitor\'s cookies.',
  evaluate(fn) {
    if (fn.functionUrls.length === 0) return notApplicable(`function ${fn.name} has no function URL`);
    const wildcard = fn.functionUrls.filter((u) => u.cors?.allowOrigins.includes('*'));
    if (wildcard.length === 0) return pass(`function ${fn.name}: function URL CORS names its origins`, [{ message: 'no wildcard origin', field: 'functionUrls' }]);
    const withCredentials = wildcard.some((u) => u.cors?.allowCredentials);
    return fail(`function ${fn.name}: function URL CORS allows any origin${withCredentials ? ' with credentials' : ''}`, wildcard.map((u) => ({
      message: `${u.qualifier ? `URL of alias ${u.qualifier}` : 'URL'}: AllowOrigins "*"${u.cors?.allowCredentials ? ' and AllowCredentials true' : ''}`,
      field: 'functionUrls',
      value: u.qualifier,
    })));
  },
});
