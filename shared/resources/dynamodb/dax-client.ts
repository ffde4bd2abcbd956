import type * as DaxSdk from '@aws-sdk/client-dax';
import type { ClientFactory } from '../clients';
import { lazyModule } from '../lazy-sdk';
import { createDaxClusterCollector, type DaxApi } from './collect-dax';

/** DAX clusters are rare next to tables: the DAX SDK is loaded on first use. */
const daxSdk = lazyModule(() => require('@aws-sdk/client-dax') as typeof DaxSdk);

/** The DAX SDK behind the collector's adapter. */
const daxApi = (region: string, clients: ClientFactory): DaxApi => {
  const { DAXClient, DescribeClustersCommand, ListTagsCommand } = daxSdk();
  const client = clients.get(DAXClient, region);
  return {
    describeClusters: (input) => client.send(new DescribeClustersCommand(input)),
    listTags: (input) => client.send(new ListTagsCommand(input)),
  };
};

export const daxClusterCollector = createDaxClusterCollector(daxApi);
