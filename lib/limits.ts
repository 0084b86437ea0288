// Transport limits shared by the server and the browser's tRPC link.

/** At most this many procedure calls in one batched tRPC request; the client link splits above it. */
export const MAX_BATCH_SIZE = 20;

/** The largest request body the API accepts (a 100,000-character paper in any script fits). */
export const MAX_BODY_BYTES = 1024 * 1024;
