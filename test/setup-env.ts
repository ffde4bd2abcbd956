// Tests never reach AWS: fake credentials and a fixed Region keep SDK clients from probing the environment.
process.env.CDK_VALIDATION ??= 'false'; // skip aws-cdk-lib's WASM CloudFormation validator (~1 s per synth); cdk-nag still runs
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.AWS_REGION ??= 'us-east-1';
process.env.AWS_ACCESS_KEY_ID ??= 'test';
process.env.AWS_SECRET_ACCESS_KEY ??= 'test';
process.env.AWS_EC2_METADATA_DISABLED ??= 'true';
