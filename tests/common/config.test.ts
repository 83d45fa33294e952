import { describe, expect, test } from "bun:test";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { envNameFor, loadClusterConfig, loadCredentials, parseClusterConfig, withScheme } from "../../src/common/config.ts";
import { ConfigError } from "../../src/common/errors.ts";

const referenceClusterData = {
  gatewayWebsocketURL: "gateway:8001",
  gatewayRestURL: "gateway:8002",
  vulnScanURL: "kubevuln:8080",
  kubevulnURL: "kubevuln:8080",
  kubescapeURL: "kubescape:8080",
  triggerNewImageScan: "false",
  accountID: "11111111-2222-3333-4444-555555555555",
  clusterName: "prod-eu",
  maxImageSize: 5368709120,
  keepLocal: false,
  scanTimeout: "5m",
  eventReceiverRestURL: "https://report.example",
  eventReceiverWebsocketURL: "wss://report.example",
  rootGatewayURL: "wss://gw.example/v1/waitfornotification",
};

describe("clusterData.json", () => {
  test("parses the reference chart's ConfigMap content", () => {
    const c = parseClusterConfig(referenceClusterData, {}, "x");
    expect(c.clusterName).toBe("prod-eu");
    expect(c.triggerNewImageScan).toBe(false);
    expect(c.maxImageSize).toBe(5368709120);
    expect(c.kubevulnURL).toBe("kubevuln:8080");
  });

  test("env overrides file keys by their UPPER_SNAKE name", () => {
    expect(envNameFor("eventReceiverRestURL")).toBe("EVENT_RECEIVER_REST_URL");
    expect(envNameFor("accountID")).toBe("ACCOUNT_ID");
    const c = parseClusterConfig(referenceClusterData, { CLUSTER_NAME: "other", TRIGGER_NEW_IMAGE_SCAN: "true" }, "x");
    expect(c.clusterName).toBe("other");
    expect(c.triggerNewImageScan).toBe(true);
  });

  test("an invalid value names the key", () => {
    expect(() => parseClusterConfig({ ...referenceClusterData, maxImageSize: "lots" }, {}, "/etc/config/clusterData.json")).toThrow(/maxImageSize/);
    expect(() => parseClusterConfig([1, 2], {}, "f")).toThrow(ConfigError);
  });

  test("a missing file is an error naming the path; malformed JSON too", () => {
    expect(() => loadClusterConfig({ env: { CONFIG: "/nonexistent/clusterData.json" } })).toThrow(/nonexistent\/clusterData.json: config file not found/);
    const dir = mkdtempSync(join(tmpdir(), "cfg-"));
    writeFileSync(join(dir, "bad.json"), "{nope");
    expect(() => loadClusterConfig({ env: { CONFIG: join(dir, "bad.json") } })).toThrow(/not valid JSON/);
    expect(loadClusterConfig({ env: { CONFIG: "/nonexistent" }, required: false }).namespace).toBe("kubescape");
  });

  test("credentials come from the mounted Secret or env", () => {
    const dir = mkdtempSync(join(tmpdir(), "cred-"));
    writeFileSync(join(dir, "account"), "acc-1\n");
    writeFileSync(join(dir, "accessKey"), "key-1\n");
    expect(loadCredentials({ CREDENTIALS_DIR: dir })).toEqual({ account: "acc-1", accessKey: "key-1" });
    expect(loadCredentials({ CREDENTIALS_DIR: dir, ACCESS_KEY: "env-key" }).accessKey).toBe("env-key");
  });

  test("bare host:port URLs get a scheme", () => {
    expect(withScheme("gateway:8001", "ws")).toBe("ws://gateway:8001");
    expect(withScheme("https://x", "http")).toBe("https://x");
  });
});
