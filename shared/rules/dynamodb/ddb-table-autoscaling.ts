import type { Evidence } from '../../core';
import { TABLE_READ_ACTIONS } from '../../resources/dynamodb/reads';
import { DYNAMODB_TABLE_KIND, type DynamoDbTableSnapshot } from '../../resources/dynamodb/types';
import { defineRule, fail, pass } from '../define-rule';
import { numberParam } from './helpers';

const DIMENSIONS = [
  { unit: 'Read', param: { min: 'minProvisionedReadCapacity', target: 'targetReadUtilization' } },
  { unit: 'Write', param: { min: 'minProvisionedWriteCapacity', target: 'targetWriteUtilization' } },
] as const;

export const ddbTableAutoscaling = defineRule<DynamoDbTableSnapshot>({
  id: 'ddb-table-autoscaling',
  title: 'DynamoDB table capacity scales with demand',
  severity: 'MEDIUM',
  kind: DYNAMODB_TABLE_KIND,
  anchors: { securityHub: ['DynamoDB.1'], fsbp: true, prowler: ['dynamodb_table_autoscaling_enabled'] },
  trigger: 'E*',
  reads: [TABLE_READ_ACTIONS.describeTable, TABLE_READ_ACTIONS.scalableTargets, TABLE_READ_ACTIONS.scalingPolicies],
  remediation: {
    text: 'Switch the table to on-demand capacity, or register Application Auto Scaling targets with target-tracking policies for read and write capacity of the table and of every global secondary index.',
    cli: 'aws dynamodb update-table --table-name <table> --billing-mode PAY_PER_REQUEST',
  },
  rationale: 'Fixed provisioned capacity throttles requests when traffic grows, which makes the table unavailable to its applications.',
  evaluate(table, ctx) {
    if (table.billingMode === 'PAY_PER_REQUEST') {
      return pass(`table ${table.name} uses on-demand capacity`, [{ message: 'billing mode is PAY_PER_REQUEST', field: 'billingMode', value: table.billingMode }]);
    }
    const scopes = [
      { resourceId: `table/${table.name}`, level: 'table', label: `table ${table.name}` },
      ...table.globalSecondaryIndexes.map((g) => ({ resourceId: `table/${table.name}/index/${g.name}`, level: 'index', label: `index ${g.name}` })),
    ];
    const problems: Evidence[] = [];
    for (const scope of scopes) {
      for (const d of DIMENSIONS) {
        const dimension = `dynamodb:${scope.level}:${d.unit}CapacityUnits`;
        const target = table.autoScaling.targets.find((t) => t.resourceId === scope.resourceId && t.scalableDimension === dimension);
        const policy = table.autoScaling.policies.find((p) => p.resourceId === scope.resourceId && p.scalableDimension === dimension && p.policyType === 'TargetTrackingScaling');
        const where = `${scope.label} ${d.unit.toLowerCase()} capacity`;
        if (!target) {
          problems.push({ message: `${where}: no scalable target`, field: 'autoScaling.targets', value: `${scope.resourceId} ${dimension}` });
          continue;
        }
        if (!policy) {
          problems.push({ message: `${where}: no target-tracking scaling policy`, field: 'autoScaling.policies', value: `${scope.resourceId} ${dimension}` });
          continue;
        }
        const min = numberParam(ctx, d.param.min);
        if (min !== undefined && (target.minCapacity ?? 0) < min) {
          problems.push({ message: `${where}: minimum capacity ${target.minCapacity ?? 'unset'} is below ${min}`, field: 'autoScaling.targets', value: target.minCapacity });
        }
        const utilisation = numberParam(ctx, d.param.target);
        if (utilisation !== undefined && policy.targetValue !== utilisation) {
          problems.push({ message: `${where}: target utilisation ${policy.targetValue ?? 'unset'} differs from ${utilisation}`, field: 'autoScaling.policies', value: policy.targetValue });
        }
      }
    }
    if (problems.length > 0) return fail(`table ${table.name} uses provisioned capacity without complete auto scaling (${problems.length} gap${problems.length === 1 ? '' : 's'})`, problems);
    return pass(`table ${table.name} scales read and write capacity of the table and ${table.globalSecondaryIndexes.length} index(es) automatically`, [
      { message: 'scalable targets and target-tracking policies present', field: 'autoScaling', value: scopes.map((s) => s.resourceId) },
    ]);
  },
});
