import { DAX_READ_ACTIONS } from '../../resources/dynamodb/reads';
import { DAX_CLUSTER_KIND, type DaxClusterSnapshot } from '../../resources/dynamodb/types';
import { defineRule, fail, pass } from '../define-rule';

export const daxClusterTls = defineRule<DaxClusterSnapshot>({
  id: 'dax-cluster-tls',
  title: 'DAX cluster endpoint is encrypted in transit (TLS)',
  severity: 'MEDIUM',
  kind: DAX_CLUSTER_KIND,
  anchors: { securityHub: ['DynamoDB.7'], fsbp: true, prowler: ['dynamodb_accelerator_cluster_in_transit_encryption_enabled'] },
  trigger: 'E*',
  reads: [DAX_READ_ACTIONS.describeClusters],
  remediation: {
    text: 'The endpoint encryption type is fixed at creation: create a new cluster with TLS and move clients to the encrypted endpoint.',
    cli: 'aws dax create-cluster --cluster-name <name> --node-type <type> --replication-factor 3 --iam-role-arn <role-arn> --cluster-endpoint-encryption-type TLS',
  },
  rationale: 'Without TLS, cached items and requests travel unencrypted between clients and the cluster.',
  evaluate(cluster) {
    const evidence = [{ message: `endpoint encryption ${cluster.endpointEncryptionType}`, field: 'endpointEncryptionType', value: cluster.endpointEncryptionType }];
    return cluster.endpointEncryptionType === 'TLS'
      ? pass(`DAX cluster ${cluster.name} encrypts its endpoint with TLS`, evidence)
      : fail(`DAX cluster ${cluster.name} endpoint encryption is ${cluster.endpointEncryptionType}`, evidence);
  },
});
