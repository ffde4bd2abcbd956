/** IAM actions of the lambda family's live reads: rules declare the ones they depend on, infra derives read-only policies. */
export const FUNCTION_READ_ACTIONS = {
  configuration: 'lambda:GetFunctionConfiguration',
  policy: 'lambda:GetPolicy',
  urlConfigs: 'lambda:ListFunctionUrlConfigs',
  aliases: 'lambda:ListAliases',
  tags: 'lambda:ListTags',
  eventInvokeConfig: 'lambda:GetFunctionEventInvokeConfig',
  concurrency: 'lambda:GetFunctionConcurrency',
  subnets: 'ec2:DescribeSubnets',
  securityGroups: 'ec2:DescribeSecurityGroups',
  logGroups: 'logs:DescribeLogGroups',
  trails: 'cloudtrail:DescribeTrails',
  listFunctions: 'lambda:ListFunctions',
} as const;

/** Every CloudTrail action of the trails read (one runReads entry reported under cloudtrail:DescribeTrails). */
export const TRAIL_READ_ACTIONS = ['cloudtrail:DescribeTrails', 'cloudtrail:GetEventSelectors', 'cloudtrail:GetTrailStatus'] as const;

export const CODE_READ_ACTIONS = {
  getFunction: 'lambda:GetFunction',
  getLayerVersion: 'lambda:GetLayerVersion',
  listLayers: 'lambda:ListLayers',
} as const;
