/** What every example shares: the aws and tls providers, and running the example as a program. */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TlsProvider } from "@cdktf/provider-tls/lib/provider";
import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";

/** The aws and tls providers every example uses. */
export function awsAndTls(scope: Construct, region: string): void {
  new AwsProvider(scope, "aws", { region });
  new TlsProvider(scope, "tls");
}

/** Synthesizes the example when it is run as a program (`npx cdktf synth` in its folder). */
export function synthIfMain(module: NodeModule, build: (app: App) => TerraformStack): void {
  if (require.main === module) {
    const app = new App();
    build(app);
    app.synth();
  }
}
