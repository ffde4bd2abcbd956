import type { Check } from '../../shared/core';
import { createConfigIndex, normaliseConfigItem } from '../../shared/resources/config-item';
import { bucketConfigFromItem } from '../../shared/resources/s3/from-config';
import type { LifecycleRule, S3BucketConfig } from '../../shared/resources/s3/types';
import { s3BucketAccessLogging } from '../../shared/rules/s3/s3-bucket-access-logging';
import { s3BucketBlockPublicAccess } from '../../shared/rules/s3/s3-bucket-block-public-access';
import { s3BucketCrossRegionReplication } from '../../shared/rules/s3/s3-bucket-cross-region-replication';
import { s3BucketEventNotifications } from '../../shared/rules/s3/s3-bucket-event-notifications';
import { s3BucketKmsEncryption } from '../../shared/rules/s3/s3-bucket-kms-encryption';
import { s3BucketLifecycle } from '../../shared/rules/s3/s3-bucket-lifecycle';
import { s3BucketMfaDelete } from '../../shared/rules/s3/s3-bucket-mfa-delete';
import { s3BucketNoAcls } from '../../shared/rules/s3/s3-bucket-no-acls';
import { s3BucketObjectLock } from '../../shared/rules/s3/s3-bucket-object-lock';
import { s3BucketVersionedHasLifecycle } from '../../shared/rules/s3/s3-bucket-versioned-has-lifecycle';
import { s3BucketVersioning } from '../../shared/rules/s3/s3-bucket-versioning';
import { loadFixture } from '../helpers/fixtures';
import { baseBucket, bucketRef, configItem, NO_BLOCK, ruleContext } from './helpers';

type Rule = { evaluate(config: S3BucketConfig, ctx: ReturnType<typeof ruleContext>, ref: ReturnType<typeof bucketRef>): Check };
const run = (rule: Rule, bucket: S3BucketConfig, params: Record<string, unknown> = {}): Check => rule.evaluate(bucket, ruleContext(params), bucketRef(bucket.name, bucket.region));
const fromItem = (fixture: string): S3BucketConfig => {
  const item = configItem(fixture);
  return bucketConfigFromItem(item, createConfigIndex([item]));
};
const rule = (patch: Partial<LifecycleRule> = {}): LifecycleRule => ({ id: 'r', status: 'Enabled', expirationDays: null, transitions: [], noncurrentVersionExpirationDays: null, ...patch });

describe('s3-bucket-block-public-access', () => {
  it('passes when all four bucket-level flags are on', () => {
    expect(run(s3BucketBlockPublicAccess, baseBucket()).status).toBe('PASS');
  });

  it('fails a bucket without a bucket-level configuration even when the account blocks everything (Security Hub)', () => {
    const check = run(s3BucketBlockPublicAccess, { ...baseBucket(), publicAccessBlock: null });
    expect(check.status).toBe('FAIL');
    expect(check.evidence[0]).toMatchObject({ field: 'publicAccessBlock', value: null });
  });

  it('passes it when accountLevelSatisfies is set (Prowler reading)', () => {
    expect(run(s3BucketBlockPublicAccess, { ...baseBucket(), publicAccessBlock: null }, { accountLevelSatisfies: true }).status).toBe('PASS');
    expect(run(s3BucketBlockPublicAccess, { ...baseBucket(), publicAccessBlock: null, accountPublicAccessBlock: null }, { accountLevelSatisfies: true }).status).toBe('FAIL');
  });

  it('names the flags that are off (the recorded only-BlockPublicPolicy configuration)', () => {
    const check = run(s3BucketBlockPublicAccess, { ...baseBucket(), publicAccessBlock: { ...NO_BLOCK, blockPublicPolicy: true } });
    expect(check.status).toBe('FAIL');
    expect(check.evidence[0].value).toEqual(['blockPublicAcls', 'ignorePublicAcls', 'restrictPublicBuckets']);
  });

  it('gives NOT_APPLICABLE for a bucket on the excludedPublicBuckets allow-list', () => {
    expect(run(s3BucketBlockPublicAccess, { ...baseBucket(), publicAccessBlock: null }, { excludedPublicBuckets: ['config-rule-sanity'] }).status).toBe('NOT_APPLICABLE');
  });
});

