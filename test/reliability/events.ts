/**
 * Recorded CloudTrail records (test/fixtures/cloudtrail, eventbridge) retargeted at the resources of the stubbed account
 * (test/helpers/aws-world.ts), as the SQS bodies EventBridge delivers.
 */
import { createApigatewayCollectors } from '../../shared/resources/apigateway/collect-live';
import { apigatewayFamily, dynamodbFamily, iamFamily, lambdaFamily, s3Family } from '../../shared/families';
import type { FamilyDefinition } from '../../shared/families/types';
import { createDynamoDbTableCollector } from '../../shared/resources/dynamodb/collect-live';
import { DYNAMODB_TABLE_KIND } from '../../shared/resources/dynamodb/types';
import { createIamCollectors } from '../../shared/resources/iam/live';
import { createLambdaFunctionCollector } from '../../shared/resources/lambda/collect-live';
import { LAMBDA_FUNCTION_KIND } from '../../shared/resources/lambda/types';
import { createS3Collectors } from '../../shared/resources/s3/collect-live';
import { WORLD, WORLD_ACCOUNT, WORLD_REGION } from '../helpers/aws-world';
import { loadCloudTrailRecords, toEventBridge } from '../helpers/fixtures';

type Record = { [key: string]: any };

/** A recorded record made about the stubbed account: its id, time, account and Region replaced, `requestParameters` patched. */
export const recordedEvent = (fixture: string, eventId: string, eventTime: string, requestParameters: Record): string => {
  const record = loadCloudTrailRecords(fixture)[0] as Record;
  Object.assign(record, { eventID: eventId, eventTime, recipientAccountId: WORLD_ACCOUNT, awsRegion: WORLD_REGION });
  record.userIdentity = { ...record.userIdentity, accountId: WORLD_ACCOUNT, arn: `arn:aws:iam::${WORLD_ACCOUNT}:user/mallory`, type: 'IAMUser', userName: 'mallory' };
  record.requestParameters = { ...record.requestParameters, ...requestParameters };
  return JSON.stringify(toEventBridge(record));
};

/** The recorded PutBucketAcl (Panther sample), about the stubbed account's bucket. */
export const bucketAclChange = (eventId: string, eventTime: string): string =>
  recordedEvent('cloudtrail/s3-PutBucketAcl.panther.json', eventId, eventTime, { bucketName: WORLD.bucket, host: [`${WORLD.bucket}.s3.${WORLD_REGION}.amazonaws.com`] });

/** One change event per family, on the stubbed account's resource of that family, with the family's collectors on `clock`. */
export interface FamilyScenario {
  readonly family: FamilyDefinition;
  readonly resourceId: string;
  event(eventId: string, eventTime: string): string;
}

export const familyScenarios = (clock: () => Date): FamilyScenario[] => {
  const now = clock;
  return [
    { family: { ...s3Family, collectors: createS3Collectors({ now }) }, resourceId: WORLD.bucket, event: bucketAclChange },
    {
      family: { ...lambdaFamily, collectors: { ...lambdaFamily.collectors, [LAMBDA_FUNCTION_KIND]: createLambdaFunctionCollector({ now }) } },
      resourceId: WORLD.function,
      event: (id, time) => recordedEvent('cloudtrail/lambda-AddPermission20150331v2.stratus.json', id, time, { functionName: WORLD.function }),
    },
    {
      // No sleep: the stubbed account answers the Access Advisor job as COMPLETED at the first poll.
      family: { ...iamFamily, collectors: createIamCollectors({ now, sleep: async () => undefined }) },
      resourceId: WORLD.role,
      event: (id, time) => recordedEvent('eventbridge/iam-PutRolePolicy.rust-fixture.json', id, time, { roleName: WORLD.role }),
    },
    {
      family: { ...dynamodbFamily, collectors: { ...dynamodbFamily.collectors, [DYNAMODB_TABLE_KIND]: createDynamoDbTableCollector({ now }) } },
      resourceId: WORLD.table,
      event: (id, time) => recordedEvent('cloudtrail/dynamodb-UpdateTable.awsdocs.json', id, time, { tableName: WORLD.table }),
    },
    {
      family: { ...apigatewayFamily, collectors: createApigatewayCollectors({ now }) },
      resourceId: WORLD.restApiId,
      event: (id, time) => recordedEvent('cloudtrail/apigateway-CreateDeployment-console-sso.lookupevents.json', id, time, { restApiId: WORLD.restApiId }),
    },
  ];
};
