import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { s3Family } from '../../shared/families/s3';
import { s3Kinds } from '../../shared/resources/s3/kinds';
import { s3Rules } from '../../shared/rules/s3';

const RULES_DIR = join(__dirname, '..', '..', 'shared', 'rules', 's3');

/** Catalogue §2.1 and §2.3: id → severity, anchors, trigger, kind. `(P)` severities are Prowler's. */
const CATALOGUE: Record<string, { severity: string; sh?: string; fsbp?: boolean; cis?: string[]; prowler?: string[]; trigger: string; kind: string }> = {
  's3-account-public-access-block': { severity: 'MEDIUM', sh: 'S3.1', fsbp: true, cis: ['v3 2.1.4', 'v5 2.1.4'], prowler: ['s3_account_level_public_access_blocks'], trigger: 'E*', kind: 'AWS::S3::AccountPublicAccessBlock' },
  's3-bucket-public-read': { severity: 'CRITICAL', sh: 'S3.2', fsbp: true, prowler: ['s3_bucket_public_access', 's3_bucket_public_list_acl'], trigger: 'E', kind: 'AWS::S3::Bucket' },
  's3-bucket-public-write': { severity: 'CRITICAL', sh: 'S3.3', fsbp: true, prowler: ['s3_bucket_policy_public_write_access', 's3_bucket_public_write_acl'], trigger: 'E', kind: 'AWS::S3::Bucket' },
  's3-bucket-ssl-only': { severity: 'MEDIUM', sh: 'S3.5', fsbp: true, cis: ['v3 2.1.1', 'v5 2.1.1'], prowler: ['s3_bucket_secure_transport_policy'], trigger: 'E', kind: 'AWS::S3::Bucket' },
  's3-bucket-policy-no-cross-account-sensitive-actions': { severity: 'HIGH', sh: 'S3.6', fsbp: true, trigger: 'E', kind: 'AWS::S3::Bucket' },
  's3-bucket-cross-region-replication': { severity: 'LOW', sh: 'S3.7', fsbp: false, prowler: ['s3_bucket_cross_region_replication'], trigger: 'E', kind: 'AWS::S3::Bucket' },
  's3-bucket-block-public-access': { severity: 'HIGH', sh: 'S3.8', fsbp: true, cis: ['v3 2.1.4', 'v5 2.1.4'], prowler: ['s3_bucket_level_public_access_block'], trigger: 'E', kind: 'AWS::S3::Bucket' },
  's3-bucket-access-logging': { severity: 'MEDIUM', sh: 'S3.9', fsbp: true, prowler: ['s3_bucket_server_access_logging_enabled'], trigger: 'E', kind: 'AWS::S3::Bucket' },
  's3-bucket-versioned-has-lifecycle': { severity: 'MEDIUM', sh: 'S3.10', fsbp: false, trigger: 'E', kind: 'AWS::S3::Bucket' },
  's3-bucket-event-notifications': { severity: 'MEDIUM', sh: 'S3.11', fsbp: false, prowler: ['s3_bucket_event_notifications_enabled'], trigger: 'E', kind: 'AWS::S3::Bucket' },
  's3-bucket-no-acls': { severity: 'MEDIUM', sh: 'S3.12', fsbp: true, prowler: ['s3_bucket_acl_prohibited'], trigger: 'E', kind: 'AWS::S3::Bucket' },
  's3-bucket-lifecycle': { severity: 'LOW', sh: 'S3.13', fsbp: true, prowler: ['s3_bucket_lifecycle_enabled'], trigger: 'E', kind: 'AWS::S3::Bucket' },
  's3-bucket-versioning': { severity: 'LOW', sh: 'S3.14', fsbp: false, prowler: ['s3_bucket_object_versioning'], trigger: 'E', kind: 'AWS::S3::Bucket' },
  's3-bucket-object-lock': { severity: 'MEDIUM', sh: 'S3.15', fsbp: false, prowler: ['s3_bucket_object_lock'], trigger: 'E', kind: 'AWS::S3::Bucket' },
  's3-bucket-kms-encryption': { severity: 'MEDIUM', sh: 'S3.17', fsbp: false, prowler: ['s3_bucket_kms_encryption'], trigger: 'E', kind: 'AWS::S3::Bucket' },
  's3-access-point-block-public-access': { severity: 'CRITICAL', sh: 'S3.19', fsbp: true, prowler: ['s3_access_point_public_access_block'], trigger: 'E', kind: 'AWS::S3::AccessPoint' },
  's3-bucket-mfa-delete': { severity: 'LOW', sh: 'S3.20', fsbp: false, cis: ['v3 2.1.2', 'v5 2.1.2'], prowler: ['s3_bucket_no_mfa_delete'], trigger: 'E', kind: 'AWS::S3::Bucket' },
  's3-account-object-write-data-events': { severity: 'MEDIUM', sh: 'S3.22', fsbp: false, cis: ['v3 3.8', 'v5 3.8'], prowler: ['cloudtrail_s3_dataevents_write_enabled'], trigger: 'E*', kind: 'AWS::S3::AccountDataEvents' },
  's3-account-object-read-data-events': { severity: 'MEDIUM', sh: 'S3.23', fsbp: false, cis: ['v3 3.9', 'v5 3.9'], prowler: ['cloudtrail_s3_dataevents_read_enabled'], trigger: 'E*', kind: 'AWS::S3::AccountDataEvents' },
  's3-mrap-block-public-access': { severity: 'HIGH', sh: 'S3.24', fsbp: true, prowler: ['s3_multi_region_access_point_public_access_block'], trigger: 'E', kind: 'AWS::S3::MultiRegionAccessPoint' },
  's3-directory-bucket-lifecycle': { severity: 'LOW', sh: 'S3.25', fsbp: true, trigger: 'E+P', kind: 'AWS::S3Express::DirectoryBucket' },
  's3-bucket-no-cross-account-policy': { severity: 'HIGH', prowler: ['s3_bucket_cross_account_access'], trigger: 'E', kind: 'AWS::S3::Bucket' },
  's3-bucket-shadow-resource': { severity: 'HIGH', prowler: ['s3_bucket_shadow_resource_vulnerability'], trigger: 'P', kind: 'AWS::S3::PredictableBucketName' },
  // Catalogue trigger "E (data events) / P": Vigil does not subscribe to S3 data events, so the schedule runs it.
  's3-bucket-object-acl-public-sample': { severity: 'LOW', prowler: ['s3_bucket_object_public'], trigger: 'P', kind: 'AWS::S3::BucketObjectSample' },
};

