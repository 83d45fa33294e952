import { absent, type Sensor, text } from "./types.ts";

/** `/etc/os-release` as raw text (falls back to /usr/lib/os-release, which it usually links to). */
export const osRelease: Sensor = ({ fs }) => {
  const content = fs.readText("/etc/os-release") ?? fs.readText("/usr/lib/os-release");
  return content === undefined ? absent("no os-release file on the host") : text(content);
};
