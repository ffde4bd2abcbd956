import { ConfigError, type InputGap } from '../core';
import { liveReadHint, notTold } from './gaps';

/**
 * An AWS Config configuration item in one canonical form. Config delivers two spellings: the event form
 * (`awsAccountId`, `ARN`, `configurationItemVersion`) and the API / snapshot form (`accountId`, `arn`, `version`),
 * where `configuration` and each `supplementaryConfiguration` value may be JSON strings (sometimes twice encoded).
 */
export interface ConfigItem {
  readonly resourceType: string;
  readonly resourceId: string;
  readonly resourceName?: string;
  readonly arn?: string;
  readonly accountId: string;
  readonly region: string;
  /** `OK`, `ResourceDiscovered`, `ResourceNotRecorded`, `ResourceDeleted`, `ResourceDeletedNotRecorded`. */
  readonly status: string;
  readonly captureTime: string;
  readonly configuration: Record<string, unknown>;
  readonly supplementaryConfiguration: Record<string, unknown>;
  readonly tags: Record<string, string>;
  readonly relationships: readonly { resourceType?: string; resourceId?: string; resourceName?: string; name?: string; relationshipName?: string }[];
  /**
   * Which parts the item told. A part that is absent or null (a SelectResourceConfig answer that did not select it, an
   * item captured mid-change, `ResourceNotRecorded`) is not told: its empty stand-in above is not a fact, and what is
   * built from it is INSUFFICIENT_DATA (see configItemGaps). A part present but empty is known absence.
   */
  readonly told: { readonly configuration: boolean; readonly supplementaryConfiguration: boolean; readonly tags: boolean; readonly relationships: boolean };
}

/** Items of one snapshot, looked up by type and id (a bucket needs the account's BPA item, a user its groups' policies). */
export interface ConfigIndex {
  byType(resourceType: string): readonly ConfigItem[];
  find(resourceType: string, idOrNameOrArn: string): ConfigItem | undefined;
}

/** Parses JSON text repeatedly until it is no longer a string that holds JSON (Config double-encodes some values). */
export const parseJsonDeep = (value: unknown): unknown => {
  let current = value;
  for (let i = 0; i < 3 && typeof current === 'string'; i++) {
    const text = current.trim();
    if (!(text.startsWith('{') || text.startsWith('[') || text.startsWith('"'))) break;
    try {
      current = JSON.parse(text);
    } catch {
      break;
    }
  }
  return current;
};

const asRecord = (value: unknown): Record<string, unknown> => {
  const parsed = parseJsonDeep(value);
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
};

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

/** A part of the item that holds an object (possibly JSON text, possibly empty); absent, null or unreadable is not told. */
const tells = (value: unknown): boolean => {
  const parsed = parseJsonDeep(value);
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
};

/**
 * Capture time as ISO 8601: API answers relayed through boto3 give epoch seconds (`1569605832.673`), Config gives text.
 * Undefined when absent; ConfigError when present but not a time `Date` can hold (it becomes the observation time).
 */
const captureTimeOf = (value: unknown): string | undefined => {
  if (value === undefined || value === null || value === '') return undefined;
  const ms = typeof value === 'number' ? (value > 1e12 ? value : value * 1000) : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  const time = new Date(ms);
  if (Number.isNaN(time.getTime())) throw new ConfigError(`configuration item has an invalid configurationItemCaptureTime (${typeof value})`);
  return time.toISOString();
};

type Relationship = ConfigItem['relationships'][number];
const RELATIONSHIP_FIELDS = ['resourceType', 'resourceId', 'resourceName', 'name', 'relationshipName'] as const;

/** The relationships that are objects, with their text fields only (normalisers read them as strings). */
const relationshipsOf = (value: unknown): Relationship[] =>
  (Array.isArray(value) ? value : []).flatMap((entry): Relationship[] => {
    if (!entry || typeof entry !== 'object') return [];
    const fields = RELATIONSHIP_FIELDS.flatMap((field) => {
      const text = str((entry as Record<string, unknown>)[field]);
      return text === undefined ? [] : [[field, text] as const];
    });
    return [Object.fromEntries(fields) as Relationship];
  });

