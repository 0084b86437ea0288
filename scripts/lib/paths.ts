import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Git-ignored local state: embedded PostgreSQL clusters, the generated demo secret. */
export const DATA_DIR = path.join(REPO_ROOT, ".data");
