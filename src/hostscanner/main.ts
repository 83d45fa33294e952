import { intFromEnv } from "../common/config.ts";
import { serve } from "../common/http/service.ts";
import { createLogger } from "../common/log.ts";
import { createHostScannerApp, DEFAULT_METADATA_URL } from "./server.ts";

const HELP = `ks host-scanner: per-node facts for Kubescape's host-based controls

Runs as a DaemonSet with the host filesystem mounted read-only and hostPID.

env:
  PORT          listen port (default 7888)
  HOST_ROOT     where the host's / is mounted (default /)
  METADATA_URL  cloud instance-metadata endpoint probed by /cloudproviderinfo (default ${DEFAULT_METADATA_URL})
  LOG_LEVEL     pino level (default info)

routes (GET, case-insensitive): /healthz /readyz /osrelease /kernelversion /linuxsecurityhardening
  /openedports /linuxkernelvariables /kubeletinfo /kubeproxyinfo /controlplaneinfo
  /cloudproviderinfo /cniinfo /version`;

export async function run(argv: string[]): Promise<number | void> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(HELP);
    return 0;
  }
  const env = process.env;
  const port = intFromEnv(env, "PORT", 7888);
  const hostRoot = env.HOST_ROOT || "/";
  const logger = createLogger("host-scanner");
  const { app, health } = createHostScannerApp({ hostRoot, logger, metadataUrl: env.METADATA_URL || undefined });
  serve(app, health, logger, { port });
  health.setReady();
  logger.info({ hostRoot }, "host-scanner ready");
}
