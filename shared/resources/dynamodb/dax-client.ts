import { DAXClient, DescribeClustersCommand, ListTagsCommand } from '@aws-sdk/client-dax';
import type { ClientFactory } from '../clients';
import { createDaxClusterCollector, type DaxApi } from './collect-dax';

/** The DAX SDK behind the collector's adapter. */
const daxApi = (region: string, clients: ClientFactory): DaxApi => {
  const client = clients.get(DAXClient, region);
  return {
    describeClusters: (input) => client.send(new DescribeClustersCommand(input)),
    listTags: (input) => client.send(new ListTagsCommand(input)),
  };
};

export const daxClusterCollector = createDaxClusterCollector(daxApi);
