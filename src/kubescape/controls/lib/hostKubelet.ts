import { parse as parseYaml } from "yaml";
import type { KubeletInfo } from "../../../common/wire/hostData.ts";
import type { ControlEvaluation, ResourceIndex, RulePaths } from "../../types.ts";
import { evaluateHost } from "./hostData.ts";

/** `--flag=value` / `--flag value` pairs of a raw command line (a bare `--flag` maps to "true"). */
export function parseFlags(cmdLine: string): Map<string, string> {
  const flags = new Map<string, string>();
  const parts = cmdLine.trim().split(/\s+/).filter(Boolean);
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.startsWith("--")) continue;
    const eq = part.indexOf("=");
    if (eq > 0) flags.set(part.slice(2, eq), part.slice(eq + 1));
    else {
      const next = parts[i + 1];
      if (next !== undefined && !next.startsWith("-")) {
        flags.set(part.slice(2), next);
        i++;
      } else flags.set(part.slice(2), "true");
    }
  }
  return flags;
}

export interface KubeletView {
  flags: Map<string, string>;
  /** Parsed KubeletConfiguration; undefined without --config or when it could not be read. */
  config: Record<string, unknown> | undefined;
  /** --config is used but its content is missing or unparseable: the control cannot tell. */
  configUnreadable: boolean;
}

export function kubeletView(data: KubeletInfo): KubeletView {
  const flags = parseFlags(data.cmdLine ?? "");
  let config: Record<string, unknown> | undefined;
  let configUnreadable = false;
  if (flags.has("config")) {
    const content = data.configFile?.content;
    try {
      const doc = content ? parseYaml(Buffer.from(content, "base64").toString("utf8")) : undefined;
      if (doc && typeof doc === "object") config = doc as Record<string, unknown>;
      else configUnreadable = true;
    } catch {
      configUnreadable = true;
    }
  }
  return { flags, config, configUnreadable };
}

/** A dotted path into the kubelet config (`authentication.anonymous.enabled`). */
export function configValue(config: Record<string, unknown> | undefined, path: string): unknown {
  let cur: unknown = config;
  for (const key of path.split(".")) {
    if (!cur || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/**
 * One kubelet setting with kubelet precedence: the flag wins over the config file.
 * `judge` gets the effective value (string from the flag, YAML value from the config, undefined
 * when set nowhere) and returns true when it is acceptable.
 */
export interface KubeletSetting {
  flag: string;
  configPath: string;
  judge: (value: unknown, source: "flag" | "config" | "default") => boolean;
}

export function checkKubeletSetting(index: ResourceIndex, setting: KubeletSetting): ControlEvaluation {
  return evaluateHost<KubeletInfo>(index, "KubeletInfo", (data) => {
    const view = kubeletView(data);
    const flagValue = view.flags.get(setting.flag);
    if (flagValue !== undefined) return setting.judge(flagValue, "flag") ? [] : [{ failedPath: "data.cmdLine", fixPath: { path: "data.cmdLine", value: `--${setting.flag}` } }];
    if (view.configUnreadable) return [{ reviewPath: "data.configFile", failedPath: "data.configFile.content" }];
    const value = configValue(view.config, setting.configPath);
    if (value !== undefined) return setting.judge(value, "config") ? [] : [{ failedPath: setting.configPath, reviewPath: setting.configPath }];
    const ok = setting.judge(undefined, view.config ? "config" : "default");
    return ok ? [] : [{ failedPath: view.config ? setting.configPath : "data.cmdLine" } satisfies RulePaths];
  });
}

export const isTrue = (v: unknown) => v === true || String(v).toLowerCase() === "true";
export const isFalse = (v: unknown) => v === false || String(v).toLowerCase() === "false";

/** "0", "0s", "0m0s", 0 → true: a zero Go duration. */
export function isZeroDuration(v: unknown): boolean {
  if (typeof v === "number") return v === 0;
  return typeof v === "string" && /^(0+(ns|us|µs|ms|s|m|h)?)+$/.test(v.trim());
}
