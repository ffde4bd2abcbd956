import type { Observation, ResourceRef } from '../core';
import type { ClientFactory } from './clients';
import type { ConfigIndex, ConfigItem } from './config-item';

/** One kind of snapshot Vigil collects and rules evaluate (catalogue resource types, plus account-level kinds). */
export interface ResourceKind {
  /** Snapshot kind, e.g. `AWS::S3::Bucket` or `AWS::S3::AccountPublicAccessBlock`. */
  readonly kind: string;
  /** Type reported in findings, e.g. `AWS::::Account` for account-level kinds. */
  readonly reportedType: string;
  readonly family: string;
  /** Global resources (IAM) get region `global`: one finding per resource, not one per Region. */
  readonly global: boolean;
  /** AWS Config resource types normalised into this kind. */
  readonly configTypes: readonly string[];
  /** ARN of the resource named `id` (an id that already is an ARN is returned as is). */
  arn(p: { readonly partition: string; readonly accountId: string; readonly region: string; readonly id: string }): string;
}

/** Live SDK reads for one kind. `collect` never throws for absent or denied reads (see runReads); it throws to be retried. */
export interface KindCollector {
  collect(ref: ResourceRef, clients: ClientFactory): Promise<Observation>;
  /** Every resource of the kind in the account (sweep, scan and fan-out). */
  list(scope: { readonly accountId: string; readonly region: string; readonly partition: string }, clients: ClientFactory): Promise<ResourceRef[]>;
  /**
   * True when `list` returns only some of the kind's resources (e.g. the latest version of each layer): a sweep then never
   * resolves the findings of resources it did not list. @default false (the listing is every resource of the kind)
   */
  readonly partialListing?: boolean;
}

/** Turns AWS Config configuration items into the same observations the live collector yields. */
export interface ConfigNormaliser {
  /** AWS Config resource type, e.g. `AWS::S3::Bucket`. */
  readonly configType: string;
  /** May return several observations (e.g. an API item with its stages), or none for items it does not judge. */
  toObservations(item: ConfigItem, index: ConfigIndex): Observation[];
  /** Supplementary keys whose absence from a complete item means "not configured" (see ItemParts.supplementaryWhenSet). */
  readonly supplementaryWhenSet?: readonly string[];
}
