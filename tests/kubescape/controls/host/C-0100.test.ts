import { describe, expect, test } from "bun:test";
import { control } from "../../../../src/kubescape/controls/C-0100-ensure-that-the-container-network-interface-file.ts";
import { envelope, evaluate, fileAt, hostFile, statuses } from "./fixtures.ts";

describe("C-0100 Ensure that the Container Network Interface file permissions are set to 600 or more restrictive", () => {
  test("passes at 600 and stricter", () => {
    expect(statuses(control, [fileAt("cniConfigs", hostFile("/etc/cni/net.d/10-calico.conflist", 0o600))])).toEqual(["passed"]);
    expect(statuses(control, [fileAt("cniConfigs", hostFile("/etc/cni/net.d/10-calico.conflist", 0o400))])).toEqual(["passed"]);
  });

  test("fails at 640, naming the file's permissions", () => {
    const [outcome] = evaluate(control, [fileAt("cniConfigs", hostFile("/etc/cni/net.d/10-calico.conflist", 0o640))]);
    expect(outcome?.status).toBe("failed");
    expect(outcome?.paths[0]?.failedPath).toBe("data.CNIConfigFiles[0].permissions");
  });

  test("a node without the file is not evaluated", () => {
    expect(statuses(control, [envelope("CNIInfo", { CNIConfigFiles: [], CNINames: ["Calico"] })])).toEqual([]);
  });
});
