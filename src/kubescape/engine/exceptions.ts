import { z } from "zod";
import type { K8sObject } from "../types.ts";

/**
 * Kubescape's posture exceptions (`postureExceptionPolicy`): which resources (attribute
 * selectors, values are regular expressions) are excepted from which controls
 * (`posturePolicies`: frameworkName / controlID / controlName, also regular expressions; none
 * listed = every control). `alertOnly` is the action kubescape honours: the finding is still
 * reported, as excepted, and does not count as a failure.
 */
const Designator = z
  .object({
    designatorType: z.string().optional(),
    attributes: z.record(z.string(), z.string()).default({}),
  })
  .loose();

const PosturePolicy = z
  .object({
    frameworkName: z.string().optional(),
    controlID: z.string().optional(),
    controlName: z.string().optional(),
    ruleName: z.string().optional(),
    severity: z.string().optional(),
  })
  .loose();

export const PostureExceptionPolicySchema = z
  .object({
    name: z.string().default(""),
    policyType: z.string().default("postureExceptionPolicy"),
    actions: z.array(z.string()).default(["alertOnly"]),
    resources: z.array(Designator).default([]),
    posturePolicies: z.array(PosturePolicy).default([]),
  })
  .loose();

export type PostureExceptionPolicy = z.infer<typeof PostureExceptionPolicySchema>;
export const PostureExceptionListSchema = z.array(PostureExceptionPolicySchema);

/** Parses an exceptions document (a list, or a single policy) into validated policies. */
export function parseExceptions(doc: unknown): PostureExceptionPolicy[] {
  const list = Array.isArray(doc) ? doc : [doc];
  const parsed = PostureExceptionListSchema.safeParse(list);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid exceptions at ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
  }
  return parsed.data.filter((p) => p.policyType === "postureExceptionPolicy");
}

/** Whole-value, case-insensitive regex match (a plain name matches only itself). */
function regexMatcher(pattern: string): (value: string | undefined) => boolean {
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${pattern})$`, "i");
  } catch {
    // Not a valid regex: compare literally rather than reject the whole file.
    const lower = pattern.toLowerCase();
    return (value) => value?.toLowerCase() === lower;
  }
  return (value) => value !== undefined && re.test(value);
}

type ResourceMatcher = (obj: K8sObject, clusterName: string) => boolean;
interface ControlScope {
  framework?: (v: string | undefined) => boolean;
  controlId?: (v: string | undefined) => boolean;
  controlName?: (v: string | undefined) => boolean;
}

interface CompiledPolicy {
  name: string;
  alertOnly: boolean;
  resources: ResourceMatcher[];
  controls: ControlScope[];
}

const OBJECT_ATTRIBUTES = new Set(["kind", "name", "namespace", "cluster", "apiVersion"]);

function compileDesignator(attributes: Record<string, string>): ResourceMatcher {
  const checks: Array<(obj: K8sObject, cluster: string) => boolean> = [];
  for (const [key, pattern] of Object.entries(attributes)) {
    const m = regexMatcher(pattern);
    switch (key) {
      case "kind":
        checks.push((o) => m(o.kind));
        break;
      case "name":
        checks.push((o) => m(o.metadata.name));
        break;
      case "namespace":
        checks.push((o) => m(o.metadata.namespace ?? ""));
        break;
      case "apiVersion":
        checks.push((o) => m(o.apiVersion));
        break;
      case "cluster":
        checks.push((_o, c) => c === "" || m(c));
        break;
      default:
        // Any other attribute is a label selector.
        if (!OBJECT_ATTRIBUTES.has(key)) checks.push((o) => m(o.metadata.labels?.[key]));
    }
  }
  return (obj, cluster) => checks.every((c) => c(obj, cluster));
}

export class ExceptionMatcher {
  private readonly policies: CompiledPolicy[];

  constructor(policies: readonly PostureExceptionPolicy[], private readonly clusterName = "") {
    this.policies = policies.map((p) => ({
      name: p.name,
      alertOnly: p.actions.length === 0 || p.actions.some((a) => a.toLowerCase() === "alertonly"),
      resources: p.resources.map((r) => compileDesignator(r.attributes)),
      controls: p.posturePolicies.map((pp) => ({
        framework: pp.frameworkName ? regexMatcher(pp.frameworkName) : undefined,
        controlId: pp.controlID ? regexMatcher(pp.controlID) : undefined,
        controlName: pp.controlName ? regexMatcher(pp.controlName) : undefined,
      })),
    }));
  }

  get size(): number {
    return this.policies.length;
  }

  /** Policies that might apply to a control (checked once per control, not per resource). */
  forControl(controlId: string, controlName: string, frameworks: readonly string[]): ControlExceptions {
    const relevant = this.policies.filter(
      (p) =>
        p.alertOnly &&
        (p.controls.length === 0 ||
          p.controls.some(
            (c) =>
              (!c.controlId || c.controlId(controlId)) &&
              (!c.controlName || c.controlName(controlName)) &&
              (!c.framework || frameworks.some((f) => c.framework?.(f))),
          )),
    );
    return new ControlExceptions(relevant, this.clusterName);
  }
}

export class ControlExceptions {
  constructor(private readonly policies: CompiledPolicy[], private readonly clusterName: string) {}

  get empty(): boolean {
    return this.policies.length === 0;
  }

  /** Names of the policies excepting this object (empty: not excepted). */
  match(obj: K8sObject): string[] {
    const names: string[] = [];
    for (const p of this.policies) {
      // A policy with no resource designators would except everything: require at least one.
      if (p.resources.some((r) => r(obj, this.clusterName))) names.push(p.name);
    }
    return names;
  }
}
