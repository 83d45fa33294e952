import { json, type Sensor } from "./types.ts";

/**
 * AppArmor and SELinux state. AppArmor: "unloaded" without the module, "stopped" when the module
 * is present but disabled, "enabled" otherwise. SELinux: "enforcing"/"permissive"/"not found".
 */
export const linuxSecurityHardening: Sensor = ({ fs }) => {
  const aaEnabled = fs.readText("/sys/module/apparmor/parameters/enabled")?.trim();
  const appArmor = aaEnabled === undefined ? "unloaded" : aaEnabled.toUpperCase() === "Y" ? "enabled" : "stopped";
  const enforce = fs.readText("/sys/fs/selinux/enforce")?.trim();
  const seLinux = enforce === undefined ? "not found" : enforce === "1" ? "enforcing" : "permissive";
  return json({ appArmor, seLinux });
};
