import { resolve } from "node:path";

/** The read-only shared/ folder beside the repository (CI lays a copy there too). */
export const SHARED_DIR = process.env.KS_SHARED_DIR ?? resolve(import.meta.dir, "../../../shared");
