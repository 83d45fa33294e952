import { errorMessage } from "../../common/errors.ts";
import { type Logger, withJob } from "../../common/log.ts";
import type { EventReceiverClient } from "../../common/reporter.ts";
import type { ScanLimits } from "../image/limits.ts";
import type { Platform } from "../image/manifest.ts";
import { matchPackages } from "../match/match.ts";
import { buildSbom } from "../sbomBuilder.ts";
import type { Finding, Sbom } from "../types.ts";
import { containerScanChunks, scanStatusReport } from "./containerScanReport.ts";
import type { ScanCommand } from "./schemas.ts";
import type { VulnDbHolder } from "./vulnDbHolder.ts";

/** About 1 KB of heap per package: keeps the SBOM cache to a few tens of MiB. */
const MAX_CACHED_PACKAGES = 50_000;

export type ScanKind = "scanImage" | "scanRegistryImage" | "generateSBOM";

export interface ImageScannerOptions {
  db: VulnDbHolder;
  reporter: EventReceiverClient;
  accountId: string;
  clusterName: string;
  logger: Logger;
  limits?: Partial<ScanLimits>;
  platform?: Platform;
  cacheEntries?: number;
  printPostJson?: boolean;
  /** Registries (host[:port]) reached over plain HTTP even when a request does not say useHTTP (KS_INSECURE_REGISTRIES). */
  insecureRegistries?: readonly string[];
  now?: () => Date;
}

interface CacheEntry {
  sbom: Sbom;
  findings?: Finding[];
  dbBuiltAt?: string;
}

/**
 * One scan job: SBOM (from cache by digest, or read from the registry), matching, then results
 * and status to the event receiver. Failures become a `failure` status, never a crash.
 */
export class ImageScanner {
  private readonly cache = new Map<string, CacheEntry>();
  readonly stats = { scans: 0, cacheHits: 0, failures: 0 };

  constructor(private readonly options: ImageScannerOptions) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private status(command: ScanCommand, status: Parameters<typeof scanStatusReport>[2], details: string, errors?: string[]): void {
    this.options.reporter.sendSystemReport(scanStatusReport(command, this.options.accountId, status, details, this.now().toISOString(), errors));
  }

  /** Called when the request is accepted, before it waits in the queue. */
  accepted(command: ScanCommand): void {
    this.status(command, "started", "Inqueueing");
  }

  private remember(keys: Array<string | undefined>, entry: CacheEntry): void {
    for (const key of keys) {
      if (!key) continue;
      this.cache.delete(key);
      this.cache.set(key, entry);
    }
    // bounded by entries and by packages held (an entry can be stored under two keys)
    const max = this.options.cacheEntries ?? 100;
    const packagesHeld = () => new Set(this.cache.values()).values().reduce((n, e) => n + e.sbom.packages.length, 0);
    while (this.cache.size > max || (this.cache.size > 1 && packagesHeld() > MAX_CACHED_PACKAGES)) this.cache.delete(this.cache.keys().next().value!);
  }

  private isInsecureRegistry(imageTag: string): boolean {
    const host = imageTag.split("/")[0] ?? "";
    return imageTag.includes("/") && (this.options.insecureRegistries ?? []).includes(host);
  }

  cached(digest: string): CacheEntry | undefined {
    return this.cache.get(digest);
  }

  private async sbomFor(command: ScanCommand, log: Logger): Promise<CacheEntry> {
    const hash = command.imageHash?.replace(/^.*@/, "");
    const hit = hash ? this.cache.get(hash) : undefined;
    if (hit) {
      this.stats.cacheHits++;
      log.info({ digest: hash }, "SBOM from cache");
      return hit;
    }
    const { sbom, stats } = await buildSbom(
      {
        kind: "registry",
        reference: command.imageTag,
        registry: { useHTTP: command.args?.useHTTP ?? this.isInsecureRegistry(command.imageTag), skipTLSVerify: command.args?.skipTLSVerify ?? false, credentials: command.credentialsList ?? [] },
      },
      { limits: this.options.limits, platform: this.options.platform },
    );
    log.info({ digest: sbom.source.digest, packages: sbom.packages.length, ...stats }, "SBOM built");
    const entry: CacheEntry = { sbom };
    this.remember([sbom.source.digest, hash], entry);
    return entry;
  }

  async run(kind: ScanKind, command: ScanCommand): Promise<void> {
    const log = withJob(this.options.logger, command.jobID ?? "no-job-id", command.parentJobID).child({ kind, imageTag: command.imageTag });
    this.stats.scans++;
    this.status(command, "in progress", "Dequeueing");
    try {
      const entry = await this.sbomFor(command, log);
      if (kind !== "generateSBOM") {
        const db = this.options.db.current;
        const builtAt = this.options.db.builtAt;
        if (!entry.findings || entry.dbBuiltAt !== builtAt) {
          entry.findings = matchPackages(entry.sbom, db);
          entry.dbBuiltAt = builtAt;
        }
        this.status(command, "success", `${entry.findings.length} vulnerabilities in ${entry.sbom.packages.length} packages`);
        const chunks = containerScanChunks({
          command,
          accountId: this.options.accountId,
          clusterName: this.options.clusterName,
          sbom: entry.sbom,
          findings: entry.findings,
          now: Math.floor(this.now().getTime() / 1000),
        });
        for (const chunk of chunks) {
          if (this.options.printPostJson) log.info({ payload: chunk }, "containerScan chunk");
          this.options.reporter.send("/k8s/v2/containerScan", { customerGUID: this.options.accountId }, chunk);
        }
        log.info({ findings: entry.findings.length, chunks: chunks.length }, "scan results queued for the event receiver");
      } else {
        this.status(command, "success", `SBOM of ${entry.sbom.packages.length} packages`);
      }
      this.status(command, "done", "done");
    } catch (err) {
      this.stats.failures++;
      const message = errorMessage(err);
      log.error({ err: message }, "scan failed");
      this.status(command, "failure", "failed", [message]);
    }
  }
}