const ruleFiles = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts');

describe('S3 rule catalogue', () => {
  it('implements exactly the catalogue §2.1 and §2.3 ids (21 Security Hub controls + 3 Prowler checks)', () => {
    expect(s3Rules.map((r) => r.id).sort()).toEqual(Object.keys(CATALOGUE).sort());
    expect(s3Rules.filter((r) => r.anchors.securityHub?.length)).toHaveLength(21);
  });

  it('has unique ids, one file per rule, named by its id, exporting the rule', () => {
    expect(new Set(s3Rules.map((r) => r.id)).size).toBe(s3Rules.length);
    expect(ruleFiles.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(s3Rules.map((r) => r.id).sort());
    for (const rule of s3Rules) {
      const source = readFileSync(join(RULES_DIR, `${rule.id}.ts`), 'utf8');
      expect(source).toContain(`id: '${rule.id}'`);
      expect(source.match(/defineRule</g)).toHaveLength(1);
    }
  });

  it.each(Object.entries(CATALOGUE))('%s has the catalogue severity, anchors, trigger and kind', (id, expected) => {
    const rule = s3Rules.find((r) => r.id === id)!;
    expect(rule.severity).toBe(expected.severity);
    expect(rule.trigger).toBe(expected.trigger);
    expect(rule.kind).toBe(expected.kind);
    expect(rule.anchors.securityHub ?? []).toEqual(expected.sh ? [expected.sh] : []);
    if (expected.sh) expect(rule.anchors.fsbp).toBe(expected.fsbp);
    expect(rule.anchors.cis ?? []).toEqual(expected.cis ?? []);
    expect(rule.anchors.prowler ?? []).toEqual(expected.prowler ?? []);
  });

  it.each(s3Rules.map((r) => [r.id, r] as const))('%s states the good state, declares its reads and has remediation text and CLI', (_id, rule) => {
    expect(rule.title).not.toMatch(/^Ensure/);
    expect(rule.title.length).toBeLessThanOrEqual(150);
    expect(rule.reads.length).toBeGreaterThan(0);
    for (const action of rule.reads) expect(action).toMatch(/^(s3|s3express|cloudtrail):[A-Z][A-Za-z]+$/);
    expect(rule.remediation.text.length).toBeGreaterThan(20);
    expect(rule.remediation.cli).toMatch(/^aws (s3api|s3control|cloudtrail) /);
    expect(rule.rationale.length).toBeGreaterThan(20);
  });
});

describe('S3 family definition', () => {
  it('wires the kinds, rules, triggers and no detections', () => {
    expect(s3Family.name).toBe('s3');
    expect(s3Family.kinds).toBe(s3Kinds);
    expect(s3Family.rules).toHaveLength(24);
    expect(s3Family.detections).toEqual([]);
    expect(s3Family.triggers.length).toBeGreaterThan(0);
  });

  it('has a collector for every kind, and every rule evaluates a kind of the family', () => {
    const kinds = s3Family.kinds.map((k) => k.kind);
    expect(Object.keys(s3Family.collectors).sort()).toEqual([...kinds].sort());
    for (const rule of s3Family.rules) expect(kinds).toContain(rule.kind);
  });

  it('has a Config normaliser for exactly the Config types its kinds declare; live-only kinds declare none', () => {
    const declared = s3Family.kinds.flatMap((k) => k.configTypes).sort();
    expect(s3Family.configNormalisers.map((n) => n.configType).sort()).toEqual(declared);
    const liveOnly = s3Family.kinds.filter((k) => k.configTypes.length === 0).map((k) => k.kind);
    expect(liveOnly.sort()).toEqual(['AWS::S3::AccountDataEvents', 'AWS::S3::BucketObjectSample', 'AWS::S3::PredictableBucketName']);
  });

  it('reports account-level kinds as AWS::::Account and the live-only bucket kinds as AWS::S3::Bucket', () => {
    const reported = Object.fromEntries(s3Family.kinds.map((k) => [k.kind, k.reportedType]));
    expect(reported['AWS::S3::AccountPublicAccessBlock']).toBe('AWS::::Account');
    expect(reported['AWS::S3::AccountDataEvents']).toBe('AWS::::Account');
    expect(reported['AWS::S3::PredictableBucketName']).toBe('AWS::S3::Bucket');
    expect(reported['AWS::S3::BucketObjectSample']).toBe('AWS::S3::Bucket');
  });

  it('builds bucket ARNs without Region or account, and keeps an ARN given as id', () => {
    const bucket = s3Kinds.find((k) => k.kind === 'AWS::S3::Bucket')!;
    expect(bucket.arn({ partition: 'aws-cn', accountId: '1', region: 'cn-north-1', id: 'b' })).toBe('arn:aws-cn:s3:::b');
    expect(bucket.arn({ partition: 'aws', accountId: '1', region: 'us-east-1', id: 'arn:aws:s3:::x' })).toBe('arn:aws:s3:::x');
  });

  it('declares the listing and locating actions beyond the rules\' reads', () => {
    expect(s3Family.extraReadActions).toEqual(expect.arrayContaining(['s3:ListAllMyBuckets', 's3:GetBucketLocation', 's3:ListAccessPoints', 's3:ListMultiRegionAccessPoints']));
  });
});
