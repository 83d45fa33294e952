import type { ControlEvaluation, ControlInputs, RulePaths } from "../../types.ts";
import { evaluateContainers, failedAndReview, fix } from "./workload.ts";

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** A Kubernetes quantity ("500m", "1.5", "128Mi", "1e3") as a number, or undefined when unparsable. */
export function parseQuantity(q: unknown): number | undefined {
  if (typeof q === "number") return Number.isFinite(q) ? q : undefined;
  if (typeof q !== "string") return undefined;
  const s = q.trim();
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)([a-zA-Z]{0,2})$/.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  const suffix = m[2] ?? "";
  if (suffix === "") return n;
  if (suffix in BINARY) return n * BINARY[suffix]!;
  if (suffix in DECIMAL) return n * DECIMAL[suffix]!;
  return undefined;
}

function bound(inputs: ControlInputs, key: string): number | undefined {
  const v = inputs[key]?.[0];
  if (v === undefined || v === "") return undefined;
  return parseQuantity(v);
}

/**
 * kubescape's resources-{cpu,memory}-limit-and-request: a missing request or limit gets a fix
 * (YOUR_VALUE); a value below `<kind>_{request,limit}_min` or above `_max` is a failed path.
 */
export function evaluateResourceBounds(index: Parameters<typeof evaluateContainers>[0], inputs: ControlInputs, kind: "cpu" | "memory"): ControlEvaluation {
  const reqMin = bound(inputs, `${kind}_request_min`);
  const reqMax = bound(inputs, `${kind}_request_max`);
  const limMin = bound(inputs, `${kind}_limit_min`);
  const limMax = bound(inputs, `${kind}_limit_max`);
  return evaluateContainers(index, (c) => {
    const out: RulePaths[] = [];
    const res = c.container.resources ?? {};
    const limit = res.limits?.[kind];
    const request = res.requests?.[kind];
    // kubescape's cpu rule reports the missing request first, the memory rule the missing limit
    const missing: RulePaths[] = [];
    if (!limit) missing.push(fix(`${c.path}.resources.limits.${kind}`, "YOUR_VALUE"));
    if (!request) missing.push(fix(`${c.path}.resources.requests.${kind}`, "YOUR_VALUE"));
    out.push(...(kind === "cpu" ? missing.reverse() : missing));
    if (request) {
      const v = parseQuantity(request);
      if (v !== undefined && ((reqMax !== undefined && v > reqMax) || (reqMin !== undefined && v < reqMin))) {
        out.push(failedAndReview(`${c.path}.resources.requests.${kind}`));
      }
    }
    if (limit) {
      const v = parseQuantity(limit);
      if (v !== undefined && ((limMax !== undefined && v > limMax) || (limMin !== undefined && v < limMin))) {
        out.push(failedAndReview(`${c.path}.resources.limits.${kind}`));
      }
    }
    return out;
  });
}
