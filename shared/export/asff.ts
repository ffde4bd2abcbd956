import { requirementsOf } from './requirements';
import type { AnchorLookup, ExportableFinding } from './types';

/** Security Hub resource type names for the CloudFormation-style types Vigil reports. */
const ASFF_RESOURCE_TYPES: Record<string, string> = {
  'AWS::S3::Bucket': 'AwsS3Bucket',
  'AWS::S3::AccessPoint': 'AwsS3AccessPoint',
  'AWS::::Account': 'AwsAccount',
  'AWS::IAM::User': 'AwsIamUser',
  'AWS::IAM::Role': 'AwsIamRole',
  'AWS::IAM::Group': 'AwsIamGroup',
  'AWS::IAM::Policy': 'AwsIamPolicy',
  'AWS::IAM::AccessKey': 'AwsIamAccessKey',
  'AWS::DynamoDB::Table': 'AwsDynamoDbTable',
  'AWS::Lambda::Function': 'AwsLambdaFunction',
  'AWS::ApiGateway::RestApi': 'AwsApiGatewayRestApi',
  'AWS::ApiGateway::Stage': 'AwsApiGatewayStage',
  'AWS::ApiGatewayV2::Api': 'AwsApiGatewayV2Api',
  'AWS::ApiGatewayV2::Stage': 'AwsApiGatewayV2Stage',
};

const WORKFLOW: Record<string, string> = { OPEN: 'NEW', RESOLVED: 'RESOLVED', SUPPRESSED: 'SUPPRESSED', ERROR: 'NEW' };

/** AWS Security Finding Format (BatchImportFindings shape), one finding per Vigil finding. */
export const toAsff = (findings: readonly ExportableFinding[], anchorsOf: AnchorLookup): Record<string, unknown>[] =>
  findings.map((f) => {
    const region = f.region === 'global' ? 'us-east-1' : f.region;
    const now = f.lastSeenAt ?? f.detectedAt ?? f.firstSeenAt ?? new Date(0).toISOString();
    return {
      SchemaVersion: '2018-10-08',
      Id: `vigil/${f.findingId}`,
      ProductArn: `arn:aws:securityhub:${region}:${f.accountId}:product/${f.accountId}/default`,
      GeneratorId: `vigil/${f.ruleId}`,
      AwsAccountId: f.accountId,
      Types: ['Software and Configuration Checks/AWS Security Best Practices'],
      FirstObservedAt: f.firstSeenAt,
      LastObservedAt: f.lastSeenAt,
      CreatedAt: f.firstSeenAt ?? now,
      UpdatedAt: now,
      Severity: { Label: f.severity },
      Title: f.title.slice(0, 256),
      Description: f.message.slice(0, 1024),
      Remediation: { Recommendation: { Text: f.remediation.text.slice(0, 512), ...(f.remediation.url ? { Url: f.remediation.url } : {}) } },
      Resources: [{ Type: ASFF_RESOURCE_TYPES[f.resourceType] ?? 'Other', Id: f.resourceArn, Partition: f.resourceArn.split(':')[1] ?? 'aws', Region: region }],
      Compliance: {
        Status: f.status === 'RESOLVED' ? 'PASSED' : f.status === 'ERROR' ? 'NOT_AVAILABLE' : 'FAILED',
        RelatedRequirements: requirementsOf(anchorsOf(f.ruleId)).slice(0, 32),
      },
      Workflow: { Status: WORKFLOW[f.status] ?? 'NEW' },
      RecordState: f.status === 'RESOLVED' ? 'ARCHIVED' : 'ACTIVE',
      ProductFields: { 'vigil/ruleId': f.ruleId, 'vigil/status': f.status, ...(f.actor?.principalArn ? { 'vigil/actor': f.actor.principalArn } : {}) },
    };
  });
