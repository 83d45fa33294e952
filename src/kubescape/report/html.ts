import type { ScanResult } from "../engine/results.ts";
import { type ReportContext, SEVERITY_ORDER } from "./context.ts";

function esc(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const STATUS_COLOURS = { failed: "#d93025", passed: "#188038", excepted: "#f9ab00", skipped: "#9aa0a6" } as const;
const SEVERITY_COLOURS = { Critical: "#8b0000", High: "#d93025", Medium: "#f9ab00", Low: "#1a73e8", Unknown: "#9aa0a6" } as const;

/** An SVG donut from (label, value, colour) slices. */
function donut(slices: Array<[string, number, string]>, title: string): string {
  const total = slices.reduce((s, [, v]) => s + v, 0) || 1;
  const r = 60;
  const circumference = 2 * Math.PI * r;
  let offset = 0;
  const arcs = slices
    .filter(([, v]) => v > 0)
    .map(([label, v, colour]) => {
      const len = (v / total) * circumference;
      const arc = `<circle r="${r}" cx="80" cy="80" fill="none" stroke="${colour}" stroke-width="24" stroke-dasharray="${len.toFixed(2)} ${(circumference - len).toFixed(2)}" stroke-dashoffset="${(-offset).toFixed(2)}" transform="rotate(-90 80 80)"><title>${esc(label)}: ${v}</title></circle>`;
      offset += len;
      return arc;
    })
    .join("");
  const legend = slices.map(([label, v, colour], i) => `<text x="175" y="${30 + i * 20}" font-size="13"><tspan fill="${colour}">■</tspan> ${esc(label)}: ${v}</text>`).join("");
  return `<figure><svg role="img" aria-label="${esc(title)}" width="320" height="160" viewBox="0 0 320 160">${arcs}${legend}</svg><figcaption>${esc(title)}</figcaption></figure>`;
}

/** Horizontal bars (0-100). */
function bars(rows: Array<[string, number]>, title: string): string {
  const height = 22 * rows.length + 10;
  const body = rows
    .map(([label, v], i) => {
      const y = 5 + i * 22;
      const colour = v >= 80 ? "#188038" : v >= 50 ? "#f9ab00" : "#d93025";
      return `<text x="0" y="${y + 14}" font-size="12">${esc(label)}</text><rect x="140" y="${y}" width="${(v * 2.6).toFixed(1)}" height="16" fill="${colour}"><title>${esc(label)}: ${v.toFixed(2)}%</title></rect><text x="${145 + v * 2.6}" y="${y + 13}" font-size="11">${v.toFixed(1)}%</text>`;
    })
    .join("");
  return `<figure><svg role="img" aria-label="${esc(title)}" width="460" height="${height}" viewBox="0 0 460 ${height}">${body}</svg><figcaption>${esc(title)}</figcaption></figure>`;
}

/** One self-contained HTML page (inline CSS and SVG, no scripts or CDN). */
export function renderHtml(result: ScanResult, ctx: ReportContext): string {
  const cc = result.controlCounters;
  const failedBySeverity = SEVERITY_ORDER.map((s) => [s, result.controls.filter((c) => c.status === "failed" && c.control.severity === s).length, SEVERITY_COLOURS[s]] as [string, number, string]);
  const rank = (s: (typeof SEVERITY_ORDER)[number]) => SEVERITY_ORDER.indexOf(s);
  const rows = [...result.controls]
    .sort((a, b) => Number(b.status === "failed") - Number(a.status === "failed") || rank(a.control.severity) - rank(b.control.severity) || a.control.id.localeCompare(b.control.id))
    .map((c) => {
      const failedList = c.failed
        .map((f) => {
          const src = result.sources[f.resource];
          const paths = f.paths.map((p) => p.failedPath ?? p.deletePath ?? (p.fixPath ? `${p.fixPath.path}=${p.fixPath.value}` : p.reviewPath) ?? "").filter(Boolean);
          return `<li><code>${esc(result.resourceIds[f.resource]!)}</code>${src ? ` <small>${esc(src.file)}:${src.line}</small>` : ""}${paths.length ? `<br><small>${paths.map(esc).join("<br>")}</small>` : ""}</li>`;
        })
        .join("");
      const exceptedList = c.excepted.map((e) => `<li><code>${esc(result.resourceIds[e.resource]!)}</code> <small>excepted by ${esc(e.exceptions.join(", "))}</small></li>`).join("");
      const details =
        (c.failed.length ? `<details><summary>${c.counters.failed} failed</summary><ul>${failedList}</ul></details>` : "") +
        (c.excepted.length ? `<details><summary>${c.counters.excepted} excepted</summary><ul>${exceptedList}</ul></details>` : "");
      const status = c.status === "skipped" ? `skipped <small>(${esc(c.skipReason ?? "")})</small>` : c.subStatus === "irrelevant" ? "irrelevant" : c.status;
      return `<tr class="${c.status}"><td><span class="sev" style="background:${SEVERITY_COLOURS[c.control.severity]}">${c.control.severity}</span></td><td>${c.control.id}</td><td>${esc(c.control.name)}${details}</td><td>${c.counters.failed}</td><td>${c.counters.failed + c.counters.passed + c.counters.excepted}</td><td>${c.status === "skipped" || c.complianceScore === undefined ? "-" : `${c.complianceScore.toFixed(0)}%`}</td><td>${status}</td></tr>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kubescape posture report</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#202124}
h1{font-size:1.5rem}.scores{display:flex;gap:2rem;font-size:1.2rem}.charts{display:flex;flex-wrap:wrap;gap:2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #dadce0;padding:.3rem .5rem;text-align:left;vertical-align:top}
tr.failed td:last-child{color:${STATUS_COLOURS.failed};font-weight:600}tr.passed td:last-child{color:${STATUS_COLOURS.passed}}tr.skipped{color:#80868b}
.sev{color:#fff;border-radius:3px;padding:0 .4rem;font-size:.8rem}figure{margin:0}figcaption{font-size:.85rem;color:#5f6368}
</style></head><body>
<h1>Kubescape posture report</h1>
<p>${esc(ctx.clusterName ? `Cluster ${ctx.clusterName}` : (ctx.scannedPaths ?? []).join(", "))} · ${esc(ctx.generationTime)} · ${esc(ctx.targetType)}: ${esc(ctx.targetNames.join(", ") || "all")}</p>
<div class="scores"><div>Compliance score <strong id="compliance">${result.complianceScore.toFixed(2)}%</strong></div><div>Risk score <strong id="risk">${result.riskScore.toFixed(2)}</strong></div>
<div>Resources: ${result.resourceCounters.failed} failed / ${result.resourceCounters.passed + result.resourceCounters.failed + result.resourceCounters.excepted}</div></div>
<div class="charts">
${donut([["failed", cc.failed, STATUS_COLOURS.failed], ["passed", cc.passed, STATUS_COLOURS.passed], ["excepted", cc.excepted, STATUS_COLOURS.excepted], ["skipped", cc.skipped, STATUS_COLOURS.skipped]], "Controls by status")}
${donut(failedBySeverity, "Failed controls by severity")}
${result.frameworks.length ? bars(result.frameworks.map((f) => [f.name, f.complianceScore]), "Compliance by framework") : ""}
</div>
<h2>Controls</h2>
<table><thead><tr><th>Severity</th><th>ID</th><th>Control</th><th>Failed</th><th>All</th><th>Compliance</th><th>Status</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}
