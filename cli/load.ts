import { readFileSync } from 'node:fs';
import { UsageError } from './errors';

const readText = (file: string): string => {
  try {
    return file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message}`);
  }
};

/** JSON, or JSON lines (one value per line). */
export const readJsonOrLines = (file: string): unknown => {
  const text = readText(file);
  try {
    return JSON.parse(text);
  } catch (jsonError) {
    const lines = text.split(/\r?\n/).filter((l) => l.trim().length > 0);
    if (lines.length > 1) {
      return lines.map((line, i) => {
        try {
          return JSON.parse(line);
        } catch {
          throw new UsageError(`${file}: line ${i + 1} is not valid JSON`);
        }
      });
    }
    throw new UsageError(`${file}: not valid JSON (${(jsonError as Error).message})`);
  }
};

/**
 * Configuration items of an AWS Config snapshot or history file (`{configurationItems: [...]}`), a plain array of items,
 * or a SelectResourceConfig answer (`{Results: ["<json>", ...]}`).
 */
export const loadConfigItems = (file: string): unknown[] => {
  const data = readJsonOrLines(file);
  let items: unknown;
  if (Array.isArray(data)) items = data;
  else if (data && typeof data === 'object') {
    const d = data as Record<string, unknown>;
    if (Array.isArray(d.configurationItems)) items = d.configurationItems;
    else if (Array.isArray(d.Results)) items = d.Results.map((r) => (typeof r === 'string' ? JSON.parse(r) : r));
    else if (d.data && typeof d.data === 'object' && Array.isArray((d.data as Record<string, unknown>).Results)) {
      items = ((d.data as Record<string, unknown>).Results as unknown[]).map((r) => (typeof r === 'string' ? JSON.parse(r) : r));
    } else if (typeof d.resourceType === 'string') items = [d];
  }
  if (!Array.isArray(items)) throw new UsageError(`${file}: not an AWS Config snapshot (expected configurationItems, an array of items, or Results)`);
  items.forEach((item, i) => {
    if (!item || typeof item !== 'object' || typeof (item as Record<string, unknown>).resourceType !== 'string') {
      throw new UsageError(`${file}: configuration item #${i + 1} has no resourceType`);
    }
  });
  return items;
};

/**
 * Events to replay: an array (or JSON lines) of EventBridge events, CloudTrail records, or a CloudTrail log file
 * (`{Records: [...]}`). Bare CloudTrail records are wrapped in the "AWS API Call via CloudTrail" envelope.
 */
export const loadEvents = (file: string): unknown[] => {
  const data = readJsonOrLines(file);
  const list = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as Record<string, unknown>).Records) ? ((data as Record<string, unknown>).Records as unknown[]) : [data];
  return list.map((event, i) => {
    if (!event || typeof event !== 'object') throw new UsageError(`${file}: event #${i + 1} is not an object`);
    const e = event as Record<string, unknown>;
    if ('detail-type' in e) return e;
    if (typeof e.eventSource === 'string') {
      return {
        version: '0',
        id: String(e.eventID ?? `replay-${i + 1}`),
        'detail-type': 'AWS API Call via CloudTrail',
        source: `aws.${e.eventSource.split('.')[0]}`,
        account: e.recipientAccountId,
        time: e.eventTime,
        region: e.awsRegion,
        resources: [],
        detail: e,
      };
    }
    throw new UsageError(`${file}: event #${i + 1} is neither an EventBridge event nor a CloudTrail record`);
  });
};
