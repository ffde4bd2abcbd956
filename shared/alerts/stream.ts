import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { findingFromItem } from '../findings';
import type { Finding } from '../findings';
import { alertFromImages } from './render';
import type { AlertMessage } from './types';

/**
 * A DynamoDB stream image (`record.dynamodb.NewImage` / `OldImage`, attribute-value JSON) as a Finding; undefined
 * for an absent image. Throws VigilError when the image is not a finding item. Typed loosely so that both the
 * aws-lambda and the SDK attribute-value types are accepted.
 */
export const unmarshallStreamImage = (image: Readonly<Record<string, unknown>> | undefined): Finding | undefined =>
  image === undefined ? undefined : findingFromItem(unmarshall(image as Record<string, AttributeValue>));

/** The shape of a DynamoDB stream record the notifier needs (aws-lambda's DynamoDBRecord fits). */
export interface FindingStreamRecord {
  readonly eventName?: string;
  readonly dynamodb?: {
    readonly OldImage?: Readonly<Record<string, unknown>>;
    readonly NewImage?: Readonly<Record<string, unknown>>;
  };
}

/** The alert of one stream record (INSERT/MODIFY with NEW_AND_OLD_IMAGES), or undefined when the status did not change. */
export const alertFromStreamRecord = (record: FindingStreamRecord): AlertMessage | undefined =>
  alertFromImages(unmarshallStreamImage(record.dynamodb?.OldImage), unmarshallStreamImage(record.dynamodb?.NewImage));
