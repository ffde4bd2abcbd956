import { FUNCTION_READ_ACTIONS } from '../../resources/lambda/reads';
import { LAMBDA_FUNCTION_KIND, type LambdaFunctionSnapshot } from '../../resources/lambda/types';
import { defineRule, fail, notApplicable, pass } from '../define-rule';
import { inVpc } from './helpers';

export const lambdaVpcMultiAz = defineRule<LambdaFunctionSnapshot>({
  id: 'lambda-vpc-multi-az',
  title: 'VPC Lambda function uses subnets in at least two Availability Zones',
  severity: 'MEDIUM',
  kind: LAMBDA_FUNCTION_KIND,
  anchors: { securityHub: ['Lambda.5'], fsbp: true, prowler: ['awslambda_function_vpc_multi_az'] },
  trigger: 'E',
  reads: [FUNCTION_READ_ACTIONS.configuration, FUNCTION_READ_ACTIONS.subnets],
  remediation: {
    text: 'Add subnets from further Availability Zones to the function\'s VPC configuration.',
    cli: 'aws lambda update-function-configuration --function-name <function> --vpc-config SubnetIds=<subnet-az-a>,<subnet-az-b>,SecurityGroupIds=<sg>',
  },
  rationale: 'A VPC function whose subnets share one Availability Zone stops when that zone fails.',
  evaluate(fn, ctx) {
    if (!inVpc(fn)) return notApplicable(`function ${fn.name} is not attached to a VPC`);
    const raw = Number(ctx.params.availabilityZones ?? 2);
    const required = Number.isInteger(raw) && raw >= 2 && raw <= 6 ? raw : 2;
    const zones = [...new Set(fn.subnets.map((s) => s.availabilityZone).filter((z): z is string => z !== null))].sort();
    const unknown = fn.subnets.filter((s) => s.availabilityZone === null).map((s) => s.id);
    const evidence = [
      { message: `${zones.length} Availability Zone(s) for ${fn.vpc.subnetIds.length} subnet(s)`, field: 'subnets', value: zones },
      ...(unknown.length > 0 ? [{ message: `zone unknown (subnet not found) for ${unknown.join(', ')}`, field: 'subnets', value: unknown }] : []),
    ];
    return zones.length >= required
      ? pass(`function ${fn.name} uses ${zones.length} Availability Zones (${zones.join(', ')})`, evidence)
      : fail(`function ${fn.name} uses ${zones.length} Availability Zone(s), fewer than ${required}`, evidence);
  },
});
