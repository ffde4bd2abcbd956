import { FUNCTION_READ_ACTIONS } from '../../resources/lambda/reads';
import { LAMBDA_FUNCTION_KIND, type LambdaFunctionSnapshot } from '../../resources/lambda/types';
import { defineRule, fail, notApplicable, pass } from '../define-rule';
import { inVpc, isEdgeRole } from './helpers';

export const lambdaInVpc = defineRule<LambdaFunctionSnapshot>({
  id: 'lambda-in-vpc',
  title: 'Lambda function is attached to a VPC',
  severity: 'LOW',
  kind: LAMBDA_FUNCTION_KIND,
  anchors: { securityHub: ['Lambda.3'], fsbp: false, prowler: ['awslambda_function_inside_vpc'] },
  trigger: 'E',
  reads: [FUNCTION_READ_ACTIONS.configuration],
  remediation: {
    text: 'Attach the function to private subnets and security groups of a VPC when it handles VPC-only data (treat this as a policy choice, not a blanket requirement).',
    cli: 'aws lambda update-function-configuration --function-name <function> --vpc-config SubnetIds=<subnet-a>,<subnet-b>,SecurityGroupIds=<sg>',
  },
  rationale: 'Functions in a VPC can reach private resources without public endpoints and can be confined by security groups and VPC endpoints.',
  evaluate(fn) {
    const evidence = [{ message: `${fn.vpc.subnetIds.length} subnet(s)`, field: 'vpc.subnetIds', value: fn.vpc.subnetIds }];
    // An edge function cannot be in a VPC, so the role's trust policy is read only for functions outside one.
    if (inVpc(fn)) return pass(`function ${fn.name} is attached to VPC ${fn.vpc.vpcId ?? '(unknown)'}`, evidence);
    if (isEdgeRole(fn)) return notApplicable(`function ${fn.name} is a Lambda@Edge function (its role trusts edgelambda.amazonaws.com); edge replicas cannot use a VPC`);
    return fail(`function ${fn.name} is not attached to a VPC`, evidence);
  },
});
