import { defineRule, fail, pass } from '../define-rule';
import { disabledFlags } from '../../resources/s3/access';
import type { S3AccountPublicAccessBlockConfig } from '../../resources/s3/types';

export const s3AccountPublicAccessBlock = defineRule<S3AccountPublicAccessBlockConfig>({
  id: 's3-account-public-access-block',
  title: 'Account-level S3 Block Public Access is fully enabled',
  severity: 'MEDIUM',
  kind: 'AWS::S3::AccountPublicAccessBlock',
  anchors: { securityHub: ['S3.1'], fsbp: true, cis: ['v3 2.1.4', 'v5 2.1.4'], prowler: ['s3_account_level_public_access_blocks'] },
  trigger: 'E*',
  reads: ['s3:GetAccountPublicAccessBlock'],
  remediation: {
    text: 'Turn on all four Block Public Access settings for the account; buckets that must be public are better served through CloudFront.',
    cli: 'aws s3control put-public-access-block --account-id <account-id> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
  },
  rationale: 'Account-level Block Public Access overrides bucket ACLs and policies, so one mistake on a bucket cannot expose its data.',
  // Security Hub requires all four flags (Prowler only IgnorePublicAcls + RestrictPublicBuckets); we follow Security Hub.
  evaluate: (account) => {
    if (!account.publicAccessBlock) {
      return fail(`account ${account.accountId} has no account-level S3 Block Public Access configuration`, [
        { field: 'publicAccessBlock', value: null, message: 'no account-level Block Public Access configuration' },
      ]);
    }
    const off = disabledFlags(account.publicAccessBlock);
    if (off.length > 0) {
      return fail(`account ${account.accountId}: account-level S3 Block Public Access has ${off.join(', ')} off`, [
        { field: 'publicAccessBlock', value: off, message: `disabled: ${off.join(', ')}` },
      ]);
    }
    return pass(`account ${account.accountId}: all four account-level S3 Block Public Access settings are on`);
  },
});
