/** Base of Vigil's typed errors. Expected outcomes (gone, stale, ignored) are return values, not errors. */
export class VigilError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** An inbound event (EventBridge envelope, SQS body, Config item) that does not have the expected shape. */
export class EventValidationError extends VigilError {
  constructor(message: string, readonly issues: readonly string[] = [], options?: ErrorOptions) {
    super(message, options);
  }
}

/** A read that failed in a way that should be retried (throttled past the SDK's retries, 5xx). */
export class CollectError extends VigilError {
  constructor(message: string, readonly context: { readonly ref?: unknown; readonly operation?: string; readonly awsCode?: string }, options?: ErrorOptions) {
    super(message, options);
  }
}

/** Bad configuration or input given by the user (CLI arguments, snapshot files, deployment context). */
export class ConfigError extends VigilError {}

/** A policy document that cannot be parsed or is invalid (unknown Effect, Principal in an identity policy, ...). */
export class PolicyParseError extends VigilError {}

/** `Name: message` of anything thrown (a rule or a library may throw a non-Error), for logs and failure reports. */
export const describeError = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
