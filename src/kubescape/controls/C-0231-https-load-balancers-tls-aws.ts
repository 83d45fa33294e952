import type { ResourceResult } from "../types.ts";
import { defineControl } from "./define.ts";

const CERT = "service.beta.kubernetes.io/aws-load-balancer-ssl-cert";

/** CIS (EKS) 5.5.1: LoadBalancer Services listening on 443 need an AWS TLS certificate annotation. */
export const control = defineControl({
  id: "C-0231",
  description: "A LoadBalancer Service on port 443 without the aws-load-balancer-ssl-cert annotation does not terminate TLS at the load balancer.",
  remediation: "Annotate the Service with service.beta.kubernetes.io/aws-load-balancer-ssl-cert set to an ACM certificate ARN.",
  evaluate: (index) => {
    const results: ResourceResult[] = [];
    for (const svc of index.byKind("Service")) {
      const spec = svc.spec as { type?: string; ports?: Array<{ port?: number }> } | undefined;
      if (spec?.type !== "LoadBalancer" || !(spec.ports ?? []).some((p) => p?.port === 443)) continue;
      const hasCert = Object.keys(svc.metadata.annotations ?? {}).some((k) => k.startsWith(CERT));
      const path = `metadata.annotations['${CERT}']`;
      results.push(hasCert ? { object: svc, status: "passed", paths: [] } : { object: svc, status: "failed", paths: [{ failedPath: path }, { fixPath: { path, value: "AWS_LOADBALANCER_SSL_CERT" } }] });
    }
    return { results };
  },
});
