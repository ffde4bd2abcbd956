import { FUNCTION_READ_ACTIONS } from '../../resources/lambda/reads';
import { LAMBDA_FUNCTION_KIND, type LambdaFunctionSnapshot } from '../../resources/lambda/types';
import { defineRule, fail, notApplicable, pass } from '../define-rule';
import { isTrue } from './helpers';
import { OS_ONLY_RUNTIMES, RUNTIME_DATA_VERSION, runtimeStatus, SECURITY_HUB_SUPPORTED_RUNTIMES } from './runtimes';

export const lambdaSupportedRuntime = defineRule<LambdaFunctionSnapshot>({
  id: 'lambda-supported-runtime',
  title: 'Lambda function uses a supported runtime',
  severity: 'MEDIUM',
  kind: LAMBDA_FUNCTION_KIND,
  anchors: { securityHub: ['Lambda.2'], fsbp: true, prowler: ['awslambda_function_using_supported_runtimes'] },
  // Runtimes deprecate with no API call: the daily sweep re-evaluates with ctx.now.
  trigger: 'E+P',
  reads: [FUNCTION_READ_ACTIONS.configuration],
  remediation: {
    text: 'Move the function to a current runtime of its language (test the code against the new major version first).',
    cli: 'aws lambda update-function-configuration --function-name <function> --runtime <nodejs22.x|python3.13|java21|...>',
  },
  rationale: 'Deprecated runtimes no longer get security patches, and Lambda eventually blocks updates of functions that use them.',
  evaluate(fn, ctx) {
    if (fn.packageType === 'Image') return notApplicable(`function ${fn.name} is a container image; its runtime is part of the image`);
    const runtime = fn.runtime;
    if (!runtime) return notApplicable(`function ${fn.name} reports no runtime`);
    const status = runtimeStatus(runtime, ctx.now);
    const evidence = [{ message: `runtime ${runtime}${status.deprecatedOn ? `, deprecation ${status.deprecatedOn}` : ''} (runtime data ${RUNTIME_DATA_VERSION})`, field: 'runtime', value: runtime }];
    if (status.deprecated) return fail(`function ${fn.name} uses ${runtime}, deprecated since ${status.deprecatedOn}`, evidence);
    if (OS_ONLY_RUNTIMES.includes(runtime)) {
      return isTrue(ctx.params.allowOsOnlyRuntimes)
        ? pass(`function ${fn.name} uses the OS-only runtime ${runtime} (allowed by allowOsOnlyRuntimes)`, evidence)
        : fail(`function ${fn.name} uses the OS-only runtime ${runtime}, which Security Hub's list does not include (set allowOsOnlyRuntimes to accept it)`, evidence);
    }
    if (!SECURITY_HUB_SUPPORTED_RUNTIMES.includes(runtime)) return fail(`function ${fn.name} uses ${runtime}, which is not a supported runtime`, evidence);
    const soon = status.daysLeft !== undefined && status.daysLeft <= 180 ? `; deprecation in ${status.daysLeft} day(s) on ${status.deprecatedOn}` : '';
    return pass(`function ${fn.name} uses the supported runtime ${runtime}${soon}`, evidence);
  },
});
