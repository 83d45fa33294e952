import type { KernelVariable } from "../../common/wire/hostData.ts";
import { json, type Sensor } from "./types.ts";

const MAX_VARIABLES = 2000;

/** Every readable sysctl under /proc/sys/kernel (recursive), as `{key, value, source}`. */
export const kernelVariables: Sensor = ({ fs }) => {
  const out: KernelVariable[] = [];
  const walk = (dir: string, depth: number) => {
    for (const name of fs.list(dir).sort()) {
      if (out.length >= MAX_VARIABLES) return;
      const path = `${dir}/${name}`;
      if (fs.isDirectory(path)) {
        if (depth < 4) walk(path, depth + 1);
        continue;
      }
      const value = fs.readText(path, 64 * 1024);
      if (value !== undefined) out.push({ key: name, value, source: path });
    }
  };
  walk("/proc/sys/kernel", 0);
  return json(out);
};
