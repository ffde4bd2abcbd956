// The embedded (local) store: dynalite in-process. Imported by the CLI and tests only — never by Lambda code, so
// dynalite and LevelDB stay out of the bundles (shared/findings/index.ts does not re-export this file).
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { createDynamoFindingsStore } from './store';
import { createFindingsTable } from './table';
import type { FindingsStore, ReconcileResult } from './types';

export const EMBEDDED_TABLE_NAME = 'vigil-findings';

export interface EmbeddedStoreOptions {
  /** Directory of the LevelDB files (created if missing), e.g. `.vigil/`. One server per directory per process. @default - in memory */
  readonly path?: string;
  /** @default 'vigil-findings' */
  readonly tableName?: string;
  /** @default - () => new Date() */
  readonly now?: () => Date;
  /** Receives every write, transition included (dynalite has no stream): e.g. print alerts to the console. */
  readonly onChange?: (change: ReconcileResult) => void | Promise<void>;
}

export interface EmbeddedStore {
  readonly store: FindingsStore;
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  close(): Promise<void>;
}

/** Starts dynalite on 127.0.0.1 (a free port), creates the findings table if missing and returns a store on it. */
export const startEmbeddedStore = async (options: EmbeddedStoreOptions = {}): Promise<EmbeddedStore> => {
  if (options.path !== undefined) mkdirSync(options.path, { recursive: true });
  const server: Server = dynalite({
    ...(options.path === undefined ? {} : { path: options.path }),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'vigil-embedded', secretAccessKey: 'vigil-embedded' }, // dynalite checks no signature
    maxAttempts: 1,
  });
  const close = async (): Promise<void> => {
    client.destroy();
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  };
  const tableName = options.tableName ?? EMBEDDED_TABLE_NAME;
  try {
    await createFindingsTable(client, tableName);
  } catch (error) {
    await close();
    throw error;
  }
  const store = createDynamoFindingsStore({
    client,
    tableName,
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.onChange === undefined ? {} : { onChange: options.onChange }),
  });
  return { store, client, tableName, endpoint, close };
};
