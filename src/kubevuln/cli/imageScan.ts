import { parseArgs } from "node:util";
import { errorMessage } from "../../common/errors.ts";
import { severityRank } from "../db/severity.ts";
import { defaultDbPath } from "../db/location.ts";
import { openVulnDb } from "../db/store.ts";
import { matchPackages } from "../match/match.ts";
import { toSarif } from "../report/sarif.ts";
import { findingsTable, sortFindings } from "../report/table.ts";
import { toCycloneDx } from "../sbom/cyclonedx.ts";
import { toSpdx } from "../sbom/spdx.ts";
import { buildSbom } from "../sbomBuilder.ts";
import type { Severity } from "../types.ts";
import { documentContext, emit, INPUT_HELP, INPUT_OPTIONS, inputFrom, UsageError } from "./inputArgs.ts";

const USAGE = `usage: ks image scan (REF | --oci-dir DIR | --archive FILE | --rootfs DIR) [--db FILE]
                     [--format table|json|cyclonedx|spdx|sarif] [--output FILE] [--fail-on SEVERITY]

Finds the packages in an image and the known vulnerabilities that affect them.
  --db FILE        vulnerability database (default $KS_VULNDB or ~/.cache/ks/vulndb.sqlite;
                   build it with: ks vulndb import OSV_SOURCE... --db FILE)
  --format, -f     table (default), json, cyclonedx (SBOM + vulnerabilities), spdx (SBOM only), sarif
  --output, -o     write to FILE instead of stdout
  --fail-on SEV    exit 1 when a finding is at least SEV (negligible, low, medium, high, critical)

exit codes: 0 done, 1 --fail-on threshold reached or scan failed, 2 bad usage

${INPUT_HELP}`;

const FORMATS = ["table", "json", "cyclonedx", "spdx", "sarif"];
const SEVERITIES: Record<string, Severity> = { negligible: "Negligible", low: "Low", medium: "Medium", high: "High", critical: "Critical" };

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "--help" || sub === "-h" || sub === undefined) {
    console.log(USAGE);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== "scan") {
    console.error(`ks image: unknown subcommand "${sub}"\n\n${USAGE}`);
    return 2;
  }
  let parsed;
  try {
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { ...INPUT_OPTIONS, db: { type: "string" }, "fail-on": { type: "string" } } });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    const format = values.format ?? "table";
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}`);
    const failOn = values["fail-on"] ? SEVERITIES[values["fail-on"].toLowerCase()] : undefined;
    if (values["fail-on"] && !failOn) throw new UsageError(`--fail-on must be one of ${Object.keys(SEVERITIES).join(", ")}`);
    parsed = { ...inputFrom(values, positionals), format, output: values.output, failOn, db: values.db ?? defaultDbPath() };
  } catch (err) {
    console.error(`ks image scan: ${errorMessage(err)}\n\n${USAGE}`);
    return 2;
  }
  let db;
  try {
    db = openVulnDb(parsed.db);
  } catch (err) {
    console.error(`ks image scan: ${errorMessage(err)}`);
    return 2;
  }
  try {
    const { sbom } = await buildSbom(parsed.input, { limits: parsed.limits, platform: parsed.platform });
    const findings = sortFindings(matchPackages(sbom, db));
    let text: string;
    switch (parsed.format) {
      case "json":
        text = JSON.stringify({ source: sbom.source, distro: sbom.distro, packages: sbom.packages.length, findings }, null, 2);
        break;
      case "cyclonedx":
        text = JSON.stringify(toCycloneDx(sbom, documentContext(), findings), null, 2);
        break;
      case "spdx":
        text = JSON.stringify(toSpdx(sbom, documentContext()), null, 2);
        break;
      case "sarif":
        text = JSON.stringify(toSarif(sbom, findings), null, 2);
        break;
      default:
        text = findingsTable(sbom, findings);
    }
    await emit(text, parsed.output);
    if (parsed.failOn && findings.some((f) => severityRank(f.severity) >= severityRank(parsed.failOn!))) {
      console.error(`ks image scan: findings at or above ${parsed.failOn}`);
      return 1;
    }
    return 0;
  } catch (err) {
    console.error(`ks image scan: ${errorMessage(err)}`);
    return 1;
  } finally {
    db.close();
  }
}
