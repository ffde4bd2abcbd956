import { ApigatewayParam, listParamOr } from '../../resources/apigateway/inspect';
import { ApigatewayKind } from '../../resources/apigateway/kinds';
import type { DomainNameSnapshot } from '../../resources/apigateway/types';
import { defineRule, fail, pass, unobserved } from '../define-rule';

/** Post-quantum security policies Prowler accepts (data, replaceable with the apigwDomainPqcTlsPolicies parameter). */
const PQC_DOMAIN_TLS_POLICIES = [
  'SecurityPolicy_TLS13_1_2_FIPS_PFS_PQ_2025_09',
  'SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09',
  'SecurityPolicy_TLS13_1_2_PQ_2025_09',
] as const;

export const apigwDomainPqcTls = defineRule<DomainNameSnapshot>({
  id: 'apigw-domain-pqc-tls',
  title: 'API Gateway custom domain uses a post-quantum TLS security policy',
  severity: 'LOW',
  kind: ApigatewayKind.DOMAIN_NAME,
  anchors: { prowler: ['apigateway_domain_name_pqc_tls_enabled'] },
  trigger: 'E',
  reads: ['apigateway:GET'],
  remediation: {
    text: 'Switch the custom domain to a post-quantum (PQ) TLS security policy.',
    cli: "aws apigateway update-domain-name --domain-name <domain> --patch-operations 'op=replace,path=/securityPolicy,value=SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09'",
  },
  rationale: 'Hybrid post-quantum key exchange protects recorded traffic against future decryption by quantum computers.',
  evaluate(domain, ctx) {
    const allowed = listParamOr(ctx, ApigatewayParam.DOMAIN_PQC_TLS_POLICIES, PQC_DOMAIN_TLS_POLICIES);
    if (domain.securityPolicy === null) return unobserved(`domain ${domain.domainName}: security policy not present in this snapshot`);
    if (!allowed.includes(domain.securityPolicy)) {
      const message = `domain ${domain.domainName}: security policy ${domain.securityPolicy} has no post-quantum key exchange`;
      return fail(message, [{ message, field: 'securityPolicy', value: domain.securityPolicy }]);
    }
    return pass(`domain ${domain.domainName}: post-quantum policy ${domain.securityPolicy}`, [{ message: 'PQ policy', field: 'securityPolicy', value: domain.securityPolicy }]);
  },
});
