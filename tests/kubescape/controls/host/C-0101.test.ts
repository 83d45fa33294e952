import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0101-ensure-that-the-container-network-interface-file.ts";
import { envelope, evaluate, fileAt, hostFile, statuses } from "./fixtures.ts";

describe("C-0101 Ensure that the Container Network Interface file ownership is set to root:root", () => {
  test("passes when owned by root:root", () => {
    expect(statuses(control, [fileAt("cniConfigs", hostFile("/etc/cni/net.d/10-calico.conflist", 0o600, 0, 0))])).toEqual(["passed"]);
  });

  test("fails when owned by a non-root user, naming the ownership", () => {
    const [outcome] = evaluate(control, [fileAt("cniConfigs", hostFile("/etc/cni/net.d/10-calico.conflist", 0o600, 1000, 0, "dev", "root"))]);
    expect(outcome?.status).toBe("failed");
    expect(outcome?.paths[0]?.failedPath).toBe("data.CNIConfigFiles[0].ownership");
  });

  test("a node without the file is not evaluated", () => {
    expect(statuses(control, [envelope("CNIInfo", { CNIConfigFiles: [], CNINames: ["Calico"] })])).toEqual([]);
  });
});