/** Normalises one raw configuration item (either form). Throws ConfigError naming the missing field. */
export const normaliseConfigItem = (raw: unknown): ConfigItem => {
  if (!raw || typeof raw !== 'object') throw new ConfigError('configuration item is not an object');
  const r = raw as Record<string, unknown>;
  const resourceType = str(r.resourceType);
  const resourceId = str(r.resourceId) ?? str(r.resourceName);
  const accountId = str(r.awsAccountId) ?? str(r.accountId);
  if (!resourceType) throw new ConfigError('configuration item has no resourceType');
  if (!resourceId) throw new ConfigError(`configuration item of type ${resourceType} has no resourceId`);
  if (!accountId) throw new ConfigError(`configuration item ${resourceType} ${resourceId} has no accountId/awsAccountId`);
  const supplementary = asRecord(r.supplementaryConfiguration);
  const supplementaryConfiguration: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(supplementary)) supplementaryConfiguration[key] = parseJsonDeep(value);
  const tagsRaw = asRecord(r.tags);
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries(tagsRaw)) if (typeof value === 'string') tags[key] = value;
  const relationships = relationshipsOf(r.relationships);
  return {
    resourceType,
    resourceId,
    resourceName: str(r.resourceName),
    arn: str(r.ARN) ?? str(r.arn),
    accountId,
    region: str(r.awsRegion) ?? 'us-east-1',
    status: str(r.configurationItemStatus) ?? 'OK',
    captureTime: captureTimeOf(r.configurationItemCaptureTime) ?? new Date(0).toISOString(),
    configuration: asRecord(r.configuration),
    supplementaryConfiguration,
    tags,
    relationships,
    told: {
      configuration: tells(r.configuration),
      supplementaryConfiguration: tells(r.supplementaryConfiguration),
      tags: tells(r.tags),
      relationships: Array.isArray(r.relationships),
    },
  };
};

export const isDeletedItem = (item: ConfigItem): boolean => item.status === 'ResourceDeleted' || item.status === 'ResourceDeletedNotRecorded';

export const createConfigIndex = (items: readonly ConfigItem[]): ConfigIndex => {
  const byType = new Map<string, ConfigItem[]>();
  const byKey = new Map<string, ConfigItem>();
  for (const item of items) {
    const list = byType.get(item.resourceType) ?? [];
    list.push(item);
    byType.set(item.resourceType, list);
    for (const key of [item.resourceId, item.resourceName, item.arn]) if (key) byKey.set(`${item.resourceType}|${key}`, item);
  }
  return {
    byType: (type) => byType.get(type) ?? [],
    find: (type, key) => byKey.get(`${type}|${key}`),
  };
};

/** Which snapshot fields a normaliser builds from each part of a Config item. */
export interface ItemParts {
  /** Fields built from `configuration` (`*`: all of them, when nothing is known without it). */
  readonly configuration?: readonly string[];
  /** Fields built from each `supplementaryConfiguration` key. */
  readonly supplementary?: Readonly<Record<string, readonly string[]>>;
  /**
   * Supplementary keys Config writes only when the setting exists: their absence from a complete supplementary
   * configuration is known absence. Every other key is always written, so when one is missing the supplementary
   * configuration is partial (a SelectResourceConfig answer that selected a few keys) and no absence in it is a fact.
   */
  readonly supplementaryWhenSet?: readonly string[];
  readonly tags?: readonly string[];
  readonly relationships?: readonly string[];
}

/** The not-told gaps of an item: the fields built from parts the item did not carry (INSUFFICIENT_DATA, never a PASS). */
export const configItemGaps = (item: ConfigItem, family: string, parts: ItemParts, region = item.region): InputGap[] => {
  const how = liveReadHint(family, region);
  const gaps: InputGap[] = [];
  const add = (inputs: readonly string[] | undefined, read: string) => {
    if (inputs && inputs.length > 0) gaps.push(notTold(inputs, read, `the item does not carry it; ${how}`));
  };
  if (!item.told.configuration) add(parts.configuration, 'configuration');
  const supplementary = Object.entries(parts.supplementary ?? {});
  const whenSet = parts.supplementaryWhenSet ?? [];
  const complete = supplementary.every(([key]) => whenSet.includes(key) || key in item.supplementaryConfiguration);
  for (const [key, inputs] of supplementary) {
    if (!item.told.supplementaryConfiguration) add(inputs, 'supplementaryConfiguration');
    else if (!(key in item.supplementaryConfiguration) && (!complete || !whenSet.includes(key))) add(inputs, `supplementaryConfiguration.${key}`);
  }
  if (!item.told.tags) add(parts.tags, 'tags');
  if (!item.told.relationships) add(parts.relationships, 'relationships');
  return gaps;
};

/** Data AWS Config does not record for a resource type: INSUFFICIENT_DATA for the rules that read it. */
export const notInConfig = (inputs: readonly string[], read: string, family: string, region: string): InputGap =>
  notTold(inputs, read, `AWS Config does not record it; ${liveReadHint(family, region)}`);
