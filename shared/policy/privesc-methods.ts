/**
 * Privilege-escalation methods (spec §7.1). DEFAULT = methods 1–28 and 30, with #9/#12/#14 standalone (no
 * sts:AssumeRole) and the existing-resource methods #19/#22 included as Rhino does (§7.2). EXTENDED adds #31–#37.
 * Names are the spec table's (Rhino's where it has one). A requirement written as an array is satisfied by any one of its actions.
 */
export interface PrivescMethod {
  /** Row number in spec §7.1. */
  readonly id: number;
  readonly name: string;
  readonly requires: readonly (string | readonly string[])[];
}

export const DEFAULT_PRIVESC_METHODS: readonly PrivescMethod[] = [
  { id: 1, name: 'CreateNewPolicyVersion', requires: ['iam:CreatePolicyVersion'] },
  { id: 2, name: 'SetExistingDefaultPolicyVersion', requires: ['iam:SetDefaultPolicyVersion'] },
  { id: 3, name: 'CreateEC2WithExistingIP', requires: ['iam:PassRole', 'ec2:RunInstances'] },
  { id: 4, name: 'CreateAccessKey', requires: ['iam:CreateAccessKey'] },
  { id: 5, name: 'CreateLoginProfile', requires: ['iam:CreateLoginProfile'] },
  { id: 6, name: 'UpdateLoginProfile', requires: ['iam:UpdateLoginProfile'] },
  { id: 7, name: 'AttachUserPolicy', requires: ['iam:AttachUserPolicy'] },
  { id: 8, name: 'AttachGroupPolicy', requires: ['iam:AttachGroupPolicy'] },
  { id: 9, name: 'AttachRolePolicy', requires: ['iam:AttachRolePolicy'] },
  { id: 10, name: 'PutUserPolicy', requires: ['iam:PutUserPolicy'] },
  { id: 11, name: 'PutGroupPolicy', requires: ['iam:PutGroupPolicy'] },
  { id: 12, name: 'PutRolePolicy', requires: ['iam:PutRolePolicy'] },
  { id: 13, name: 'AddUserToGroup', requires: ['iam:AddUserToGroup'] },
  { id: 14, name: 'UpdateRolePolicyToAssumeIt', requires: ['iam:UpdateAssumeRolePolicy'] },
  { id: 15, name: 'PassExistingRoleToNewLambdaThenInvoke', requires: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'] },
  {
    id: 16,
    name: 'PassExistingRoleToNewLambdaThenTriggerWithNewDynamo',
    requires: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:CreateEventSourceMapping', 'dynamodb:CreateTable', 'dynamodb:PutItem'],
  },
  { id: 17, name: 'PassExistingRoleToNewLambdaThenTriggerWithExistingDynamo', requires: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:CreateEventSourceMapping'] },
  { id: 18, name: 'PassExistingRoleToNewGlueDevEndpoint', requires: ['iam:PassRole', 'glue:CreateDevEndpoint'] },
  { id: 19, name: 'UpdateExistingGlueDevEndpoint', requires: ['glue:UpdateDevEndpoint'] },
  { id: 20, name: 'PassExistingRoleToCloudFormation', requires: ['iam:PassRole', 'cloudformation:CreateStack'] },
  { id: 21, name: 'PassExistingRoleToNewDataPipeline', requires: ['iam:PassRole', 'datapipeline:CreatePipeline'] },
  { id: 22, name: 'EditExistingLambdaFunctionWithRole', requires: ['lambda:UpdateFunctionCode'] },
  { id: 23, name: 'Glue job new', requires: ['iam:PassRole', 'glue:CreateJob', ['glue:StartJobRun', 'glue:CreateTrigger']] },
  { id: 24, name: 'Glue job update', requires: ['iam:PassRole', 'glue:UpdateJob', ['glue:StartJobRun', 'glue:CreateTrigger']] },
  { id: 25, name: 'CodeBuild new project', requires: ['iam:PassRole', 'codebuild:CreateProject', ['codebuild:StartBuild', 'codebuild:StartBuildBatch']] },
  { id: 26, name: 'CloudFormation StackSet', requires: ['iam:PassRole', 'cloudformation:CreateStackSet', 'cloudformation:CreateStackInstances'] },
  { id: 27, name: 'CloudFormation change set on existing stack', requires: ['cloudformation:CreateChangeSet', 'cloudformation:ExecuteChangeSet'] },
  { id: 28, name: 'Lambda + AddPermission', requires: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:AddPermission'] },
  { id: 30, name: 'EC2 Spot', requires: ['iam:PassRole', 'ec2:RequestSpotInstances'] },
];

export const EXTENDED_PRIVESC_METHODS: readonly PrivescMethod[] = [
  ...DEFAULT_PRIVESC_METHODS,
  { id: 31, name: 'EC2 user-data swap', requires: ['ec2:ModifyInstanceAttribute', 'ec2:StopInstances', 'ec2:StartInstances'] },
  { id: 32, name: 'EC2 launch template', requires: ['ec2:CreateLaunchTemplateVersion', 'ec2:ModifyLaunchTemplate'] },
  { id: 33, name: 'EC2 Instance Connect', requires: ['ec2-instance-connect:SendSSHPublicKey', 'ec2:DescribeInstances'] },
  { id: 34, name: 'ECS', requires: ['iam:PassRole', 'ecs:RegisterTaskDefinition', ['ecs:RunTask', 'ecs:CreateService', 'ecs:StartTask']] },
  { id: 35, name: 'ECS exec', requires: ['ecs:ExecuteCommand', 'ecs:DescribeTasks'] },
  {
    id: 36,
    name: 'SageMaker',
    requires: ['iam:PassRole', ['sagemaker:CreateNotebookInstance', 'sagemaker:CreateTrainingJob', 'sagemaker:CreateProcessingJob']],
  },
  { id: 36, name: 'SageMaker presigned notebook URL', requires: ['sagemaker:CreatePresignedNotebookInstanceUrl'] },
  { id: 37, name: 'App Runner', requires: ['iam:PassRole', 'apprunner:CreateService'] },
];

/** Actions whose target is the caller's own credentials: self-scoped grants (user/${aws:username}) do not escalate (§7.2). */
export const CREDENTIAL_ACTIONS: ReadonlySet<string> = new Set(['iam:createaccesskey', 'iam:createloginprofile', 'iam:updateloginprofile']);
