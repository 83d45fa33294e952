import { describe, expect, test } from "bun:test";
import { control } from "../../../src/kubescape/controls/C-0012-applications-credentials-in-configuration-files.ts";
import { DEFAULT_CONTROL_INPUTS } from "../../../src/kubescape/engine/defaultInputs.ts";
import { c, deletePaths, deployment, failedPaths, obj, pod, run } from "./lib/objectFixtures.ts";

describe("C-0012 credentials in configuration", () => {
  test("env: sensitive names with literal values fail; secret references, file paths and empty values pass", () => {
    const r = run(control, [
      deployment("bad", {
        containers: [
          c("a", {
            env: [
              { name: "LOG_LEVEL", value: "info" },
              { name: "DB_PASSWORD", value: "hunter2" },
              { name: "API_TOKEN", valueFrom: { secretKeyRef: { name: "s", key: "t" } } },
            ],
          }),
        ],
      }),
      deployment("good", {
        containers: [c("a", { env: [{ name: "TLS_KEY", value: "/etc/tls/key.pem" }, { name: "SECRET_NAME", value: "" }, { name: "MODE", value: "fast" }] })],
      }),
    ]);
    expect(failedPaths(r.get("Deployment/bad"))).toEqual(["spec.template.spec.containers[0].env[1].name", "spec.template.spec.containers[0].env[1].value"]);
    expect(deletePaths(r.get("Deployment/bad"))).toHaveLength(2);
    expect(r.get("Deployment/good")?.status).toBe("passed");
  });

  test("env: a value that looks like a token fails whatever the name", () => {
    const r = run(control, [deployment("jwt", { containers: [c("a", { env: [{ name: "HEADER", value: "Bearer abc" }] })] })]);
    expect(r.get("Deployment/jwt")?.status).toBe("failed");
  });

  test("ConfigMaps: sensitive keys and private-key values (also base64) fail at data[key]; allowed names pass", () => {
    const r = run(
      control,
      [
        obj("v1", "ConfigMap", "bad", "apps", { data: { "app.properties": "x=1", aws_secret_access_key: "abc" } }),
        obj("v1", "ConfigMap", "pem", "apps", { data: { cert: Buffer.from("-----BEGIN RSA PRIVATE KEY-----").toString("base64") } }),
        obj("v1", "ConfigMap", "good", "apps", { data: { "nginx.conf": "server {}", public_key_id: "abc" } }),
      ],
      { ...DEFAULT_CONTROL_INPUTS, sensitiveKeyNamesAllowed: ["public_key"] },
    );
    expect(failedPaths(r.get("ConfigMap/bad"))).toEqual(["data[aws_secret_access_key]"]);
    expect(failedPaths(r.get("ConfigMap/pem"))).toEqual(["data[cert]"]);
    expect(r.get("ConfigMap/good")?.status).toBe("passed");
  });
});

test("C-0012: init containers' env values are checked too (case-insensitive patterns)", () => {
  const r = run(control, [deployment("init", { initContainers: [c("i", { env: [{ name: "HEADER", value: "bearer xyz" }] })], containers: [c("a")] })]);
  expect(failedPaths(r.get("Deployment/init"))).toEqual(["spec.template.spec.initContainers[0].env[0].name", "spec.template.spec.initContainers[0].env[0].value"]);
});

test("C-0012: envFrom.secretRef fails at that entry (init containers too); envFrom.configMapRef passes", () => {
  const r = run(control, [
    pod("secret", { containers: [c("clean"), c("s", { envFrom: [{ secretRef: { name: "db" } }] })] }),
    deployment("init", { initContainers: [c("i", { envFrom: [{ configMapRef: { name: "cfg" } }, { secretRef: { name: "db" } }] })], containers: [c("a")] }),
    pod("cm", { containers: [c("a", { envFrom: [{ configMapRef: { name: "cfg" } }] })] }),
  ]);
  expect(r.get("Pod/secret")?.paths).toEqual([{ failedPath: "spec.containers[1].envFrom[0].secretRef", deletePath: "spec.containers[1].envFrom[0].secretRef" }]);
  expect(failedPaths(r.get("Deployment/init"))).toEqual(["spec.template.spec.initContainers[0].envFrom[1].secretRef"]);
  expect(r.get("Pod/cm")?.status).toBe("passed");
});
