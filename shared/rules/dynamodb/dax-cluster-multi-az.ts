import { DAX_READ_ACTIONS } from '../../resources/dynamodb/reads';
import { DAX_CLUSTER_KIND, type DaxClusterSnapshot } from '../../resources/dynamodb/types';
import { defineRule, fail, pass } from '../define-rule';

export const daxClusterMultiAz = defineRule<DaxClusterSnapshot>({
  id: 'dax-cluster-multi-az',
  title: 'DAX cluster nodes span more than one Availability Zone',
  severity: 'MEDIUM',
  kind: DAX_CLUSTER_KIND,
  anchors: { prowler: ['dynamodb_accelerator_cluster_multi_az'] },
  trigger: 'E',
  reads: [DAX_READ_ACTIONS.describeClusters],
  remediation: {
    text: 'Run at least three nodes and place them in different Availability Zones of the subnet group.',
    cli: 'aws dax increase-replication-factor --cluster-name <name> --new-replication-factor 3 --availability-zones <az-a> <az-b> <az-c>',
  },
  rationale: 'A cluster whose nodes share one Availability Zone goes down with that zone.',
  evaluate(cluster) {
    const zones = [...new Set(cluster.nodes.map((n) => n.availabilityZone).filter((z): z is string => z !== null))].sort();
    const evidence = [{ message: `${cluster.nodes.length} node(s) in ${zones.length} zone(s)`, field: 'nodes', value: zones }];
    return zones.length > 1
      ? pass(`DAX cluster ${cluster.name} nodes span ${zones.join(', ')}`, evidence)
      : fail(`DAX cluster ${cluster.name}: all ${cluster.nodes.length} node(s) are in ${zones[0] ?? 'an unknown zone'}`, evidence);
  },
});
