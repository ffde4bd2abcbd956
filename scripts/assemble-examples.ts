/**
 * Builds the demo account from the per-family example files: examples/account-snapshot.json (an AWS Config snapshot,
 * the format Config delivers to S3) and examples/events.json (all events, in time order). Run: npx tsx scripts/assemble-examples.ts
 *
 * `<family>-snapshot-items.json` is a family's account state; when `<family>-baseline-items.json` exists, the demo account
 * starts from that earlier state instead, and the family's events (CloudTrail calls and the Config items they produce)
 * bring it to the snapshot state, so that the replay shows the changes being alerted.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '..', 'examples');
/** Items or events of a file: a JSON array, or a Config snapshot (`configurationItems`). */
const read = (file: string): Record<string, unknown>[] => {
  const data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  return Array.isArray(data) ? data : (data.configurationItems ?? []);
};
const files = readdirSync(dir).sort();

const baselineOf = (file: string): string => file.replace(/-snapshot-items\.json$/, '-baseline-items.json');
const items = files
  .filter((f) => f.endsWith('-snapshot-items.json'))
  .flatMap((f) => read(files.includes(baselineOf(f)) ? baselineOf(f) : f));
const snapshot = { fileVersion: '1.0', requestId: 'vigil-demo-snapshot', configurationItems: items };
writeFileSync(join(dir, 'account-snapshot.json'), `${JSON.stringify(snapshot, null, 2)}\n`);

const timeOf = (e: Record<string, unknown>): number => {
  const detail = e.detail as { eventTime?: string; configurationItem?: { configurationItemCaptureTime?: string } } | undefined;
  return Date.parse(detail?.eventTime ?? detail?.configurationItem?.configurationItemCaptureTime ?? String(e.time ?? ''));
};
const events = files.filter((f) => f.endsWith('-events.json') && f !== 'events.json').flatMap(read);
events.sort((a, b) => timeOf(a) - timeOf(b)); // stable: events of one file keep their order at equal times
writeFileSync(join(dir, 'events.json'), `${JSON.stringify(events, null, 2)}\n`);
process.stdout.write(`examples: ${items.length} configuration items, ${events.length} events\n`);
