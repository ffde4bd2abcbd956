import { IAM_KIND } from '../../resources/iam/kinds';
import type { AccessAnalyzerSnapshot } from '../../resources/iam/types';
import { defineRule } from '../define-rule';
import { checkTags } from '../tags';

export const iamAccessAnalyzerTagged = defineRule<AccessAnalyzerSnapshot>({
  id: 'iam-access-analyzer-tagged',
  title: 'IAM Access Analyzer analyzer is tagged',
  severity: 'LOW',
  kind: IAM_KIND.analyzer,
  anchors: { securityHub: ['IAM.23'], fsbp: false },
  trigger: 'E',
  reads: ['access-analyzer:GetAnalyzer'],
  remediation: { text: 'Tag the analyzer with at least its owner.', cli: 'aws accessanalyzer tag-resource --resource-arn <arn> --tags Owner=<team>' },
  rationale: 'Tags tell who owns the analyzer and who acts on its findings.',
  evaluate: (analyzer, ctx) => checkTags(`analyzer ${analyzer.name}`, analyzer.tags, ctx),
});
