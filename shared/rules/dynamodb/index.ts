import { daxClusterEncryptedAtRest } from './dax-cluster-encrypted-at-rest';
import { daxClusterMultiAz } from './dax-cluster-multi-az';
import { daxClusterTls } from './dax-cluster-tls';
import { ddbTableAutoscaling } from './ddb-table-autoscaling';
import { ddbTableDeletionProtection } from './ddb-table-deletion-protection';
import { ddbTableInBackupPlan } from './ddb-table-in-backup-plan';
import { ddbTableKmsEncryption } from './ddb-table-kms-encryption';
import { ddbTableNoCrossAccountPolicy } from './ddb-table-no-cross-account-policy';
import { ddbTablePitr } from './ddb-table-pitr';
import { ddbTableTagged } from './ddb-table-tagged';

export {
  ddbTableAutoscaling,
  ddbTablePitr,
  daxClusterEncryptedAtRest,
  ddbTableInBackupPlan,
  ddbTableTagged,
  ddbTableDeletionProtection,
  daxClusterTls,
  ddbTableKmsEncryption,
  ddbTableNoCrossAccountPolicy,
  daxClusterMultiAz,
};

/** Catalogue §3.1 and §3.3, in catalogue order. */
export const dynamodbRules = [
  ddbTableAutoscaling,
  ddbTablePitr,
  daxClusterEncryptedAtRest,
  ddbTableInBackupPlan,
  ddbTableTagged,
  ddbTableDeletionProtection,
  daxClusterTls,
  ddbTableKmsEncryption,
  ddbTableNoCrossAccountPolicy,
  daxClusterMultiAz,
] as const;
