import { ApigatewayParam, listParamOr } from '../../resources/apigateway/inspect';
import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { DomainNameSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, pass, unobserved } from '../define-rule';

/** Security policies Security Hub APIGateway.11 accepts (data, replaceable with the apigwDomainTlsPolicies parameter). */
const RECOMMENDED_DOMAIN_TLS_POLICIES = [
  'SecurityPolicy_TLS13_1_3_2025_09',
  'SecurityPolicy_TLS13_1_3_FIPS_2025_09',
  'SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09',
  'SecurityPolicy_TLS13_2025_EDGE',
  'SecurityPolicy_TLS12_PFS_2025_EDGE',
] as const;

export const apigwDomainTlsPolicy = defineRule<DomainNameSnapshot>({
  id: 'apigw-domain-tls-policy',
  title: 'API Gateway custom domain uses a recommended TLS security policy',
  severity: 'MEDIUM',
  kind: ApigatewayKind.DOMAIN_NAME,
  anchors: { securityHub: ['APIGateway.11'] },
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Switch the custom domain to one of the 2025 enhanced TLS security policies.',
    cli: "aws apigateway update-domain-name --domain-name <domain> --patch-operations 'op=replace,path=/securityPolicy,value=SecurityPolicy_TLS13_1_3_2025_09'",
  },
  rationale: 'Legacy policies (TLS_1_0, TLS_1_2) allow old protocol versions and weak cipher suites.',
  evaluate(domain, ctx) {
    const allowed = listParamOr(ctx, ApigatewayParam.DOMAIN_TLS_POLICIES, RECOMMENDED_DOMAIN_TLS_POLICIES);
    if (domain.securityPolicy === null) return unobserved(`domain ${domain.domainName}: security policy not present in this snapshot`);
    if (!allowed.includes(domain.securityPolicy)) {
      const message = `domain ${domain.domainName}: security policy ${domain.securityPolicy} is not a recommended policy`;
      return fail(message, [{ message, field: 'securityPolicy', value: domain.securityPolicy }]);
    }
    return pass(`domain ${domain.domainName}: security policy ${domain.securityPolicy}`, [{ message: 'recommended policy', field: 'securityPolicy', value: domain.securityPolicy }]);
  },
});
