import { beforeAll, describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { KubeConfig, k8s } from "../../src/common/kube.ts";
import { sharedControlPlane } from "./shared.ts";
import type { ControlPlane } from "./controlPlane.ts";

let cp: ControlPlane;
let kc: KubeConfig;

beforeAll(async () => {
  cp = await sharedControlPlane();
  kc = new KubeConfig();
  kc.loadFromFile(cp.kubeconfigPath);
}, 180_000);

describe("real control plane", () => {
  test("reports a real v1.34 version", async () => {
    const version = await kc.makeApiClient(k8s.VersionApi).getCode();
    expect(version.gitVersion).toMatch(/^v1\.34\.\d+$/);
    expect(version.major).toBe("1");
  });

  test("Namespace, ConfigMap, Secret and CronJob read back equal", async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const batch = kc.makeApiClient(k8s.BatchV1Api);
    const ns = `cp-${Date.now().toString(36)}`;
    await core.createNamespace({ body: { metadata: { name: ns, labels: { purpose: "test" } } } });
    expect((await core.readNamespace({ name: ns })).metadata?.labels?.purpose).toBe("test");

    await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: "cm" }, data: { clusterData: '{"a":1}' } } });
    expect((await core.readNamespacedConfigMap({ namespace: ns, name: "cm" })).data).toEqual({ clusterData: '{"a":1}' });

    await core.createNamespacedSecret({ namespace: ns, body: { metadata: { name: "s" }, stringData: { accessKey: "k3y" } } });
    const secret = await core.readNamespacedSecret({ namespace: ns, name: "s" });
    expect(Buffer.from(secret.data?.accessKey ?? "", "base64").toString()).toBe("k3y");

    const cron: k8s.V1CronJob = {
      metadata: { name: "scan" },
      spec: {
        schedule: "13 4 * * *",
        jobTemplate: {
          spec: {
            template: {
              spec: { restartPolicy: "Never", containers: [{ name: "c", image: "ks:dev", args: ["http-request", "-method=POST"] }] },
            },
          },
        },
      },
    };
    await batch.createNamespacedCronJob({ namespace: ns, body: cron });
    const back = await batch.readNamespacedCronJob({ namespace: ns, name: "scan" });
    expect(back.spec?.schedule).toBe("13 4 * * *");
    expect(back.spec?.jobTemplate.spec?.template.spec?.containers[0]?.args).toEqual(["http-request", "-method=POST"]);
  });

  test("helm from the cache works", () => {
    const res = spawnSync(cp.helm, ["version", "--short"], { encoding: "utf8" });
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/^v3\.\d+\.\d+/);
  });
});
