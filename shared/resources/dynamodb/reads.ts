/** IAM actions of the dynamodb family's live reads: rules declare the ones they depend on, infra derives read-only policies. */
export const TABLE_READ_ACTIONS = {
  describeTable: 'dynamodb:DescribeTable',
  continuousBackups: 'dynamodb:DescribeContinuousBackups',
  resourcePolicy: 'dynamodb:GetResourcePolicy',
  tags: 'dynamodb:ListTagsOfResource',
  scalableTargets: 'application-autoscaling:DescribeScalableTargets',
  scalingPolicies: 'application-autoscaling:DescribeScalingPolicies',
  backupPlans: 'backup:ListBackupPlans',
  describeKey: 'kms:DescribeKey',
  listTables: 'dynamodb:ListTables',
} as const;

/** Every backup action the coverage read performs (one read in runReads, reported under backup:ListBackupPlans). */
export const BACKUP_READ_ACTIONS = [
  'backup:ListBackupPlans',
  'backup:GetBackupPlan',
  'backup:ListBackupSelections',
  'backup:GetBackupSelection',
  'backup:DescribeBackupVault',
] as const;

export const DAX_READ_ACTIONS = { describeClusters: 'dax:DescribeClusters', listTags: 'dax:ListTags' } as const;
