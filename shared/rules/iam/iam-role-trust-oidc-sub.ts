import { analyzePolicy } from '../../policy';
import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamRoleSnapshot } from '../../resources/iam/types';
import { defineRule, fail, notApplicable, pass, unobserved } from '../define-rule';
import { judgementEvidence } from './lib/judge';
import { policyContext } from './lib/policies';
import { trustAllowStatements, webIdentityProviders } from './lib/roles';

/**
 * Web-identity trust (GitHub Actions and other OIDC providers, Cognito) must pin the token's subject / audience. The
 * engine decides (iam-semantics §4.4: a GitHub `sub` fixed to `repo:<org>/<repo>:` passes, `aud` alone does not); this rule
 * reports the web-identity statements it finds open. (The catalogue also asks for `aud`; the semantics spec, which
 * prevails on policy judgments, does not count it as a restriction.)
 */
export const iamRoleTrustOidcSub = defineRule<IamRoleSnapshot>({
  id: 'iam-role-trust-oidc-sub',
  title: 'Web-identity (OIDC) role trust pins the token subject',
  severity: 'HIGH',
  kind: IAM_KIND.role,
  anchors: {},
  trigger: 'E',
  reads: ['iam:GetRole'],
  remediation: {
    text: 'Add a StringEquals / StringLike condition on <provider>:sub naming the repository (and branch or environment), and on <provider>:aud.',
    url: 'https://docs.github.com/en/actions/deployment/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services',
  },
  rationale: 'An OIDC trust without a subject lets any repository (or identity) of the provider assume the role.',
  evaluate: (role, ctx, ref) => {
    if (!role.trustPolicy) return unobserved(`role ${role.name}: no trust policy in this snapshot`);
    const webIdentity = trustAllowStatements(role).filter((s) => webIdentityProviders(s).length > 0);
    if (webIdentity.length === 0) return notApplicable(`role ${role.name} trusts no web-identity provider`);
    const indexes = new Set(webIdentity.map((s) => s.index));
    const verdict = analyzePolicy('trust-policy', role.trustPolicy, policyContext(ctx, ref, role.arn)).public;
    const open = verdict.statements.filter((s) => indexes.has(s.index));
    const providers = [...new Set(webIdentity.filter((s) => open.some((o) => o.index === s.index)).flatMap(webIdentityProviders))];
    return open.length > 0
      ? fail(`role ${role.name} trusts ${providers.join(', ')} without pinning the token subject`, [
          judgementEvidence({ label: 'trust policy', field: 'trustPolicy', policy: role.arn, document: role.trustPolicy }, { ...verdict, statements: open }, 'admit any identity of the provider', { providers }),
        ])
      : pass(`role ${role.name} pins the subject of its web-identity trust`);
  },
});
