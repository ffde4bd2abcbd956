import { defineRule, fail, pass } from '../define-rule';
import { disabledFlags } from '../../resources/s3/access';
import type { S3MultiRegionAccessPointConfig } from '../../resources/s3/types';

export const s3MrapBlockPublicAccess = defineRule<S3MultiRegionAccessPointConfig>({
  id: 's3-mrap-block-public-access',
  title: 'S3 Multi-Region Access Point has Block Public Access fully enabled',
  severity: 'HIGH',
  kind: 'AWS::S3::MultiRegionAccessPoint',
  anchors: { securityHub: ['S3.24'], fsbp: true, prowler: ['s3_multi_region_access_point_public_access_block'] },
  trigger: 'E',
  reads: ['s3:GetMultiRegionAccessPoint'],
  remediation: {
    text: 'Multi-Region Access Point BPA settings cannot be changed after creation: create a new one with all four settings on and delete the old one.',
    cli: 'aws s3control create-multi-region-access-point --region us-west-2 --account-id <account-id> --details \'{"Name":"<name>","PublicAccessBlock":{"BlockPublicAcls":true,"IgnorePublicAcls":true,"BlockPublicPolicy":true,"RestrictPublicBuckets":true},"Regions":[{"Bucket":"<bucket>"}]}\'',
  },
  rationale: 'A Multi-Region Access Point without Block Public Access can expose every bucket behind it.',
  evaluate: (mrap) => {
    const off = disabledFlags(mrap.publicAccessBlock);
    return off.length > 0
      ? fail(`Multi-Region Access Point ${mrap.name}: Block Public Access has ${off.join(', ')} off`, [
          { field: 'publicAccessBlock', value: off, message: `Multi-Region Access Point ${mrap.name}: disabled ${off.join(', ')}` },
        ])
      : pass(`Multi-Region Access Point ${mrap.name} has all four Block Public Access settings on`);
  },
});
