import { defineRule, fail, pass } from '../define-rule';
import { trailsLoggingS3Objects } from '../../resources/s3/trails';
import type { S3AccountDataEventsConfig } from '../../resources/s3/types';

export const s3AccountObjectWriteDataEvents = defineRule<S3AccountDataEventsConfig>({
  id: 's3-account-object-write-data-events',
  title: 'A multi-Region CloudTrail trail logs S3 object-level write events',
  severity: 'MEDIUM',
  kind: 'AWS::S3::AccountDataEvents',
  anchors: { securityHub: ['S3.22'], fsbp: false, cis: ['v3 3.8', 'v5 3.8'], prowler: ['cloudtrail_s3_dataevents_write_enabled'] },
  trigger: 'E*',
  reads: ['cloudtrail:DescribeTrails', 'cloudtrail:GetEventSelectors', 'cloudtrail:GetTrailStatus'],
  remediation: {
    text: 'Add a data-event selector for all S3 objects (write or all events) to a logging multi-Region trail.',
    cli: 'aws cloudtrail put-event-selectors --trail-name <trail> --advanced-event-selectors \'[{"Name":"S3 object writes","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::S3::Object"]},{"Field":"readOnly","Equals":["false"]}]}]\'',
  },
  rationale: 'Object-level write events (PutObject, DeleteObject) are needed to investigate tampering with data in S3.',
  // Organization trails are visible to member accounts too, and count when their selectors qualify.
  evaluate: (account) => {
    const logging = trailsLoggingS3Objects(account.trails, 'write');
    if (logging.length > 0) {
      return pass(`account ${account.accountId}: ${logging.map((t) => t.name).join(', ')} log(s) S3 object write events`, [
        { field: 'trails', value: logging.map((t) => t.arn), message: 'multi-Region trails logging S3 write data events' },
      ]);
    }
    return fail(`account ${account.accountId} has no logging multi-Region trail recording S3 object write events`, [
      { field: 'trails', value: account.trails.map((t) => t.arn), message: `${account.trails.length} multi-Region trail(s), none logging S3 write data events for all objects` },
    ]);
  },
});
