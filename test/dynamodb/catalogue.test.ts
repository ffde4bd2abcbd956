import { DAXClient, DescribeClustersCommand, ListTagsCommand } from '@aws-sdk/client-dax';
import { mockClient } from 'aws-sdk-client-mock';
import { createClientFactory } from '../../shared/resources/clients';
import { dynamodbFamily } from '../../shared/families/dynamodb';
import { dynamodbRules } from '../../shared/rules/dynamodb';
import { catalogueAvailable, catalogueRows, checkMetadata, repoPath, ruleFiles } from './catalogue-helpers';

/** Catalogue §3.1 and §3.3, pinned: id → severity, SH controls, FSBP, Prowler checks, resource type, trigger. */
const PINNED: Record<string, [string, string[], boolean, string[], string, string]> = {
  'ddb-table-autoscaling': ['MEDIUM', ['DynamoDB.1'], true, ['dynamodb_table_autoscaling_enabled'], 'AWS::DynamoDB::Table', 'E*'],
  'ddb-table-pitr': ['MEDIUM', ['DynamoDB.2'], true, ['dynamodb_tables_pitr_enabled'], 'AWS::DynamoDB::Table', 'E'],
  'dax-cluster-encrypted-at-rest': ['MEDIUM', ['DynamoDB.3'], true, ['dynamodb_accelerator_cluster_encryption_enabled'], 'AWS::DAX::Cluster', 'E*'],
  'ddb-table-in-backup-plan': ['MEDIUM', ['DynamoDB.4'], false, ['dynamodb_table_protected_by_backup_plan'], 'AWS::DynamoDB::Table', 'E+P'],
  'ddb-table-tagged': ['LOW', ['DynamoDB.5'], false, [], 'AWS::DynamoDB::Table', 'E'],
  'ddb-table-deletion-protection': ['MEDIUM', ['DynamoDB.6'], true, ['dynamodb_table_deletion_protection_enabled'], 'AWS::DynamoDB::Table', 'E'],
  'dax-cluster-tls': ['MEDIUM', ['DynamoDB.7'], true, ['dynamodb_accelerator_cluster_in_transit_encryption_enabled'], 'AWS::DAX::Cluster', 'E*'],
  'ddb-table-kms-encryption': ['MEDIUM', [], false, ['dynamodb_tables_kms_cmk_encryption_enabled'], 'AWS::DynamoDB::Table', 'E'],
  'ddb-table-no-cross-account-policy': ['MEDIUM', [], false, ['dynamodb_table_cross_account_access'], 'AWS::DynamoDB::Table', 'E'],
  'dax-cluster-multi-az': ['MEDIUM', [], false, ['dynamodb_accelerator_cluster_multi_az'], 'AWS::DAX::Cluster', 'E'],
};

const reportedType = (kind: string) => dynamodbFamily.kinds.find((k) => k.kind === kind)?.reportedType;

describe('dynamodb rule catalogue', () => {
  it('has every pinned id exactly once, with its severity, anchors, resource type and trigger', () => {
    const ids = dynamodbRules.map((r) => r.id);
    expect([...ids].sort()).toEqual(Object.keys(PINNED).sort());
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of dynamodbRules) {
      const [severity, sh, fsbp, prowler, type, trigger] = PINNED[rule.id]!;
      expect({ id: rule.id, severity: rule.severity, sh: rule.anchors.securityHub ?? [], fsbp: rule.anchors.fsbp ?? false, prowler: rule.anchors.prowler ?? [], type: reportedType(rule.kind), trigger: rule.trigger }).toEqual({
        id: rule.id,
        severity,
        sh,
        fsbp,
        prowler,
        type,
        trigger,
      });
    }
  });

  it('matches the rows of controls.md §3.1 and §3.3', () => {
    expect(catalogueAvailable()).toBe(true);
    const rows = catalogueRows(['ddb-', 'dax-']);
    expect(rows.map((r) => r.id).sort()).toEqual(Object.keys(PINNED).sort());
    for (const row of rows) {
      const rule = dynamodbRules.find((r) => r.id === row.id)!;
      expect({ id: row.id, severity: rule.severity, sh: rule.anchors.securityHub ?? [], fsbp: rule.anchors.fsbp ?? false, prowler: rule.anchors.prowler ?? [], type: reportedType(rule.kind), trigger: rule.trigger }).toEqual({
        id: row.id,
        severity: row.severity,
        sh: row.securityHub,
        fsbp: row.fsbp,
        prowler: row.prowler,
        type: row.resourceType,
        trigger: row.trigger,
      });
    }
  });

  it('names each rule file after its id, and every file is in the index', () => {
    expect(ruleFiles(repoPath('shared', 'rules', 'dynamodb'), ['helpers.ts'])).toEqual(dynamodbRules.map((r) => r.id).sort());
  });

  it('gives every rule complete metadata and a kind of the family', () => {
    for (const rule of dynamodbRules) {
      expect({ id: rule.id, problems: checkMetadata(rule) }).toEqual({ id: rule.id, problems: [] });
      expect(dynamodbFamily.kinds.map((k) => k.kind)).toContain(rule.kind);
    }
  });

  it('wires the family: rules, triggers, table and DAX collectors, Config normaliser', () => {
    expect(dynamodbFamily.rules).toBe(dynamodbRules);
    expect(Object.keys(dynamodbFamily.collectors)).toEqual(['AWS::DynamoDB::Table', 'AWS::DAX::Cluster']);
    expect(dynamodbFamily.configNormalisers.map((n) => n.configType)).toEqual(['AWS::DynamoDB::Table']);
    expect(dynamodbFamily.extraReadActions).toContain('dynamodb:ListTables');
    for (const row of dynamodbFamily.triggers) expect(dynamodbFamily.kinds.map((k) => k.kind)).toContain(row.kind);
  });
});

describe('DAX collector wired to the SDK', () => {
  it('reads the cluster through DescribeClusters and ListTags of @aws-sdk/client-dax', async () => {
    const dax = mockClient(DAXClient);
    dax.on(DescribeClustersCommand).resolves({
      Clusters: [{ ClusterName: 'cache', ClusterArn: 'arn:aws:dax:us-east-1:111122223333:cache/cache', SSEDescription: { Status: 'ENABLED' }, ClusterEndpointEncryptionType: 'TLS', Nodes: [{ AvailabilityZone: 'us-east-1a' }, { AvailabilityZone: 'us-east-1b' }] }],
    });
    dax.on(ListTagsCommand).resolves({ Tags: [] });
    const collector = dynamodbFamily.collectors['AWS::DAX::Cluster'];
    const obs = await collector.collect({ kind: 'AWS::DAX::Cluster', id: 'cache', arn: 'arn:aws:dax:us-east-1:111122223333:cache/cache', accountId: '111122223333', region: 'us-east-1' }, createClientFactory({ region: 'us-east-1' }));
    expect(obs.state).toBe('present');
    expect(dax.commandCalls(DescribeClustersCommand)[0].args[0].input).toEqual(expect.objectContaining({ ClusterNames: ['cache'] }));
    dax.restore();
  });
});
