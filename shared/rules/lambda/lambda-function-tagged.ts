import { FUNCTION_READ_ACTIONS } from '../../resources/lambda/reads';
import { LAMBDA_FUNCTION_KIND, type LambdaFunctionSnapshot } from '../../resources/lambda/types';
import { defineRule } from '../define-rule';
import { checkTags } from '../tags';

export const lambdaFunctionTagged = defineRule<LambdaFunctionSnapshot>({
  id: 'lambda-function-tagged',
  title: 'Lambda function is tagged',
  severity: 'LOW',
  kind: LAMBDA_FUNCTION_KIND,
  anchors: { securityHub: ['Lambda.6'], fsbp: false },
  trigger: 'E',
  reads: [FUNCTION_READ_ACTIONS.tags],
  remediation: {
    text: 'Add tags (owner, environment, and any keys your tagging policy requires) to the function.',
    cli: 'aws lambda tag-resource --resource <function-arn> --tags owner=<team>',
  },
  rationale: 'Untagged functions cannot be attributed to an owner or cost centre, which slows incident response.',
  evaluate: (fn, ctx) => checkTags(`function ${fn.name}`, fn.tags, ctx),
});
