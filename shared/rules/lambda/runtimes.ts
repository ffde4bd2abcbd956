/**
 * Lambda runtime data for `lambda-supported-runtime` (catalogue §5.1, Lambda.2). Plain data, meant to be edited:
 * add a runtime when AWS releases one, move a date when AWS moves it. Dates are UTC days (YYYY-MM-DD).
 *
 * Sources: the "Lambda runtimes" page of the Lambda developer guide (supported and deprecated tables), as mirrored by
 * tflint-ruleset-aws `aws_lambda_function_deprecated_runtime` (2025-11) and endoflife.date (2026-02). Block dates are
 * only filled where the guide gives them; the rule does not depend on them.
 */

export interface RuntimeLifecycle {
  /** Day Lambda deprecates the runtime (no more security patches). On and after this day the rule FAILs. */
  readonly deprecatedOn?: string;
  /** Day Lambda stops accepting new functions with the runtime. */
  readonly blockCreateOn?: string;
  /** Day Lambda stops accepting updates of functions with the runtime. */
  readonly blockUpdateOn?: string;
}

/** Version of this table: bump it with every edit so that findings can say which data judged them. */
export const RUNTIME_DATA_VERSION = '2026-02-15';

export const RUNTIME_LIFECYCLE: Readonly<Record<string, RuntimeLifecycle>> = {
  // Supported (projected deprecation dates)
  'nodejs24.x': { deprecatedOn: '2028-04-30' },
  'nodejs22.x': { deprecatedOn: '2027-04-30' },
  'nodejs20.x': { deprecatedOn: '2026-04-30' },
  'python3.14': { deprecatedOn: '2029-06-30' },
  'python3.13': { deprecatedOn: '2029-06-30' },
  'python3.12': { deprecatedOn: '2028-10-31' },
  'python3.11': { deprecatedOn: '2026-06-30' },
  'python3.10': { deprecatedOn: '2026-06-30' },
  java25: { deprecatedOn: '2029-06-30' },
  java21: { deprecatedOn: '2029-06-30' },
  java17: { deprecatedOn: '2026-06-30' },
  java11: { deprecatedOn: '2026-06-30' },
  'java8.al2': { deprecatedOn: '2026-06-30' },
  dotnet10: { deprecatedOn: '2028-11-14' },
  dotnet8: { deprecatedOn: '2026-11-10' },
  'ruby3.4': { deprecatedOn: '2028-03-31' },
  'ruby3.3': { deprecatedOn: '2027-03-31' },
  'ruby3.2': { deprecatedOn: '2026-03-31' },
  'provided.al2023': { deprecatedOn: '2029-06-30' },
  'provided.al2': { deprecatedOn: '2026-06-30' },
  // Deprecated
  'nodejs18.x': { deprecatedOn: '2025-09-01' },
  'python3.9': { deprecatedOn: '2025-12-15' },
  'nodejs16.x': { deprecatedOn: '2024-06-12' },
  'python3.8': { deprecatedOn: '2024-10-14' },
  dotnet6: { deprecatedOn: '2024-11-12' },
  dotnet7: { deprecatedOn: '2024-05-14' },
  java8: { deprecatedOn: '2024-01-08' },
  'go1.x': { deprecatedOn: '2024-01-08' },
  provided: { deprecatedOn: '2024-01-08' },
  'nodejs14.x': { deprecatedOn: '2023-12-04' },
  'python3.7': { deprecatedOn: '2023-12-04' },
  'ruby2.7': { deprecatedOn: '2023-11-27' },
  'dotnetcore3.1': { deprecatedOn: '2023-04-03' },
  'nodejs12.x': { deprecatedOn: '2023-03-31' },
  'python3.6': { deprecatedOn: '2022-07-18' },
  'dotnet5.0': { deprecatedOn: '2022-05-10' },
  'dotnetcore2.1': { deprecatedOn: '2022-01-05' },
  'nodejs10.x': { deprecatedOn: '2021-07-30' },
  'ruby2.5': { deprecatedOn: '2021-07-30' },
  'python2.7': { deprecatedOn: '2021-07-15' },
  'nodejs8.10': { deprecatedOn: '2020-03-06' },
  'nodejs4.3': { deprecatedOn: '2020-03-05' },
  'nodejs4.3-edge': { deprecatedOn: '2020-03-05' },
  'nodejs6.10': { deprecatedOn: '2019-08-12' },
  'dotnetcore1.0': { deprecatedOn: '2019-07-27' },
  'dotnetcore2.0': { deprecatedOn: '2019-05-30' },
  nodejs: { deprecatedOn: '2016-10-31' },
};

/**
 * The runtimes Security Hub's Lambda.2 accepts (its fixed `runtime` parameter list, late 2025). OS-only runtimes
 * (provided.al2, provided.al2023) are not on it: Lambda.2 fails them; the rule follows unless `allowOsOnlyRuntimes` is set.
 */
export const SECURITY_HUB_SUPPORTED_RUNTIMES: readonly string[] = [
  'dotnet8',
  'java25',
  'java21',
  'java17',
  'java11',
  'java8.al2',
  'nodejs24.x',
  'nodejs22.x',
  'nodejs20.x',
  'python3.14',
  'python3.13',
  'python3.12',
  'python3.11',
  'python3.10',
  'ruby3.4',
  'ruby3.3',
  'ruby3.2',
];

export const OS_ONLY_RUNTIMES: readonly string[] = ['provided.al2023', 'provided.al2'];

/** The UTC day of `now` as YYYY-MM-DD (dates in the table are days). */
export const utcDay = (now: Date): string => now.toISOString().slice(0, 10);

/** Deprecation state of `runtime` on the day of `now`. */
export const runtimeStatus = (runtime: string, now: Date): { readonly deprecated: boolean; readonly deprecatedOn?: string; readonly daysLeft?: number } => {
  const deprecatedOn = RUNTIME_LIFECYCLE[runtime]?.deprecatedOn;
  if (!deprecatedOn) return { deprecated: false };
  const today = utcDay(now);
  const daysLeft = Math.round((Date.parse(`${deprecatedOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return { deprecated: today >= deprecatedOn, deprecatedOn, daysLeft };
};