describe('s3-bucket-access-logging', () => {
  it('fails the custodian item, whose destinationBucketName is null', () => {
    const check = run(s3BucketAccessLogging, fromItem('s3-bucket.s3.custodian.json'));
    expect(check.status).toBe('FAIL');
    expect(check.message).toBe('bucket config-rule-sanity has server access logging disabled');
  });

  it('passes when a target bucket is set, naming it', () => {
    const raw = loadFixture('config-items/s3-bucket.rdk-example.json');
    raw.supplementaryConfiguration.BucketLoggingConfiguration = { destinationBucketName: 'central-logs', logFilePrefix: 'rdk/' };
    const item = normaliseConfigItem(raw);
    const check = run(s3BucketAccessLogging, bucketConfigFromItem(item, createConfigIndex([item])));
    expect(check.status).toBe('PASS');
    expect(check.evidence[0]).toMatchObject({ field: 'logging.targetBucket', value: 'central-logs' });
  });
});

describe('s3-bucket-versioning', () => {
  it('passes Enabled (RDK item)', () => {
    expect(run(s3BucketVersioning, fromItem('s3-bucket.rdk-example.json')).status).toBe('PASS');
  });

  it.each([
    ['s3-bucket.s3-lifecycle.custodian.json', 'Suspended'],
    ['s3-bucket.s3.custodian.json', 'Off'],
  ])('fails %s (versioning %s)', (fixture, status) => {
    const check = run(s3BucketVersioning, fromItem(fixture));
    expect(check.status).toBe('FAIL');
    expect(check.evidence[0]).toMatchObject({ field: 'versioning.status', value: status });
  });
});

describe('s3-bucket-versioned-has-lifecycle', () => {
  it('is not applicable to an unversioned or suspended bucket', () => {
    expect(run(s3BucketVersionedHasLifecycle, fromItem('s3-bucket.s3.custodian.json')).status).toBe('NOT_APPLICABLE');
    expect(run(s3BucketVersionedHasLifecycle, fromItem('s3-bucket.s3-lifecycle.custodian.json')).status).toBe('NOT_APPLICABLE');
  });

  it('fails a versioned bucket without lifecycle (RDK item)', () => {
    expect(run(s3BucketVersionedHasLifecycle, fromItem('s3-bucket.rdk-example.json')).status).toBe('FAIL');
  });

  it('passes a versioned bucket with enabled rules (custodian null-predicate item) and fails it when every rule is disabled', () => {
    const bucket = fromItem('s3-bucket.s3-lifecycle-null-predicate.custodian.json');
    expect(run(s3BucketVersionedHasLifecycle, bucket).status).toBe('PASS');
    const disabled = { ...bucket, lifecycle: { rules: bucket.lifecycle!.rules.map((r) => ({ ...r, status: 'Disabled' as const })) } };
    expect(run(s3BucketVersionedHasLifecycle, disabled).status).toBe('FAIL');
  });
});

describe('s3-bucket-event-notifications', () => {
  it('fails a bucket with an empty notification configuration (RDK item)', () => {
    const check = run(s3BucketEventNotifications, fromItem('s3-bucket.rdk-example.json'));
    expect(check.status).toBe('FAIL');
    expect(check.evidence[0].field).toBe('notifications');
  });

  it('passes the custodian bucket with queue, Lambda and topic destinations', () => {
    expect(run(s3BucketEventNotifications, fromItem('s3-bucket.s3-lifecycle.custodian.json')).message).toMatch(/to 3 destination/);
  });

  it('checks the eventTypes parameter against configured events, with wildcards', () => {
    const bucket = fromItem('s3-bucket.s3-lifecycle.custodian.json');
    expect(run(s3BucketEventNotifications, bucket, { eventTypes: ['s3:ObjectCreated:Put', 's3:ObjectRemoved:Delete'] }).status).toBe('PASS');
    const check = run(s3BucketEventNotifications, bucket, { eventTypes: ['s3:ObjectRestore:Completed'] });
    expect(check.status).toBe('FAIL');
    expect(check.evidence[0].value).toEqual(['s3:ObjectRestore:Completed']);
  });

  it('passes any event type when EventBridge delivery is on', () => {
    const bucket = { ...baseBucket(), notifications: { targets: [], eventBridge: true } };
    expect(run(s3BucketEventNotifications, bucket, { eventTypes: ['s3:ObjectRestore:Completed'] }).status).toBe('PASS');
  });
});

