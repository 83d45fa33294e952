import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { errorMessage } from "../../common/errors.ts";
import { loadKubeConfig } from "../../common/kube.ts";
import pino from "pino";
import { SelectionError } from "../engine/selection.ts";
import { listControls, listFrameworks } from "../list.ts";
import { writeReport } from "../report/render.ts";
import { loadExceptionsConfigMap, loadExceptionsFile, runScan, thresholdExceeded } from "../scan.ts";
import { type ListArgs, parseScanArgs, SCAN_HELP, type ScanArgs, UsageError } from "./args.ts";

function printList(args: ListArgs): void {
  if (args.what === "controls") {
    const { controls, counts } = listControls();
    if (args.format === "json") {
      console.log(JSON.stringify({ counts, controls }, null, 2));
      return;
    }
    for (const c of controls) console.log(`${c.id}  ${c.implementation.padEnd(15)} ${c.severity.padEnd(8)} ${c.name}`);
    console.log(`\n${Object.entries(counts).map(([k, v]) => `${k}: ${v}`).join(", ")}`);
    return;
  }
  const frameworks = listFrameworks();
  if (args.format === "json") {
    console.log(JSON.stringify({ frameworks }, null, 2));
    return;
  }
  for (const f of frameworks) console.log(`${f.name.padEnd(18)} ${String(f.controls).padStart(4)} controls  ${Object.entries(f.statuses).map(([k, v]) => `${k} ${v}`).join(", ")}`);
}

/** Buffered blocking writes to a file or stdout (a report can be hundreds of MiB). */
function writeReportTo(path: string | undefined, produce: (write: (chunk: string) => void) => void): void {
  const fd = path ? openSync(path, "w") : 1;
  let buffered: string[] = [];
  let size = 0;
  const flush = () => {
    if (size === 0) return;
    const data = Buffer.from(buffered.join(""));
    let off = 0;
    while (off < data.length) {
      try {
        off += writeSync(fd, data, off);
      } catch (err) {
        // A non-blocking stdout pipe: wait for the reader.
        if ((err as { code?: string }).code !== "EAGAIN") throw err;
        Bun.sleepSync(5);
      }
    }
    buffered = [];
    size = 0;
  };
  try {
    produce((chunk) => {
      buffered.push(chunk);
      size += chunk.length;
      if (size >= 1 << 20) flush();
    });
    flush();
  } finally {
    if (path) closeSync(fd);
  }
}

async function scan(args: ScanArgs): Promise<number> {
  // Logs go to stderr so stdout carries only the report.
  const logger = pino({ level: process.env.LOG_LEVEL ?? "warn", base: { component: "scan" } }, pino.destination(2));
  let exceptions = args.exceptions ? await loadExceptionsFile(args.exceptions) : [];
  const live = args.paths.length === 0;
  const kubeConfig = live ? loadKubeConfig() : undefined;
  if (args.exceptionsConfigMap) {
    const [ns, name] = args.exceptionsConfigMap.split("/");
    if (!ns || !name) throw new UsageError("--exceptions-configmap must be NAMESPACE/NAME");
    exceptions = [...exceptions, ...(await loadExceptionsConfigMap(kubeConfig ?? loadKubeConfig(), ns, name))];
  }
  const controlInputs = args.controlsConfig ? parseYaml(readFileSync(args.controlsConfig, "utf8")) : undefined;
  const outcome = await runScan(
    {
      targetType: args.targetType,
      targetNames: args.targetNames,
      paths: args.paths,
      includeNamespaces: args.includeNamespaces,
      excludeNamespaces: args.excludeNamespaces,
      exceptions,
      controlInputs,
      hostScannerNamespace: args.hostScannerNamespace,
      clusterName: args.clusterName,
      failThreshold: args.failThreshold,
      strictFileScope: !args.allControls,
    },
    { kubeConfig: kubeConfig ? () => kubeConfig : undefined, logger },
  );
  for (const p of outcome.problems) console.error(`warning: ${p.file}${p.line ? `:${p.line}` : ""}: ${p.message}`);
  const color = args.color ?? (!args.output && process.stdout.isTTY === true);
  writeReportTo(args.output, (write) => writeReport(args.format, outcome.result, outcome.context, write, { color, verbose: args.verbose }));
  const exceeded = thresholdExceeded(outcome.result, args);
  if (exceeded) {
    console.error(`ks scan: ${exceeded}`);
    return 1;
  }
  return 0;
}

/** `ks scan ...`: posture scan of manifests or the live cluster. */
export async function run(argv: string[]): Promise<number> {
  try {
    const args = parseScanArgs(argv);
    if (args === "help") {
      console.log(SCAN_HELP);
      return 0;
    }
    if (args.kind === "list") {
      printList(args);
      return 0;
    }
    return await scan(args);
  } catch (err) {
    if (err instanceof UsageError || err instanceof SelectionError) {
      console.error(`ks scan: ${err.message}`);
      return 2;
    }
    console.error(`ks scan: ${errorMessage(err)}`);
    // Unreadable input files are usage problems; anything else is a failed scan.
    return err instanceof Error && "code" in err && (err as { code?: string }).code === "ENOENT" ? 2 : 1;
  }
}
