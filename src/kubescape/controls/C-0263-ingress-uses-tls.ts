import type { ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";

/** Ingresses without a tls section serve plain HTTP. */
export const control = defineControl({
  id: "C-0263",
  description: "An Ingress with no spec.tls terminates no TLS: traffic to it travels in clear text.",
  remediation: "Add a spec.tls section with a certificate Secret to the Ingress.",
  evaluate: (index) => {
    const results: ResourceResult[] = index.byKind("Ingress").map((ing) => {
      const tls = (ing.spec as { tls?: unknown } | undefined)?.tls;
      return tls ? { object: ing, status: "passed", paths: [] } : { object: ing, status: "failed", paths: [{ fixPath: { path: "spec.tls", value: "<your-tls-definition>" } }] };
    });
    return { results };
  },
});
