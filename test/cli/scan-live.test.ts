import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { GetBucketAclCommand, GetBucketPolicyCommand, GetPublicAccessBlockCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand, ListMultiRegionAccessPointsCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { bufferIo } from '../../cli/io';
import { main } from '../../cli/main';
import { loadApiResponse } from '../helpers/fixtures';

const awsError = (name: string, httpStatusCode: number) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode } });

describe('vigil scan (live, default credential chain)', () => {
  const sts = mockClient(STSClient);
  const s3 = mockClient(S3Client);
  const s3control = mockClient(S3ControlClient);
  const cloudtrail = mockClient(CloudTrailClient);
  afterAll(() => [sts, s3, s3control, cloudtrail].forEach((m) => m.restore()));

  beforeEach(() => {
    [sts, s3, s3control, cloudtrail].forEach((m) => m.reset());
    sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/auditor' });
    s3.onAnyCommand().resolves({});
    s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'live-bucket', BucketRegion: 'us-east-1' }] });
    s3.on(GetBucketAclCommand).resolves(loadApiResponse('s3.GetBucketAcl.AllUsers-WRITE.custodian.json'));
    s3.on(GetPublicAccessBlockCommand).resolves(loadApiResponse('s3.GetPublicAccessBlock.all-false.custodian.json'));
    s3.on(GetBucketPolicyCommand).rejects(awsError('NoSuchBucketPolicy', 404));
    s3control.onAnyCommand().resolves({});
    s3control.on(GetAccountPublicAccessBlockCommand).rejects(awsError('NoSuchPublicAccessBlockConfiguration', 404));
    s3control.on(ListMultiRegionAccessPointsCommand).rejects(awsError('AccessDenied', 403));
    cloudtrail.onAnyCommand().resolves({});
  });

  it('reads the account through the SDK and judges what it could read; an unlistable kind is reported, not passed', async () => {
    const io = bufferIo();
    const code = await main(['scan', '--family', 's3', '--region', 'us-east-1', '--format', 'json'], io);
    expect(code).toBe(0);
    const verdicts = JSON.parse(io.stdout()) as { ruleId: string; resourceId: string; status: string; source: string }[];
    expect(verdicts).toContainEqual(expect.objectContaining({ ruleId: 's3-bucket-public-write', resourceId: 'live-bucket', status: 'FAIL', source: 'live' }));
    expect(verdicts).toContainEqual(expect.objectContaining({ ruleId: 's3-account-public-access-block', resourceId: '111122223333', status: 'FAIL' }));
    expect(verdicts.some((v) => v.ruleId === 's3-mrap-block-public-access')).toBe(false);
    expect(io.stderr()).toMatch(/could not read AWS::S3::MultiRegionAccessPoint \(listing\): .*AccessDenied/);
    expect(s3.commandCalls(GetBucketAclCommand, { Bucket: 'live-bucket' })).toHaveLength(1);
  });

  it('exits 1 with --fail-on when the live account has a failure at that severity', async () => {
    expect(await main(['scan', '--family', 's3', '--region', 'us-east-1', '--fail-on', 'CRITICAL'], bufferIo())).toBe(1);
  });
});
