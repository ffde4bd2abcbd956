export * from './types';
export { dynamodbTableKind, daxClusterKind } from './kinds';
export { createDynamoDbTableCollector, dynamodbTableCollector, readBackupSelections } from './collect-live';
export { createDaxClusterCollector, type DaxApi } from './collect-dax';
export { dynamodbTableConfigNormaliser } from './config';
export { TABLE_READ_ACTIONS, BACKUP_READ_ACTIONS, DAX_READ_ACTIONS } from './reads';
export { normaliseTableLive, normaliseTableConfig, normaliseDaxCluster, tableNameFromArnOrName, tableArn, daxClusterArn } from './normalise';
