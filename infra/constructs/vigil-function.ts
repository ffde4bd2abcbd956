import * as path from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** Repository root: entries live in functions/, the lock file NodejsFunction needs sits here. */
export const PROJECT_ROOT = path.join(__dirname, '..', '..');

export interface VigilFunctionProps {
  /** File name under functions/, e.g. `evaluate-s3.ts`. */
  readonly entry: string;
  readonly description: string;
  /** Powertools service name (log field `service`). */
  readonly serviceName: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly logRetention: logs.RetentionDays;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default 60 seconds */
  readonly timeout?: Duration;
  /** @default - unreserved */
  readonly reservedConcurrentExecutions?: number;
}

/**
 * A Vigil Lambda function: arm64, Node.js 22, bundled by the local esbuild (never Docker), its own log group with a
 * retention, and its own role whose only built-in permission is writing to that log group (no AWSLambdaBasicExecutionRole).
 * Callers grant everything else explicitly.
 */
export class VigilFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: VigilFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'LogGroup', { retention: props.logRetention });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.serviceName}: ${props.description}`,
    });
    // The function writes to its own log group only (Lambda does not need logs:CreateLogGroup when the group exists).
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [this.logGroup.logGroupArn] }),
    );
    this.function = new NodejsFunction(this, 'Function', {
      entry: path.join(PROJECT_ROOT, 'functions', props.entry),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(60),
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        ...props.environment,
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        minify: true,
        // Vigil's errors take their name from their class (`new.target.name`), and handlers log `name: message`: without
        // this, minified classes would log as `T` or `Be` instead of CollectError or ConfigError.
        keepNames: true,
        sourceMap: true,
        format: OutputFormat.CJS,
        target: 'node22',
        externalModules: ['@aws-sdk/*'],
        forceDockerBundling: false,
      },
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Runtime pinned to nodejs22.x on purpose: the project supports Node 20/22 only (engines, CI and the bundling target node22); moving to a newer runtime is a deliberate upgrade, not a drift fix.',
    });
  }
}
