import { reportFlag, ROOT_REPORT_USER } from '../../resources/iam/credential-report';
import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamAccountSnapshot } from '../../resources/iam/types';
import { defineRule, fail, pass, unobserved } from '../define-rule';

/**
 * CIS "manage identities centrally" (manual in CIS): PASS when a SAML or OIDC identity provider exists (IAM Identity
 * Center creates a SAML provider in each account) and no IAM user has a console password; otherwise the IAM console
 * users are listed for review.
 */
export const iamFederationCentral = defineRule<IamAccountSnapshot>({
  id: 'iam-federation-central',
  title: 'Human users are managed centrally (federation or IAM Identity Center)',
  severity: 'LOW',
  kind: IAM_KIND.account,
  anchors: { cis: ['v3 1.21', 'v5 1.20'], prowler: ['iam_check_saml_providers_sts'] },
  trigger: 'E*',
  reads: ['iam:ListSAMLProviders', 'iam:ListOpenIDConnectProviders', 'iam:GenerateCredentialReport', 'iam:GetCredentialReport'],
  remediation: {
    text: 'Federate console access through IAM Identity Center or a SAML identity provider, then remove the IAM users\' console passwords.',
    url: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/what-is.html',
  },
  rationale: 'Central identities are created, reviewed and revoked in one place; IAM users drift and keep long-lived passwords.',
  evaluate: (account) => {
    if (!account.credentialReport) return unobserved('the credential report is not available');
    const providers = [...account.samlProviders, ...account.oidcProviders];
    const consoleUsers = account.credentialReport.rows
      .filter((r) => r.user !== ROOT_REPORT_USER && reportFlag(r.password_enabled) === true)
      .map((r) => r.user)
      .sort();
    if (providers.length > 0 && consoleUsers.length === 0) return pass(`identities are federated (${providers.length} provider(s)) and no IAM user has a console password`);
    return fail(
      providers.length === 0 ? `account ${account.accountId} has no SAML or OIDC identity provider` : `${consoleUsers.length} IAM user(s) still have console passwords`,
      [
        ...(providers.length === 0 ? [{ message: 'no SAML or OIDC identity provider', field: 'samlProviders', value: [] }] : []),
        ...(consoleUsers.length > 0 ? [{ message: `IAM users with console access: ${consoleUsers.join(', ')}`, field: 'credentialReport.password_enabled', value: consoleUsers }] : []),
      ],
    );
  },
});
