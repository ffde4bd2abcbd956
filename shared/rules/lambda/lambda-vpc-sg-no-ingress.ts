import { FUNCTION_READ_ACTIONS } from '../../resources/lambda/reads';
import { LAMBDA_FUNCTION_KIND, type LambdaFunctionSnapshot } from '../../resources/lambda/types';
import { defineRule, fail, notApplicable, pass } from '../define-rule';
import { inVpc } from './helpers';

const OPEN = new Set(['0.0.0.0/0', '::/0']);

export const lambdaVpcSgNoIngress = defineRule<LambdaFunctionSnapshot>({
  id: 'lambda-vpc-sg-no-ingress',
  title: 'Security groups of a VPC Lambda function allow no ingress from anywhere',
  severity: 'LOW',
  kind: LAMBDA_FUNCTION_KIND,
  anchors: {},
  trigger: 'E',
  reads: [FUNCTION_READ_ACTIONS.configuration, FUNCTION_READ_ACTIONS.securityGroups],
  remediation: {
    text: 'Remove inbound rules open to 0.0.0.0/0 or ::/0 from the function\'s security groups; functions receive no inbound connections and need no ingress rules.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id <sg> --ip-permissions \'[{"IpProtocol":"-1","IpRanges":[{"CidrIp":"0.0.0.0/0"}]}]\'',
  },
  rationale: 'Open ingress on a security group shared by the function exposes every other resource using that group, and signals a group not built for the function.',
  evaluate(fn) {
    if (!inVpc(fn)) return notApplicable(`function ${fn.name} is not attached to a VPC`);
    const open = fn.securityGroups.flatMap((g) =>
      g.ingress
        .filter((r) => [...r.ipv4Ranges, ...r.ipv6Ranges].some((c) => OPEN.has(c)))
        .map((r) => ({
          message: `${g.id} allows ${r.protocol === '-1' ? 'all traffic' : `${r.protocol} ${r.fromPort ?? '*'}-${r.toPort ?? '*'}`} from ${[...r.ipv4Ranges, ...r.ipv6Ranges].filter((c) => OPEN.has(c)).join(', ')}`,
          field: 'securityGroups',
          value: g.id,
        })),
    );
    if (open.length > 0) return fail(`function ${fn.name}: security groups allow ingress from anywhere`, open);
    const missing = fn.vpc.securityGroupIds.filter((id) => !fn.securityGroups.some((g) => g.id === id));
    return pass(`function ${fn.name}: no security group allows ingress from anywhere`, [
      { message: 'security groups checked', field: 'securityGroups', value: fn.securityGroups.map((g) => g.id) },
      ...(missing.length > 0 ? [{ message: `not found: ${missing.join(', ')}`, field: 'vpc.securityGroupIds', value: missing }] : []),
    ]);
  },
});
