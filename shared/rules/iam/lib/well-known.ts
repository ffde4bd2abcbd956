/**
 * AWS-managed policies the IAM rules must judge even when a snapshot lacks their documents (AWS Config records no
 * AWS-managed policy; the live collector and a full authorization-details dump do read them).
 * - `document`: a copy of the policy's permission-relevant statements, judged by the policy engine like any other;
 *   AdministratorAccess and AWSLambdaBasicExecutionRole are exact, IAMFullAccess and PowerUserAccess keep the statements that decide admin / escalation
 *   (the read-only organizations / account extras AWS adds over time change neither verdict).
 * - no document: read-only policies known to grant neither admin nor an escalation path; they are skipped.
 * Any other AWS-managed policy without a document makes principal-level verdicts incomplete (NOT_APPLICABLE, with the
 * policy named), never a guess.
 */
export interface WellKnownPolicy {
  readonly document?: string;
}

const doc = (statements: readonly object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });

export const WELL_KNOWN_AWS_POLICIES: Readonly<Record<string, WellKnownPolicy>> = {
  AdministratorAccess: { document: doc([{ Effect: 'Allow', Action: '*', Resource: '*' }]) },
  IAMFullAccess: {
    document: doc([
      {
        Effect: 'Allow',
        Action: ['iam:*', 'organizations:DescribeAccount', 'organizations:DescribeOrganization', 'organizations:DescribeOrganizationalUnit', 'organizations:DescribePolicy', 'organizations:ListChildren', 'organizations:ListParents', 'organizations:ListPoliciesForTarget', 'organizations:ListRoots', 'organizations:ListPolicies', 'organizations:ListTargetsForPolicy'],
        Resource: '*',
      },
    ]),
  },
  PowerUserAccess: {
    document: doc([
      { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
      {
        Effect: 'Allow',
        Action: ['account:GetAccountInformation', 'account:GetPrimaryEmail', 'account:ListRegions', 'iam:CreateServiceLinkedRole', 'iam:DeleteServiceLinkedRole', 'iam:ListRoles', 'organizations:DescribeOrganization'],
        Resource: '*',
      },
    ]),
  },
  AWSLambdaBasicExecutionRole: { document: doc([{ Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' }]) },
  ReadOnlyAccess: {},
  ViewOnlyAccess: {},
  SecurityAudit: {},
  AWSSupportAccess: {},
};

/** Names (after `:policy/`) of the AWS-managed policies some rules decide on by ARN. */
export const AWS_POLICY = {
  administratorAccess: 'AdministratorAccess',
  readOnlyAccess: 'ReadOnlyAccess',
  cloudShellFullAccess: 'AWSCloudShellFullAccess',
  supportAccess: 'AWSSupportAccess',
  securityAudit: 'SecurityAudit',
} as const;

/** Whether `arn` is the AWS-managed policy `name` in any partition (`arn:aws:iam::aws:policy/AdministratorAccess`). */
export const isAwsPolicy = (arn: string, name: string): boolean => new RegExp(`^arn:[^:]+:iam::aws:policy/${name}$`).test(arn);