describe('s3-bucket-no-acls', () => {
  it('passes when ACLs are disabled (S3 then reports the owner-only ACL), and never needs Object Ownership outside strict mode', () => {
    const bucket = fromItem('s3-bucket.s3.custodian.json');
    expect(run(s3BucketNoAcls, { ...bucket, objectOwnership: 'BucketOwnerEnforced' }).status).toBe('PASS');
    // The engine would give INSUFFICIENT_DATA for an unknown ownership the rule reads: it must not read it here.
    const ownershipUnread = Object.defineProperty({ ...bucket }, 'objectOwnership', { get: () => { throw new Error('read'); } });
    expect(run(s3BucketNoAcls, ownershipUnread).status).toBe('PASS');
  });

  it('passes an owner-only ACL when ownership is unknown (Config item)', () => {
    expect(run(s3BucketNoAcls, fromItem('s3-bucket.s3.custodian.json')).status).toBe('PASS');
  });

  it('fails an ACL that grants AllUsers READ besides the owner, naming the grant', () => {
    const check = run(s3BucketNoAcls, fromItem('s3-bucket.s3-lifecycle.custodian.json'));
    expect(check.status).toBe('FAIL');
    expect(check.evidence[0]).toMatchObject({ field: 'acl.grants', value: ['AllUsers READ'] });
  });

  it('fails a grant to another canonical user or to LogDelivery', () => {
    const bucket = fromItem('s3-bucket.s3.custodian.json');
    const acl = { ownerId: bucket.acl!.ownerId, grants: [...bucket.acl!.grants, { grantee: { type: 'Group' as const, uri: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }, permission: 'WRITE' as const }] };
    expect(run(s3BucketNoAcls, { ...bucket, acl }).evidence[0].value).toEqual(['LogDelivery WRITE']);
  });

  it('fails any bucket whose ACLs are enabled in strict (Prowler) mode', () => {
    const check = run(s3BucketNoAcls, { ...fromItem('s3-bucket.s3.custodian.json'), objectOwnership: 'BucketOwnerPreferred' }, { strictAclsDisabled: true });
    expect(check.status).toBe('FAIL');
    expect(check.evidence[0]).toMatchObject({ field: 'objectOwnership', value: 'BucketOwnerPreferred' });
  });
});

describe('s3-bucket-lifecycle', () => {
  it('fails a bucket without lifecycle configuration', () => {
    expect(run(s3BucketLifecycle, fromItem('s3-bucket.s3.custodian.json')).status).toBe('FAIL');
  });

  it('passes the custodian lifecycle item and fails it when its only rule is disabled', () => {
    const bucket = fromItem('s3-bucket.s3-lifecycle.custodian.json');
    expect(run(s3BucketLifecycle, bucket).status).toBe('PASS');
    expect(run(s3BucketLifecycle, { ...bucket, lifecycle: { rules: [{ ...bucket.lifecycle!.rules[0], status: 'Disabled' }] } }).status).toBe('FAIL');
  });

  it('requires one enabled rule to match all the target parameters', () => {
    const bucket = fromItem('s3-bucket.s3-lifecycle.custodian.json'); // Docs: transition 30 days to STANDARD_IA, no expiration
    expect(run(s3BucketLifecycle, bucket, { targetTransitionDays: 30, targetTransitionStorageClass: 'STANDARD_IA' }).status).toBe('PASS');
    expect(run(s3BucketLifecycle, bucket, { targetTransitionDays: 60 }).status).toBe('FAIL');
    expect(run(s3BucketLifecycle, bucket, { targetTransitionStorageClass: 'GLACIER' }).status).toBe('FAIL');
    expect(run(s3BucketLifecycle, bucket, { targetExpirationDays: 365 }).status).toBe('FAIL');
    const split = { ...bucket, lifecycle: { rules: [rule({ expirationDays: 365 }), rule({ transitions: [{ days: 30, storageClass: 'STANDARD_IA' }] })] } };
    expect(run(s3BucketLifecycle, split, { targetExpirationDays: 365, targetTransitionDays: 30 }).status).toBe('FAIL');
  });
});

