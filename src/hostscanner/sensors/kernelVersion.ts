import { absent, type Sensor, text } from "./types.ts";

/** The running kernel release (what `uname -r` prints), read from procfs. */
export const kernelVersion: Sensor = ({ fs }) => {
  const release = fs.readText("/proc/sys/kernel/osrelease");
  return release === undefined ? absent("/proc/sys/kernel/osrelease is not readable") : text(release.trim());
};
