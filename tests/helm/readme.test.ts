import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { CHART_DIR, readmeTable, valueRows, valuesTable } from "./valuesTable.ts";

const valuesYaml = readFileSync(join(CHART_DIR, "values.yaml"), "utf8");
const readme = readFileSync(join(CHART_DIR, "README.md"), "utf8");

/** Leaf paths of a plain object (empty maps and lists count as leaves). */
function leafPaths(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object" || Array.isArray(value) || Object.keys(value).length === 0) return [prefix.slice(0, -1)];
  return Object.entries(value).flatMap(([k, v]) => leafPaths(v, `${prefix}${k}.`));
}

describe("chart README values table", () => {
  const rows = valueRows(valuesYaml);

  test("equals the table generated from values.yaml (run `bun tests/helm/valuesTable.ts --write`)", () => {
    expect(readmeTable(readme)).toBe(valuesTable(rows));
  });

  test("every leaf of values.yaml is covered by exactly one documented row", () => {
    const keys = rows.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const leaf of leafPaths(parse(valuesYaml))) {
      const covering = keys.filter((k) => leaf === k || leaf.startsWith(`${k}.`));
      expect({ leaf, covering: covering.length }).toEqual({ leaf, covering: 1 });
    }
  });

  test("rows show the values.yaml defaults and types", () => {
    const byKey = new Map(rows.map((r) => [r.key, r]));
    expect(byKey.get("kubescapeScheduler.scanSchedule")).toMatchObject({ type: "string", default: "0 8 * * *" });
    expect(byKey.get("kubescape.resources")?.default).toEqual({ requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "500m", memory: "500Mi" } });
    expect(byKey.get("addRevisionLabel")).toMatchObject({ type: "boolean", default: true });
    expect(byKey.get("operator.recurringScheduler")?.default).toBe("cronjob");
  });

  test("the reference chart's defaults are kept", () => {
    const byKey = new Map(rows.map((r) => [r.key, r.default]));
    const reference: Record<string, unknown> = {
      ksNamespace: "kubescape",
      addRevisionLabel: true,
      triggerNewImageScan: false,
      imagePullSecrets: "",
      clientID: "",
      secretKey: "",
      "global.namespaceTier": "ks-control-plane",
      "global.cloudConfig": "ks-cloud-config",
      "global.networkPolicy.enabled": false,
      "global.networkPolicy.createEgressRules": false,
      "kubescape.enabled": true,
      "kubescape.submit": true,
      "kubescape.enableHostScan": true,
      "kubescape.downloadArtifacts": true,
      "kubescape.skipUpdateCheck": false,
      "kubescape.serviceMonitor.enabled": false,
      "kubescapeScheduler.enabled": true,
      "kubescapeScheduler.scanSchedule": "0 8 * * *",
      "kubevulnScheduler.enabled": true,
      "kubevulnScheduler.scanSchedule": "0 0 * * *",
      "registryScanScheduler.enabled": true,
      "registryScanScheduler.name": "registry-scheduler",
      "registryScanScheduler.scanSchedule": "0 0 * * *",
      "operator.enabled": true,
      "kubevuln.enabled": true,
      "kollector.enabled": true,
      "gateway.enabled": true,
      "kubescapeHostScanner.volumes": [],
      "kubescapeHostScanner.volumeMounts": [],
      volumes: [],
      volumeMounts: [],
      "kubevuln.env": [{ name: "CA_MAX_VULN_SCAN_ROUTINES", value: "1" }],
      "kollector.env": [{ name: "PRINT_REPORT", value: "false" }, { name: "WAIT_BEFORE_REPORT", value: "15" }],
    };
    for (const [key, value] of Object.entries(reference)) expect({ key, value: byKey.get(key) }).toEqual({ key, value });
    expect(byKey.get("kubescape.resources")).toMatchObject({ limits: { cpu: "500m", memory: "500Mi" } });
    expect(byKey.get("image.repository")).toBe("ghcr.io/kubescape-ts/ks");
  });

  test("an undocumented key is refused by the generator", () => {
    expect(() => valueRows(`${valuesYaml}\nnewKey: 1\n`)).toThrow(/newKey has no "# --" description/);
  });

  test("every value the issue lists is in values.yaml", () => {
    const keys = new Set(rows.map((r) => r.key));
    const listed = [
      "kollector.enabled", "kollector.affinity", "kollector.env", "kollector.image.repository", "kollector.nodeSelector", "kollector.volumes", "kollector.volumeMounts",
      "kubescape.enabled", "kubescape.affinity", "kubescape.downloadArtifacts", "kubescape.enableHostScan", "kubescape.image.repository", "kubescape.nodeSelector",
      "kubescape.serviceMonitor.enabled", "kubescape.skipUpdateCheck", "kubescape.submit", "kubescape.volumes", "kubescape.volumeMounts", "kubescape.resources",
      "kubescapeScheduler.enabled", "kubescapeScheduler.image.repository", "kubescapeScheduler.scanSchedule", "kubescapeScheduler.volumes", "kubescapeScheduler.volumeMounts",
      "gateway.enabled", "gateway.affinity", "gateway.image.repository", "gateway.nodeSelector", "gateway.volumes", "gateway.volumeMounts",
      "kubevuln.enabled", "kubevuln.affinity", "kubevuln.image.repository", "kubevuln.nodeSelector", "kubevuln.volumes", "kubevuln.volumeMounts",
      "kubevulnScheduler.enabled", "kubevulnScheduler.image.repository", "kubevulnScheduler.scanSchedule", "kubevulnScheduler.volumes", "kubevulnScheduler.volumeMounts",
      "operator.enabled", "operator.affinity", "operator.image.repository", "operator.nodeSelector", "operator.volumes", "operator.volumeMounts",
      "kubescapeHostScanner.volumes", "kubescapeHostScanner.volumeMounts", "registryScanScheduler.scanSchedule",
      "awsIamRoleArn", "clientID", "secretKey", "addRevisionLabel", "cloudRegion", "cloudProviderEngine", "gkeProject", "gkeServiceAccount",
      "cloudProviderMetadata.awsIamRoleArn", "cloudProviderMetadata.cloudRegion", "cloudProviderMetadata.cloudProviderEngine", "cloudProviderMetadata.gkeProject",
      "cloudProviderMetadata.gkeServiceAccount", "triggerNewImageScan", "volumes", "volumeMounts", "account", "clusterName", "imagePullSecrets", "ksNamespace",
      "global.networkPolicy.enabled", "eventReceiverURL", "gatewayURL", "backend.enabled", "tolerations", "image.repository", "image.tag",
      ...["kubescape", "operator", "kubevuln", "kollector", "gateway"].flatMap((c) => [`${c}.resources`, `${c}.tolerations`, `${c}.env`, `${c}.image.tag`]),
    ];
    expect(listed.filter((k) => !keys.has(k))).toEqual([]);
  });
});
