import type { ControlOutcome, ScanResult } from "../engine/results.ts";
import type { ReportContext } from "./context.ts";

function esc(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
}

function failureText(c: ControlOutcome, result: ScanResult): string {
  const lines: string[] = [`Remediation: ${c.control.remediation}`];
  for (const f of c.failed) {
    const src = result.sources[f.resource];
    lines.push(`${result.resourceIds[f.resource]}${src ? ` (${src.file}:${src.line})` : ""}`);
    for (const p of f.paths) {
      if (p.failedPath) lines.push(`  failedPath: ${p.failedPath}`);
      if (p.reviewPath) lines.push(`  reviewPath: ${p.reviewPath}`);
      if (p.deletePath) lines.push(`  deletePath: ${p.deletePath}`);
      if (p.fixPath) lines.push(`  fixPath: ${p.fixPath.path}=${p.fixPath.value}`);
    }
  }
  return lines.join("\n");
}

/** Excepted findings stay visible in system-out (they do not fail the test case). */
function exceptedText(c: ControlOutcome, result: ScanResult): string {
  if (c.excepted.length === 0) return "";
  const lines = c.excepted.map((e) => `excepted (${e.exceptions.join(", ")}): ${result.resourceIds[e.resource]}`);
  return `\n      <system-out>${esc(lines.join("\n"))}</system-out>`;
}

function testcase(c: ControlOutcome, result: ScanResult): string {
  const open = `    <testcase name="${esc(c.control.name)}" classname="${esc(c.control.id)}" time="0">`;
  if (c.status === "failed") {
    const message = `${c.counters.failed} of ${c.counters.failed + c.counters.passed + c.counters.excepted} resources failed (severity ${c.control.severity})`;
    return `${open}\n      <failure message="${esc(message)}" type="${esc(c.control.severity)}">${esc(failureText(c, result))}</failure>${exceptedText(c, result)}\n    </testcase>`;
  }
  if (c.status === "skipped") return `${open}\n      <skipped message="${esc(c.skipReason ?? "skipped")}"/>\n    </testcase>`;
  if (c.status === "excepted") return `${open}${exceptedText(c, result)}\n    </testcase>`;
  return `${open}</testcase>`;
}

/** JUnit XML: one testsuite per framework (or one "Controls" suite), one testcase per control. */
export function renderJunit(result: ScanResult, ctx: ReportContext): string {
  const byId = new Map(result.controls.map((c) => [c.control.id, c]));
  const suites =
    result.frameworks.length > 0
      ? result.frameworks.map((f) => ({ name: f.name, controls: f.controlIds.map((id) => byId.get(id)).filter((c): c is ControlOutcome => !!c), score: f.complianceScore }))
      : [{ name: "Controls", controls: result.controls, score: result.complianceScore }];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  const body = suites.map((s) => {
    const f = s.controls.filter((c) => c.status === "failed").length;
    const sk = s.controls.filter((c) => c.status === "skipped").length;
    tests += s.controls.length;
    failures += f;
    skipped += sk;
    return [
      `  <testsuite name="${esc(s.name)}" tests="${s.controls.length}" failures="${f}" errors="0" skipped="${sk}" time="0" timestamp="${esc(ctx.generationTime.replace(/Z$/, ""))}">`,
      `    <properties>\n      <property name="complianceScore" value="${s.score}"/>\n    </properties>`,
      ...s.controls.map((c) => testcase(c, result)),
      "  </testsuite>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="Kubescape Scanning" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="0">`,
    ...body,
    "</testsuites>",
    "",
  ].join("\n");
}
