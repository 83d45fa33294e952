import { parseArgs } from "node:util";
import { errorMessage } from "../../common/errors.ts";
import { packagesTable } from "../report/table.ts";
import { toCycloneDx } from "../sbom/cyclonedx.ts";
import { toSpdx } from "../sbom/spdx.ts";
import { buildSbom } from "../sbomBuilder.ts";
import { documentContext, emit, INPUT_HELP, INPUT_OPTIONS, inputFrom, UsageError } from "./inputArgs.ts";

const USAGE = `usage: ks sbom (REF | --oci-dir DIR | --archive FILE | --rootfs DIR) [--format cyclonedx|spdx|json|table] [--output FILE]

Lists the packages installed in an image (dpkg, apk, rpm, npm, Python, Go, Java, Ruby, PHP).
  --format, -f   cyclonedx (CycloneDX 1.5 JSON, default), spdx (SPDX 2.3 JSON), json (ks native), table
  --output, -o   write to FILE instead of stdout

${INPUT_HELP}`;

const FORMATS = ["cyclonedx", "spdx", "json", "table"];

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: INPUT_OPTIONS });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    const format = values.format ?? "cyclonedx";
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}`);
    parsed = { ...inputFrom(values, positionals), format, output: values.output };
  } catch (err) {
    console.error(`ks sbom: ${errorMessage(err)}\n\n${USAGE}`);
    return 2;
  }
  try {
    const { sbom } = await buildSbom(parsed.input, { limits: parsed.limits, platform: parsed.platform });
    const text =
      parsed.format === "table"
        ? packagesTable(sbom)
        : JSON.stringify(parsed.format === "spdx" ? toSpdx(sbom, documentContext()) : parsed.format === "json" ? sbom : toCycloneDx(sbom, documentContext()), null, 2);
    await emit(text, parsed.output);
    return 0;
  } catch (err) {
    console.error(`ks sbom: ${errorMessage(err)}`);
    return 1;
  }
}
