import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { Severity, severityRank } from '../core';
import { isBaselineLedgerItem, Transition, type BaselineLedgerItem, type Finding } from '../findings';
import type { PublishableAlert } from './health';
import { asciiLine, htmlSafeJson, singleLine } from './sanitize';
import type { AlertAttribute, AlertAttributeName } from './types';

/** `ruleId` attribute of the baseline summary: subscribers filter it in or out with it. */
export const BASELINE_RULE_ID = 'vigil-baseline';

/** Severities, most severe first. */
const SEVERITIES = (Object.values(Severity) as Severity[]).sort((a, b) => severityRank(b) - severityRank(a));

/**
 * True when the finding's transition is announced by its baseline's summary instead of its own alert: a finding the
 * first-run baseline created (NEW, or EVALUATION_ERROR), tagged by the evaluation that counted it.
 */
export const isCoveredByBaseline = (transition: Transition, finding: Finding): boolean =>
  (transition === Transition.NEW || transition === Transition.EVALUATION_ERROR) && finding.history.at(-1)?.baselineId !== undefined;

/** A stream image (attribute-value JSON) as a baseline ledger, or undefined when it is not one. */
export const baselineLedgerOfImage = (image: Readonly<Record<string, unknown>> | undefined): BaselineLedgerItem | undefined => {
  if (image === undefined) return undefined;
  const item = unmarshall(image as Record<string, AttributeValue>);
  return isBaselineLedgerItem(item) ? (item as BaselineLedgerItem) : undefined;
};

const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/**
 * The one alert summarising a family's first-run baseline ("baseline: 37 findings, 3 CRITICAL"), sent when the ledger
 * closes (the write that sets `closedAt`); undefined for every other write of the ledger.
 */
export const baselineAlertFromImages = (oldImage: BaselineLedgerItem | undefined, newImage: BaselineLedgerItem | undefined): PublishableAlert | undefined => {
  if (!newImage || newImage.closedAt === undefined || oldImage?.closedAt !== undefined) return undefined;
  const family = singleLine(newImage.family, 40);
  const total = count(newImage.newFindings);
  const bySeverity = SEVERITIES.map((severity) => [severity, count(newImage[`new_${severity}`])] as const).filter(([, n]) => n > 0);
  const top = bySeverity[0];
  const errors = count(newImage.errors);
  const finished = count(newImage.finished);
  const expected = newImage.expected === undefined ? undefined : count(newImage.expected);
  const incomplete = newImage.incomplete === true;
  const account = singleLine(newImage.accountId, 20);
  const region = singleLine(newImage.region, 30);

  const subject = asciiLine(
    `[VIGIL] ${family} baseline${incomplete ? ' (incomplete)' : ''}: ${total} finding${total === 1 ? '' : 's'}${top ? `, ${top[1]} ${top[0]}` : ''}`,
    99,
  );
  const text = [
    `Vigil's first sweep of the ${family} resources of account ${account} (Region ${region}) is ${incomplete ? 'closed before it finished' : 'complete'}: ${total} finding${total === 1 ? '' : 's'} opened.`,
    '',
    ...(bySeverity.length > 0 ? bySeverity.map(([severity, n]) => `  ${severity.padEnd(14)}${n}`) : ['  (none)']),
    '',
    `Resources evaluated: ${finished}${expected === undefined ? '' : ` of ${expected}`}.`,
    ...(errors > 0 ? [`Evaluations that could not run: ${errors} (status ERROR: missing permissions, or reads that kept failing).`] : []),
    ...(incomplete ? ['It made no progress for an hour: resources still to be evaluated alert one by one when they are.'] : []),
    '',
    'These findings are not announced one by one. List them with: vigil findings list --status OPEN',
    'From now on every change of a finding alerts as usual.',
  ].join('\n');
  const json = htmlSafeJson({
    schema: 'vigil.baseline/v1',
    family,
    accountId: account,
    region,
    sweepId: singleLine(newImage.sweepId, 128),
    startedAt: newImage.startedAt,
    closedAt: newImage.closedAt,
    complete: !incomplete,
    resourcesEvaluated: finished,
    ...(expected === undefined ? {} : { resourcesExpected: expected }),
    newFindings: total,
    bySeverity: Object.fromEntries(bySeverity),
    evaluationErrors: errors,
  });
  const attr = (value: unknown): AlertAttribute => ({ DataType: 'String', StringValue: singleLine(value, 256) || 'unknown' });
  // The most severe finding's severity, so that a subscription filtered on severity receives the summary exactly when it
  // would have received one of the alerts it replaces.
  const attributes: Record<AlertAttributeName, AlertAttribute> = {
    severity: attr(top?.[0] ?? Severity.INFORMATIONAL),
    ruleId: attr(BASELINE_RULE_ID),
    resourceType: attr('AWS::::Account'),
    accountId: attr(account),
    region: attr(region),
    transition: attr('BASELINE'),
    status: attr(incomplete ? 'INCOMPLETE' : 'COMPLETE'),
  };
  return { subject, text, json, attributes };
};
