import { gzipSync } from 'node:zlib';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { createConfigSource, createEngine } from '../../shared/engine';
import { s3Family } from '../../shared/families/s3';
import { configItemFromObject, createOversizedItemFetcher, parseS3Location } from '../../shared/resources/oversized-config';
import { loadFixture } from '../helpers/fixtures';

/** AWS's own oversized notification (EventBridge form), pointed at an S3 bucket item as AWS Config would deliver it. */
const oversizedEvent = (item: { resourceType: string; resourceId: string; awsAccountId: string; awsRegion: string }) => {
  const event = loadFixture('config-events/eventbridge-oversized-config-item-change-ssm-inventory.omnissm.json');
  Object.assign(event.detail.configurationItemSummary, { resourceType: item.resourceType, resourceId: item.resourceId, awsAccountId: item.awsAccountId, awsRegion: item.awsRegion });
  // The location format of the AWS documentation sample (oversized-config-item-change-notification.awsdocs.json).
  event.detail.s3DeliverySummary.s3BucketLocation = loadFixture('config-events/oversized-config-item-change-notification.awsdocs.json').s3DeliverySummary.s3BucketLocation;
  return event;
};

describe('oversized AWS Config items', () => {
  const item = loadFixture('config-items/s3-bucket.rdk-example.json');
  const notification = { configurationItem: item, messageType: 'ConfigurationItemChangeNotification', recordVersion: '1.3' };

  it('parse the documented S3 location and refuse anything outside AWS Config\'s key path', () => {
    const location = loadFixture('config-events/oversized-config-item-change-notification.awsdocs.json').s3DeliverySummary.s3BucketLocation;
    expect(parseS3Location(location)).toEqual({ bucket: 'my-bucket', key: location.slice('my-bucket/'.length) });
    expect(() => parseS3Location('my-bucket/private/secrets.json')).toThrow(/not an AWS Config delivery location/);
    expect(() => parseS3Location('no-key')).toThrow(/not an AWS Config delivery location/);
  });

  it('read the item from the gzipped change notification (or a bare item)', () => {
    expect(configItemFromObject(gzipSync(JSON.stringify(notification)))).toEqual(item);
    expect(configItemFromObject(Buffer.from(JSON.stringify(item)))).toEqual(item);
    expect(() => configItemFromObject(Buffer.from('not json'))).toThrow(/not \(gzipped\) JSON/);
  });

  it('are fetched from S3 and evaluated like items carried in the event', async () => {
    const s3 = mockClient(S3Client);
    // The SDK's streaming body, reduced to the one method the fetcher uses.
    const body = gzipSync(JSON.stringify(notification));
    s3.on(GetObjectCommand).resolves({ Body: { transformToByteArray: async () => new Uint8Array(body) } as never });
    try {
      const fetchOversizedItem = createOversizedItemFetcher(() => new S3Client({ region: 'us-west-2' }));
      const engine = createEngine({ families: [s3Family], source: createConfigSource([s3Family], []), fetchOversizedItem });
      const outcome = await engine.processBatch([{ id: 'm1', body: oversizedEvent(item) }]);
      expect(outcome.failedIds).toEqual([]);
      const direct = await engine.evaluateObservations(createConfigSource([s3Family], [item]).all());
      expect(outcome.verdicts.map((v) => `${v.ruleId} ${v.status}`).sort()).toEqual(direct.verdicts.map((v) => `${v.ruleId} ${v.status}`).sort());
      expect(outcome.verdicts.length).toBeGreaterThan(0);
      const get = s3.commandCalls(GetObjectCommand)[0].args[0].input;
      expect(get.Bucket).toBe('my-bucket');
      expect(get.Key).toMatch(/^AWSLogs\/123456789012\/Config\//);
      // A failed read is retried (the record fails), never evaluated on a guess.
      s3.on(GetObjectCommand).rejects(Object.assign(new Error('Access Denied'), { name: 'AccessDenied' }));
      const denied = await engine.processBatch([{ id: 'm2', body: oversizedEvent(item) }]);
      expect(denied.failedIds).toEqual(['m2']);
      expect(denied.verdicts).toEqual([]);
    } finally {
      s3.restore();
    }
  });
});
