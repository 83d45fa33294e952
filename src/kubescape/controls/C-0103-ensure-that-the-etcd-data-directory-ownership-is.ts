import type { ControlPlaneInfo } from "../../common/wire/hostData.ts";
import { defineControl } from "./define.ts";
import { checkOwnership, FILES } from "./lib/hostFiles.ts";

/** Ensure that the etcd data directory ownership is set to etcd:etcd (ControlPlaneInfo from host-scanner). */
export const control = defineControl({
  id: "C-0103",
  description: "Checks that the etcd data directory is owned by etcd:etcd, so no other account can change it.",
  remediation: "On each node: chown etcd:etcd on the etcd data directory.",
  implementation: "host",
  evaluate: (index) => checkOwnership<ControlPlaneInfo>(index, "ControlPlaneInfo", FILES.etcdDataDir, { user: "etcd", group: "etcd" }),
});
