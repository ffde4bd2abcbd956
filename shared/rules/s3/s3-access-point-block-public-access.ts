import { defineRule, fail, pass } from '../define-rule';
import { disabledFlags } from '../../resources/s3/access';
import type { S3AccessPointConfig } from '../../resources/s3/types';

export const s3AccessPointBlockPublicAccess = defineRule<S3AccessPointConfig>({
  id: 's3-access-point-block-public-access',
  title: 'S3 access point has Block Public Access fully enabled',
  severity: 'CRITICAL',
  kind: 'AWS::S3::AccessPoint',
  anchors: { securityHub: ['S3.19'], fsbp: true, prowler: ['s3_access_point_public_access_block'] },
  trigger: 'E',
  reads: ['s3:GetAccessPoint'],
  remediation: {
    text: 'Access point BPA settings cannot be changed after creation: delete the access point and create it again with all four settings on.',
    cli: 'aws s3control delete-access-point --account-id <account-id> --name <name> && aws s3control create-access-point --account-id <account-id> --name <name> --bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
  },
  rationale: 'An access point with Block Public Access off can be given a public policy that exposes the bucket behind it.',
  evaluate: (ap) => {
    const off = disabledFlags(ap.publicAccessBlock);
    return off.length > 0
      ? fail(`access point ${ap.name}: Block Public Access has ${off.join(', ')} off`, [
          { field: 'publicAccessBlock', value: off, message: `access point ${ap.name}: disabled ${off.join(', ')}` },
        ])
      : pass(`access point ${ap.name} has all four Block Public Access settings on`);
  },
});
