import { parseArgs } from "node:util";
import { isReportFormat, REPORT_FORMATS, type ReportFormat } from "../report/render.ts";
import { SEVERITY_RANK, type SeverityName } from "../scan.ts";

export class UsageError extends Error {}

export interface ScanArgs {
  kind: "scan";
  targetType: "framework" | "control";
  targetNames: string[];
  paths: string[];
  format: ReportFormat;
  output?: string;
  includeNamespaces: string[];
  excludeNamespaces: string[];
  exceptions?: string;
  exceptionsConfigMap?: string;
  controlsConfig?: string;
  failThreshold?: number;
  complianceThreshold?: number;
  severityThreshold?: SeverityName;
  hostScannerNamespace?: string;
  clusterName?: string;
  verbose: boolean;
  color?: boolean;
  /** File scans: also run the cluster-only controls kubescape skips on files. */
  allControls: boolean;
}

export interface ListArgs {
  kind: "list";
  what: "controls" | "frameworks";
  format: "json" | "pretty";
}

const list = (v: string | undefined) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean);

function number(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new UsageError(`--${name} must be a number from 0 to 100, got "${v}"`);
  return n;
}

/** `ks scan` arguments → a typed request; every mistake is a UsageError naming the flag. */
export function parseScanArgs(argv: string[]): ScanArgs | ListArgs | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: "string", short: "f" },
        output: { type: "string", short: "o" },
        "include-namespaces": { type: "string" },
        "exclude-namespaces": { type: "string", short: "e" },
        exceptions: { type: "string" },
        "exceptions-configmap": { type: "string" },
        "controls-config": { type: "string" },
        "fail-threshold": { type: "string", short: "t" },
        "compliance-threshold": { type: "string" },
        "severity-threshold": { type: "string" },
        "enable-host-scan": { type: "boolean" },
        "host-scanner-namespace": { type: "string" },
        "cluster-name": { type: "string" },
        "all-controls": { type: "boolean" },
        verbose: { type: "boolean", short: "v" },
        color: { type: "boolean" },
        "no-color": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";
  const pos = [...positionals];
  if (pos[0] === "list") {
    const what = pos[1];
    if (what !== "controls" && what !== "frameworks") throw new UsageError('usage: ks scan list controls|frameworks [--format json|pretty]');
    const format = values.format ?? "pretty";
    if (format !== "json" && format !== "pretty") throw new UsageError(`--format for list must be json or pretty, got "${format}"`);
    return { kind: "list", what, format };
  }
  let targetType: ScanArgs["targetType"] = "framework";
  let targetNames: string[] = [];
  if (pos[0] === "framework" || pos[0] === "control") {
    targetType = pos[0];
    if (!pos[1]) throw new UsageError(`${pos[0]} needs a comma-separated list of ${pos[0] === "framework" ? "names" : "IDs"}`);
    targetNames = list(pos[1]);
    pos.splice(0, 2);
  }
  const paths = pos.length === 1 && pos[0] === "cluster" ? [] : pos;
  const format = values.format ?? "pretty";
  if (!isReportFormat(format)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(", ")}, got "${format}"`);
  const severity = values["severity-threshold"]?.toLowerCase();
  if (severity !== undefined && !(severity in SEVERITY_RANK)) throw new UsageError(`--severity-threshold must be low, medium, high or critical, got "${values["severity-threshold"]}"`);
  return {
    kind: "scan",
    targetType,
    targetNames,
    paths,
    format,
    output: values.output,
    includeNamespaces: list(values["include-namespaces"]),
    excludeNamespaces: list(values["exclude-namespaces"]),
    exceptions: values.exceptions,
    exceptionsConfigMap: values["exceptions-configmap"],
    controlsConfig: values["controls-config"],
    failThreshold: number("fail-threshold", values["fail-threshold"]),
    complianceThreshold: number("compliance-threshold", values["compliance-threshold"]),
    severityThreshold: severity as SeverityName | undefined,
    hostScannerNamespace: values["host-scanner-namespace"] ?? (values["enable-host-scan"] ? "kubescape" : undefined),
    clusterName: values["cluster-name"],
    verbose: values.verbose ?? false,
    allControls: values["all-controls"] ?? false,
    color: values["no-color"] ? false : values.color,
  };
}

export const SCAN_HELP = `usage: ks scan [framework NAMES | control IDS] [PATHS... | cluster] [flags]
       ks scan list controls|frameworks [--format json|pretty]

Scans manifests (files, folders, Helm charts, "-" for stdin) or the live cluster (no paths, or
"cluster"; kubeconfig from KUBECONFIG, in-cluster credentials or ~/.kube/config).
NAMES and IDS are comma-separated (framework nsa,mitre / control C-0057,C-0013); no target
scans every framework.

flags:
  -f, --format F                 ${REPORT_FORMATS.join(" | ")} (default pretty)
  -o, --output FILE              write the report to FILE instead of stdout
      --include-namespaces A,B   only these namespaces (cluster-scoped objects are kept)
  -e, --exclude-namespaces A,B   skip these namespaces
      --exceptions FILE          postureExceptionPolicy list (JSON or YAML)
      --exceptions-configmap NS/NAME   the same, from a ConfigMap (cluster scans)
      --controls-config FILE     control inputs (controls-inputs JSON) over the defaults
  -t, --fail-threshold N         exit 1 when the risk score is above N (0-100)
      --compliance-threshold N   exit 1 when the compliance score is below N (0-100)
      --severity-threshold S     exit 1 when a control of severity S or higher fails
      --enable-host-scan         collect host-scanner data (namespace kubescape)
      --host-scanner-namespace NS    the same, from namespace NS
      --cluster-name NAME        name used in reports and exceptions
      --all-controls             file scans also run the cluster-only controls (kubescape skips them)
  -v, --verbose                  list failed resources in the pretty table
      --color / --no-color       force colours on or off (default: on for a terminal)

exit codes: 0 scan done and within thresholds, 1 a threshold was exceeded or the scan failed,
2 bad usage or unreadable input.`;
