import { DAX_READ_ACTIONS } from '../../resources/dynamodb/reads';
import { DAX_CLUSTER_KIND, type DaxClusterSnapshot } from '../../resources/dynamodb/types';
import { defineRule, fail, pass } from '../define-rule';

export const daxClusterEncryptedAtRest = defineRule<DaxClusterSnapshot>({
  id: 'dax-cluster-encrypted-at-rest',
  title: 'DAX cluster is encrypted at rest',
  severity: 'MEDIUM',
  kind: DAX_CLUSTER_KIND,
  anchors: { securityHub: ['DynamoDB.3'], fsbp: true, prowler: ['dynamodb_accelerator_cluster_encryption_enabled'] },
  trigger: 'E*',
  reads: [DAX_READ_ACTIONS.describeClusters],
  remediation: {
    text: 'Encryption at rest cannot be turned on for an existing cluster: create a new cluster with server-side encryption and move clients to it.',
    cli: 'aws dax create-cluster --cluster-name <name> --node-type <type> --replication-factor 3 --iam-role-arn <role-arn> --sse-specification Enabled=true',
  },
  rationale: 'Cached items, configuration and logs of an unencrypted cluster sit in plain text on the nodes\' disks.',
  evaluate(cluster) {
    const status = cluster.sseStatus ?? 'DISABLED';
    const evidence = [{ message: `SSE status ${status}`, field: 'sseStatus', value: status }];
    return status === 'ENABLED' ? pass(`DAX cluster ${cluster.name} is encrypted at rest`, evidence) : fail(`DAX cluster ${cluster.name} is not encrypted at rest (${status})`, evidence);
  },
});
