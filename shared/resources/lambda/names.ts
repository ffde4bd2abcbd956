/** Lambda identifiers: a FunctionName parameter may be a name, a full ARN or a partial ARN, each optionally qualified. */

export interface FunctionIdentifier {
  readonly name: string;
  /** Version or alias, when the identifier carries one. */
  readonly qualifier: string | null;
  readonly accountId: string | null;
  readonly region: string | null;
  readonly partition: string | null;
}

const NAME = '[A-Za-z0-9_-]{1,170}';
const QUALIFIER = '(?:\\$LATEST|[A-Za-z0-9_-]{1,128})';
const FULL_ARN = new RegExp(`^arn:(aws[a-z-]{0,20}):lambda:([a-z0-9-]{1,30}):(\\d{12}):function:(${NAME})(?::(${QUALIFIER}))?$`);
const PARTIAL_ARN = new RegExp(`^(\\d{12}):function:(${NAME})(?::(${QUALIFIER}))?$`);
const QUALIFIED_NAME = new RegExp(`^(${NAME})(?::(${QUALIFIER}))?$`);

/** Parses `my-function`, `my-function:prod`, `123456789012:function:my-function[:q]` or a full ARN; undefined otherwise. */
export const parseFunctionIdentifier = (value: string): FunctionIdentifier | undefined => {
  let m = FULL_ARN.exec(value);
  if (m) return { partition: m[1]!, region: m[2]!, accountId: m[3]!, name: m[4]!, qualifier: m[5] ?? null };
  m = PARTIAL_ARN.exec(value);
  if (m) return { partition: null, region: null, accountId: m[1]!, name: m[2]!, qualifier: m[3] ?? null };
  m = QUALIFIED_NAME.exec(value);
  if (m) return { partition: null, region: null, accountId: null, name: m[1]!, qualifier: m[2] ?? null };
  return undefined;
};

export const partitionOfRegion = (region: string): string =>
  region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : region.startsWith('us-iso-') ? 'aws-iso' : region.startsWith('us-isob-') ? 'aws-iso-b' : 'aws';

/** Unqualified function ARN of `id` (a name or any ARN form). */
export const functionArn = (p: { readonly partition: string; readonly accountId: string; readonly region: string; readonly id: string }): string => {
  const parsed = parseFunctionIdentifier(p.id);
  if (!parsed) return p.id;
  return `arn:${parsed.partition ?? p.partition}:lambda:${parsed.region ?? p.region}:${parsed.accountId ?? p.accountId}:function:${parsed.name}`;
};

/** Layer version ARN parts (`arn:aws:lambda:us-east-1:123456789012:layer:my-layer:3`). */
export const parseLayerVersionArn = (arn: string): { readonly partition: string; readonly region: string; readonly accountId: string; readonly layerName: string; readonly version: number } | undefined => {
  const m = /^arn:(aws[a-z-]{0,20}):lambda:([a-z0-9-]{1,30}):(\d{12}):layer:([A-Za-z0-9_-]{1,140}):(\d{1,10})$/.exec(arn);
  return m ? { partition: m[1]!, region: m[2]!, accountId: m[3]!, layerName: m[4]!, version: Number(m[5]) } : undefined;
};

/** Account of any ARN (`arn:p:svc:region:account:...`), when it has a 12-digit one. */
export const accountOfArn = (arn: string): string | null => {
  const parts = arn.split(':');
  return parts.length > 4 && /^\d{12}$/.test(parts[4]!) ? parts[4]! : null;
};
