import { IAM_KIND } from '../../resources/iam/kinds';
import type { IamAccountSnapshot } from '../../resources/iam/types';
import { defineRule, fail, notApplicable, pass } from '../define-rule';

export const iamRootCredentialsCentrallyManaged = defineRule<IamAccountSnapshot>({
  id: 'iam-root-credentials-centrally-managed',
  title: 'Organizations centralized root credential management is enabled',
  severity: 'HIGH',
  kind: IAM_KIND.account,
  anchors: { prowler: ['iam_root_credentials_management_enabled'] },
  trigger: 'E*',
  reads: ['iam:ListOrganizationsFeatures'],
  remediation: {
    text: 'In the management account, enable trusted access for IAM and turn on root credentials management, then remove member accounts\' root credentials.',
    cli: 'aws iam enable-organizations-root-credentials-management',
  },
  rationale: 'Without root credentials in member accounts there is no root password or key to steal.',
  evaluate: (account) => {
    const features = account.organizationsFeatures;
    if (!features) return notApplicable(`account ${account.accountId} is not an Organizations management or delegated-administrator account`);
    return features.enabledFeatures.includes('RootCredentialsManagement')
      ? pass(`root credentials management is enabled for organization ${features.organizationId ?? ''}`.trim())
      : fail(`root credentials management is not enabled for organization ${features.organizationId ?? ''}`.trim(), [
          { message: 'RootCredentialsManagement is not among the enabled features', field: 'organizationsFeatures.enabledFeatures', value: features.enabledFeatures },
        ]);
  },
});
