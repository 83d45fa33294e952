import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0142-ensure-that-encryption-providers-are-appropriate.ts";
import { envelope, evaluate } from "./fixtures.ts";

const withConfig = (yaml: string | undefined) =>
  envelope("ControlPlaneInfo", { APIServerInfo: { cmdLine: "kube-apiserver", ...(yaml === undefined ? {} : { encryptionProviderConfigFile: { path: "/etc/enc.yaml", content: Buffer.from(yaml).toString("base64") } }) } });

const config = (first: string) => `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
- resources: [secrets]
  providers:
  - ${first}
  - identity: {}
`;

describe("C-0142 encryption providers", () => {
  test("aescbc / kms first for secrets passes", () => {
    expect(evaluate(control, [withConfig(config("aescbc: {keys: [{name: k, secret: <REDACTED>}]}"))]).map((o) => o.status)).toEqual(["passed"]);
    expect(evaluate(control, [withConfig(config("kms: {name: vault, endpoint: unix:///kms.sock}"))]).map((o) => o.status)).toEqual(["passed"]);
  });
  test("identity first, or no config at all, fails", () => {
    expect(evaluate(control, [withConfig(config("identity: {}"))]).map((o) => o.status)).toEqual(["failed"]);
    expect(evaluate(control, [withConfig(undefined)]).map((o) => o.status)).toEqual(["failed"]);
  });
  test("worker-only control plane data (no API server) is not evaluated", () => {
    expect(evaluate(control, [envelope("ControlPlaneInfo", { etcdConfigFile: { path: "/e" } })])).toEqual([]);
  });
});