describe('s3-bucket-object-lock', () => {
  it('fails a bucket without Object Lock configuration', () => {
    const check = run(s3BucketObjectLock, baseBucket());
    expect(check.status).toBe('FAIL');
    expect(check.evidence[0].field).toBe('objectLock');
  });

  it('passes an enabled lock and checks the mode parameter', () => {
    const bucket = { ...baseBucket(), objectLock: { enabled: true, defaultRetention: { mode: 'GOVERNANCE', days: 5, years: null } } };
    expect(run(s3BucketObjectLock, bucket).status).toBe('PASS');
    expect(run(s3BucketObjectLock, bucket, { mode: 'GOVERNANCE' }).status).toBe('PASS');
    const check = run(s3BucketObjectLock, bucket, { mode: 'COMPLIANCE' });
    expect(check.status).toBe('FAIL');
    expect(check.evidence[0]).toMatchObject({ field: 'objectLock.defaultRetention.mode', value: 'GOVERNANCE' });
  });

  it('fails a mode requirement when there is no default retention', () => {
    expect(run(s3BucketObjectLock, { ...baseBucket(), objectLock: { enabled: true, defaultRetention: null } }, { mode: 'COMPLIANCE' }).status).toBe('FAIL');
  });
});

describe('s3-bucket-kms-encryption', () => {
  it.each([
    ['aws:kms', 'PASS'],
    ['aws:kms:dsse', 'PASS'],
    ['AES256', 'FAIL'],
  ])('gives %s → %s', (algorithm, status) => {
    expect(run(s3BucketKmsEncryption, { ...baseBucket(), encryption: { rules: [{ algorithm, kmsKeyId: null, bucketKeyEnabled: false }] } }).status).toBe(status);
  });

  it('fails a bucket without an encryption configuration, or with a rule that sets no default', () => {
    expect(run(s3BucketKmsEncryption, baseBucket()).status).toBe('FAIL');
    const check = run(s3BucketKmsEncryption, { ...baseBucket(), encryption: { rules: [{ algorithm: null, kmsKeyId: null, bucketKeyEnabled: true }] } });
    expect(check.status).toBe('FAIL');
    expect(check.message).toContain('no default encryption rule');
  });
});

describe('s3-bucket-mfa-delete', () => {
  it('is not applicable to a bucket with a lifecycle configuration', () => {
    expect(run(s3BucketMfaDelete, fromItem('s3-bucket.s3-lifecycle.custodian.json')).status).toBe('NOT_APPLICABLE');
  });

  it('fails the RDK item (isMfaDeleteEnabled null) and passes once MFA delete is on', () => {
    const bucket = fromItem('s3-bucket.rdk-example.json');
    const check = run(s3BucketMfaDelete, bucket);
    expect(check.status).toBe('FAIL');
    expect(check.evidence[0].field).toBe('versioning.mfaDelete');
    expect(run(s3BucketMfaDelete, { ...bucket, versioning: { status: 'Enabled', mfaDelete: true } }).status).toBe('PASS');
  });
});

describe('s3-bucket-cross-region-replication', () => {
  const replicated = (destinationRegion: string | null, patch: Partial<S3BucketConfig> = {}): S3BucketConfig => {
    const bucket = fromItem('s3-bucket.s3-rep-and-notify.custodian.json');
    return { ...bucket, replication: { ...bucket.replication!, rules: bucket.replication!.rules.map((r) => ({ ...r, destinationRegion })) }, ...patch };
  };

  it('passes the custodian replication item when the destination is in another Region', () => {
    const check = run(s3BucketCrossRegionReplication, replicated('us-west-2'));
    expect(check.status).toBe('PASS');
    expect(check.message).toContain('us-west-2');
  });

  it('fails replication within the same Region', () => {
    expect(run(s3BucketCrossRegionReplication, replicated('us-east-1')).status).toBe('FAIL');
  });

  it('fails a bucket without replication, or whose rules are disabled', () => {
    expect(run(s3BucketCrossRegionReplication, baseBucket()).status).toBe('FAIL');
    const bucket = replicated('us-west-2');
    expect(run(s3BucketCrossRegionReplication, { ...bucket, replication: { ...bucket.replication!, rules: [{ ...bucket.replication!.rules[0], status: 'Disabled' }] } }).status).toBe('FAIL');
  });

  it('fails cross-Region rules when versioning is not enabled', () => {
    const check = run(s3BucketCrossRegionReplication, replicated('us-west-2', { versioning: { status: 'Suspended', mfaDelete: false } }));
    expect(check.status).toBe('FAIL');
    expect(check.evidence[0].field).toBe('versioning.status');
  });
});
