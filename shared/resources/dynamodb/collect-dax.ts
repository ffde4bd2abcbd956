/**
 * Live collector of DAX clusters, written against the DAX API shape (DescribeClusters, ListTags).
 *
 * PENDING: `@aws-sdk/client-dax` is not installed, so the collector takes a small adapter (`DaxApi`) instead of an SDK client.
 * Once the package is added, the adapter is five lines:
 *   (region, clients) => { const c = clients.get(DAXClient, region);
 *     return { describeClusters: (i) => c.send(new DescribeClustersCommand(i)), listTags: (i) => c.send(new ListTagsCommand(i)) }; }
 * AWS Config does not record DAX clusters, so there is no Config normaliser for this kind.
 */
import type { Observation, ResourceRef } from '../../core';
import { runReads } from '../aws-errors';
import { WHOLE_SNAPSHOT } from '../gaps';
import type { ClientFactory } from '../clients';
import type { KindCollector } from '../types';
import { DAX_READ_ACTIONS } from './reads';
import { daxClusterArn, normaliseDaxCluster, partitionOfRegion } from './normalise';
import { DAX_CLUSTER_KIND } from './types';

/** The two DAX operations the collector needs, in the SDK's input/output shapes. */
export interface DaxApi {
  describeClusters(input: { ClusterNames?: string[]; NextToken?: string }): Promise<{ Clusters?: unknown[]; NextToken?: string }>;
  listTags(input: { ResourceName: string; NextToken?: string }): Promise<{ Tags?: unknown[]; NextToken?: string }>;
}

export const createDaxClusterCollector = (api: (region: string, clients: ClientFactory) => DaxApi, options: { now?: () => Date } = {}): KindCollector => {
  const now = options.now ?? (() => new Date());
  return {
    async collect(ref: ResourceRef, clients: ClientFactory): Promise<Observation> {
      const observedAt = now().toISOString();
      const dax = api(ref.region, clients);
      const name = ref.id.startsWith('arn:') ? ref.id.slice(ref.id.lastIndexOf('/') + 1) : ref.id;
      const arn = ref.arn || daxClusterArn({ partition: partitionOfRegion(ref.region), accountId: ref.accountId, region: ref.region, id: name });
      const reads = await runReads([
        {
          key: 'cluster',
          command: 'DescribeClusters',
          fills: [WHOLE_SNAPSHOT],
          iamAction: DAX_READ_ACTIONS.describeClusters,
          gone: ['ClusterNotFoundFault'],
          run: async () => {
            const r = await dax.describeClusters({ ClusterNames: [name] });
            const cluster = (r.Clusters ?? [])[0];
            // DescribeClusters answers an empty list for a cluster being deleted; treat it like ClusterNotFoundFault.
            if (!cluster) throw Object.assign(new Error(`DAX cluster ${name} not found`), { name: 'ClusterNotFoundFault' });
            return cluster;
          },
        },
        {
          key: 'tags',
          command: 'ListTags',
          iamAction: DAX_READ_ACTIONS.listTags,
          gone: ['ClusterNotFoundFault'],
          run: async () => {
            const tags: unknown[] = [];
            let NextToken: string | undefined;
            for (let page = 0; page < 100; page++) {
              const r = await dax.listTags({ ResourceName: arn, NextToken });
              tags.push(...(r.Tags ?? []));
              if (!r.NextToken) break;
              NextToken = r.NextToken;
            }
            return tags;
          },
        },
      ]);
      if (reads.gone) return { state: 'gone', ref, observedAt, source: 'live' };
      const config = normaliseDaxCluster(reads.values.cluster ?? { ClusterName: name, ClusterArn: arn }, (reads.values.tags as unknown[] | undefined) ?? []);
      return { state: 'present', ref: { ...ref, id: name, arn: config.arn || arn }, config, gaps: reads.failed, observedAt, source: 'live' };
    },
    async list(scope, clients): Promise<ResourceRef[]> {
      const dax = api(scope.region, clients);
      const refs: ResourceRef[] = [];
      let NextToken: string | undefined;
      for (let page = 0; page < 1000; page++) {
        const r = await dax.describeClusters({ NextToken });
        for (const c of r.Clusters ?? []) {
          const snapshot = normaliseDaxCluster(c);
          if (!snapshot.name) continue;
          refs.push({
            kind: DAX_CLUSTER_KIND,
            id: snapshot.name,
            arn: snapshot.arn || daxClusterArn({ partition: scope.partition, accountId: scope.accountId, region: scope.region, id: snapshot.name }),
            accountId: scope.accountId,
            region: scope.region,
          });
        }
        if (!r.NextToken) break;
        NextToken = r.NextToken;
      }
      return refs;
    },
  };
};
