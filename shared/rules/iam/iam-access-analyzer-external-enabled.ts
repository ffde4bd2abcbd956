import { IAM_KIND } from '../../resources/iam/kinds';
import type { AccessAnalyzerRegionSnapshot } from '../../resources/iam/types';
import { defineRule, fail, pass } from '../define-rule';
import { booleanParam } from './lib/params';

/**
 * An external-access analyzer (type ACCOUNT or ORGANIZATION) is ACTIVE in the Region; unused-access and internal-access
 * analyzers do not count. Security Hub ignores organization analyzers in member accounts; set
 * `accessAnalyzerCountOrganization: false` to do the same (default: they count, as they do cover the account).
 */
export const iamAccessAnalyzerExternalEnabled = defineRule<AccessAnalyzerRegionSnapshot>({
  id: 'iam-access-analyzer-external-enabled',
  title: 'IAM Access Analyzer external-access analyzer is enabled in the Region',
  severity: 'HIGH',
  kind: IAM_KIND.analyzerRegion,
  anchors: { securityHub: ['IAM.28'], fsbp: false, cis: ['v3 1.20', 'v5 1.19'], prowler: ['accessanalyzer_enabled'] },
  trigger: 'E*',
  reads: ['access-analyzer:ListAnalyzers'],
  remediation: { text: 'Create an account (or organization) analyzer in this Region.', cli: 'aws accessanalyzer create-analyzer --analyzer-name external-access --type ACCOUNT --region <region>' },
  rationale: 'The analyzer reports resources shared outside the account or organization as soon as a policy opens them.',
  evaluate: (region, ctx) => {
    const types = booleanParam(ctx, 'accessAnalyzerCountOrganization', true) ? ['ACCOUNT', 'ORGANIZATION'] : ['ACCOUNT'];
    const active = region.analyzers.filter((a) => types.includes(a.analyzerType) && a.status === 'ACTIVE');
    return active.length > 0
      ? pass(`Region ${region.region} has an active external-access analyzer (${active.map((a) => a.name).join(', ')})`)
      : fail(`Region ${region.region} has no active external-access analyzer`, [
          { message: `no ${types.join(' / ')} analyzer with status ACTIVE`, field: 'analyzers', value: region.analyzers.map((a) => ({ name: a.name, type: a.analyzerType, status: a.status })) },
        ]);
  },
});
