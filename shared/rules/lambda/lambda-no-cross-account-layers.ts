import { accountOfArn } from '../../resources/lambda/names';
import { FUNCTION_READ_ACTIONS } from '../../resources/lambda/reads';
import { LAMBDA_FUNCTION_KIND, type LambdaFunctionSnapshot } from '../../resources/lambda/types';
import { defineRule, fail, notApplicable, pass } from '../define-rule';
import { stringListParam } from './helpers';

export const lambdaNoCrossAccountLayers = defineRule<LambdaFunctionSnapshot>({
  id: 'lambda-no-cross-account-layers',
  title: 'Lambda function uses only layers of its own or trusted accounts',
  severity: 'HIGH',
  kind: LAMBDA_FUNCTION_KIND,
  anchors: { prowler: ['awslambda_function_using_cross_account_layers'] },
  trigger: 'E',
  reads: [FUNCTION_READ_ACTIONS.configuration],
  remediation: {
    text: 'Copy the layer into your own account (after review) or add its publisher account to trustedAccountIds / trustedLayerAccountIds.',
    cli: 'aws lambda update-function-configuration --function-name <function> --layers <own-account-layer-version-arn>',
  },
  rationale: 'A layer runs inside the function with its role: code published by another account can read the function\'s data and use its permissions.',
  evaluate(fn, ctx, ref) {
    if (fn.layers.length === 0) return notApplicable(`function ${fn.name} uses no layers`);
    const trusted = new Set([ref.accountId, ...ctx.params.trustedAccountIds, ...stringListParam(ctx, 'trustedLayerAccountIds')]);
    const foreign = fn.layers.filter((arn) => {
      const account = accountOfArn(arn);
      return account === null || !trusted.has(account);
    });
    if (foreign.length === 0) return pass(`function ${fn.name}: all ${fn.layers.length} layer(s) come from its own or trusted accounts`, [{ message: 'layers', field: 'layers', value: fn.layers }]);
    return fail(`function ${fn.name} uses ${foreign.length} layer(s) from other accounts`, foreign.map((arn) => ({ message: `layer ${arn} belongs to account ${accountOfArn(arn) ?? 'unknown'}`, field: 'layers', value: arn })));
  },
});
