import type { JobEvent } from "../store/types.ts";

export interface JobNode {
  jobId: string;
  parentId: string;
  cluster: string;
  action: string;
  reporter: string;
  status: string;
  errors: string[];
  firstSeen: number;
  lastSeen: number;
  events: Array<{ reporter: string; status: string; details: string; at: number }>;
  children: JobNode[];
}

/** Groups job events by jobId and nests each job under its parent (jobId/parentAction). */
export function buildJobTree(events: JobEvent[]): JobNode[] {
  const nodes = new Map<string, JobNode>();
  const ordered = [...events].sort((a, b) => a.receivedAt - b.receivedAt);
  for (const e of ordered) {
    let n = nodes.get(e.jobId);
    if (!n) {
      n = { jobId: e.jobId, parentId: e.parentId, cluster: e.cluster, action: e.action, reporter: e.reporter, status: e.status, errors: [], firstSeen: e.receivedAt, lastSeen: e.receivedAt, events: [], children: [] };
      nodes.set(e.jobId, n);
    }
    n.parentId ||= e.parentId;
    n.cluster ||= e.cluster;
    n.action ||= e.action;
    n.status = e.status || n.status;
    n.lastSeen = e.receivedAt;
    n.errors.push(...e.errors);
    n.events.push({ reporter: e.reporter, status: e.status, details: e.details, at: e.receivedAt });
  }
  const roots: JobNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentId && n.parentId !== n.jobId ? nodes.get(n.parentId) : undefined;
    if (parent && !isAncestor(n, parent, nodes)) parent.children.push(n);
    else roots.push(n);
  }
  return roots.sort((a, b) => b.lastSeen - a.lastSeen);
}

/** Guards against parent cycles in reported data. */
function isAncestor(candidate: JobNode, of: JobNode, nodes: Map<string, JobNode>): boolean {
  let cur: JobNode | undefined = of;
  for (let depth = 0; cur && depth < 100; depth++) {
    if (cur === candidate) return true;
    cur = cur.parentId ? nodes.get(cur.parentId) : undefined;
  }
  return false;
}
