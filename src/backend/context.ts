import type { GatewayBroker } from "../gateway/broker.ts";
import type { Logger } from "../common/log.ts";
import type { AdminCredentials } from "./auth/admin.ts";
import type { ApiKeyResolver } from "./auth/apiKeys.ts";
import type { SessionSigner } from "./auth/session.ts";
import type { LiveHub } from "./live.ts";
import type { ChunkReassembler } from "./receiver/reassembly.ts";
import type { RetentionSettings, Store } from "./store/types.ts";

/** Everything the backend's route plugins share. */
export interface BackendContext {
  store: Store;
  logger: Logger;
  keys: ApiKeyResolver;
  reassembler: ChunkReassembler;
  live: LiveHub;
  broker: GatewayBroker;
  admin: AdminCredentials | null;
  sessions: SessionSigner;
  bodyLimit: number;
  retention: RetentionSettings;
  /** Force the Secure cookie flag even when the request looks like plain http (behind TLS termination). */
  secureCookies: boolean;
}
