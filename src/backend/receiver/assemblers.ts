import type { LiveHub } from "../live.ts";
import type { Store } from "../store/types.ts";
import { ContainerScanChunkSchema, imageScanIngest, mergeContainerScanChunks } from "./containerScan.ts";
import { mergePostureChunks, type PostureChunk, postureIngest } from "./postureReport.ts";
import type { Assembler } from "./reassembly.ts";

/** A persisted chunk: the raw body plus what the request's query said about it. */
export interface StoredChunk {
  cluster: string;
  chunk: unknown;
}

export function wrapChunk(cluster: string, rawBody: string): string {
  return `{"cluster":${JSON.stringify(cluster)},"chunk":${rawBody}}`;
}

function unwrap(bodies: string[]): StoredChunk[] {
  return bodies.map((b) => JSON.parse(b) as StoredChunk);
}

export function postureAssembler(store: Store, live: LiveHub): Assembler {
  return {
    kind: "posture",
    async commit(account, reportId, bodies) {
      const stored = unwrap(bodies);
      // Every persisted chunk passed PostureChunkSchema on receipt (which only checks, never transforms).
      const chunks = stored.map((s) => s.chunk as PostureChunk);
      const merged = mergePostureChunks(chunks);
      const cluster = stored.find((s) => s.cluster)?.cluster || merged.clusterName || "unknown";
      const ingest = postureIngest(merged, reportId, cluster, Date.now());
      const done = await store.commitPosture(account, ingest, bodies.length);
      if (done) live.publish({ type: "posture", account, cluster, id: reportId });
      return done;
    },
  };
}

export function containerAssembler(store: Store, live: LiveHub): Assembler {
  return {
    kind: "container",
    async commit(account, reportId, bodies) {
      const stored = unwrap(bodies);
      const merged = mergeContainerScanChunks(stored.map((s) => ContainerScanChunkSchema.parse(s.chunk)));
      const ingest = imageScanIngest(merged, stored.find((s) => s.cluster)?.cluster ?? "", Date.now());
      // Producers reuse a container's scan id across rescans: each upload is its own report.
      ingest.scanId = reportId;
      if (!ingest.cluster) ingest.cluster = "unknown";
      const done = await store.commitImageScan(account, ingest, bodies.length);
      if (done) live.publish({ type: "container", account, cluster: ingest.cluster, id: reportId });
      return done;
    },
  };
}
