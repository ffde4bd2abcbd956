import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import type { Verdict } from '../../shared/core';
import { createDynamoFindingsStore } from '../../shared/findings';
import { RECONCILE_ACTIONS } from '../../infra/constructs/findings-table';

/** The IAM action of each lib-dynamodb / client command name (the ones a store could plausibly send). */
const ACTION_OF: Record<string, string> = {
  GetCommand: 'dynamodb:GetItem',
  PutCommand: 'dynamodb:PutItem',
  UpdateCommand: 'dynamodb:UpdateItem',
  DeleteCommand: 'dynamodb:DeleteItem',
  QueryCommand: 'dynamodb:Query',
  ScanCommand: 'dynamodb:Scan',
  BatchGetCommand: 'dynamodb:BatchGetItem',
  BatchWriteCommand: 'dynamodb:BatchWriteItem',
  TransactWriteCommand: 'dynamodb:TransactWriteItems',
  TransactGetCommand: 'dynamodb:TransactGetItems',
};

const verdict: Verdict = {
  ruleId: 's3-bucket-public-read',
  title: 'S3 bucket blocks public read access',
  severity: 'CRITICAL',
  status: 'FAIL',
  resourceType: 'AWS::S3::Bucket',
  resourceKind: 'AWS::S3::Bucket',
  resourceId: 'vigil-example-bucket',
  resourceArn: 'arn:aws:s3:::vigil-example-bucket',
  accountId: '123456789012',
  region: 'us-east-1',
  message: 'bucket ACL grants READ to AllUsers',
  evidence: [{ message: 'grant to http://acs.amazonaws.com/groups/global/AllUsers', field: 'acl.grants' }],
  remediation: { text: 'Remove the public grants from the bucket ACL.' },
  observedAt: '2024-05-01T10:00:00.000Z',
  source: 'live',
};

describe('the evaluator grant matches what reconcile sends', () => {
  const ddb = mockClient(DynamoDBDocumentClient);
  afterEach(() => ddb.reset());
  afterAll(() => ddb.restore());

  const actionsSent = (): string[] => [...new Set(ddb.calls().map((call) => ACTION_OF[(call.args[0] as object).constructor.name] ?? (call.args[0] as object).constructor.name))].sort();
  const store = () =>
    createDynamoFindingsStore({ client: new DynamoDBClient({ region: 'us-east-1' }), tableName: 'findings', now: () => new Date('2024-05-01T10:00:05.000Z') });

  it('a new finding: GetItem then a conditional PutItem, nothing else', async () => {
    ddb.on(GetCommand).resolves({});
    ddb.on(PutCommand).resolves({});
    await store().reconcile(verdict, { detectedAt: '2024-05-01T10:00:01.000Z' });
    expect(actionsSent()).toEqual([...RECONCILE_ACTIONS].sort());
  });

  it('a lost race: re-reads and writes again, with the same two actions', async () => {
    const conflict = Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });
    ddb.on(GetCommand).resolves({});
    ddb.on(PutCommand).rejectsOnce(conflict).resolves({});
    await store().reconcile(verdict, { detectedAt: '2024-05-01T10:00:01.000Z' });
    expect(ddb.commandCalls(GetCommand)).toHaveLength(2);
    expect(actionsSent()).toEqual([...RECONCILE_ACTIONS].sort());
  });
});
