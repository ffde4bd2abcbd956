import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoFindingsStore, type FindingsStore } from '../shared/findings';
import { startEmbeddedStore } from '../shared/findings/embedded';
import { UsageError } from './errors';

export interface StoreOptions {
  /** `memory` (demo, tests), `local` (on disk under .vigil/), ignored when `table` is given. */
  readonly store?: string;
  /** Name of the deployed findings table (uses the default AWS credential chain). */
  readonly table?: string;
  readonly region?: string;
  /** Directory of the local store. @default .vigil in the current directory */
  readonly storeDir?: string;
}

export interface OpenStore {
  readonly store: FindingsStore;
  readonly description: string;
  close(): Promise<void>;
}

/** Opens the deployed table, or starts the embedded store (dynalite in-process, in memory or on disk). */
export const openStore = async (options: StoreOptions, defaultKind: 'memory' | 'local'): Promise<OpenStore> => {
  if (options.table) {
    const client = new DynamoDBClient(options.region ? { region: options.region } : {});
    return {
      store: createDynamoFindingsStore({ client, tableName: options.table }),
      description: `table ${options.table}`,
      close: async () => client.destroy(),
    };
  }
  const kind = options.store ?? defaultKind;
  if (kind !== 'memory' && kind !== 'local') throw new UsageError(`--store: expected memory or local, got ${kind}`);
  const path = kind === 'local' ? (options.storeDir ?? join(process.cwd(), '.vigil')) : undefined;
  const embedded = await startEmbeddedStore(path ? { path } : {});
  return { store: embedded.store, description: kind === 'local' ? `local store ${path}` : 'in-memory store', close: () => embedded.close() };
};
