import type { ITXClientDenyList } from "@prisma/client/runtime/client";
import type { Db } from "@/server/db";
import { conflict } from "@/server/errors";

// The persistence patterns every service shares, written once.

/** A transaction opened on the app's client. */
export type Tx = Omit<Db, ITXClientDenyList>;

/** The client or a transaction: reads that work in either. */
export type DbOrTx = Db | Tx;

type UpdateManyDelegate = { updateMany: (args: never) => PromiseLike<{ count: number }> };
type UpdateManyArgs<M extends UpdateManyDelegate> = Parameters<M["updateMany"]>[0];
type DeleteManyDelegate = { deleteMany: (args: never) => PromiseLike<{ count: number }> };
type DeleteManyArgs<M extends DeleteManyDelegate> = Parameters<M["deleteMany"]>[0];

/**
 * The guarded write: updates the row only while `where` still holds (the state the change was
 * decided on), and answers CONFLICT with `stale` when someone else changed it first.
 */
export async function updateGuarded<M extends UpdateManyDelegate>(
  model: M,
  where: NonNullable<UpdateManyArgs<M>["where"]>,
  data: UpdateManyArgs<M>["data"],
  stale: string,
): Promise<void> {
  const args = { where, data } as unknown as UpdateManyArgs<M>;
  const { count } = await (model.updateMany as (a: UpdateManyArgs<M>) => PromiseLike<{ count: number }>)(args);
  if (count === 0) throw conflict(stale);
}

/**
 * The optimistic-concurrency write: updates the row only if it still has the version the change
 * started from, and answers CONFLICT with `stale` when someone else got there first. `data` sets
 * the next version itself when a model numbers versions by revision (or keeps it, for a change
 * that writes no revision); otherwise it is incremented.
 */
export async function updateVersioned<M extends UpdateManyDelegate>(
  model: M,
  where: NonNullable<UpdateManyArgs<M>["where"]>,
  version: number,
  data: UpdateManyArgs<M>["data"],
  stale: string,
): Promise<void> {
  const next = (data as { version?: unknown }).version === undefined ? { version: { increment: 1 } } : {};
  const guarded = { ...(where as object), version } as NonNullable<UpdateManyArgs<M>["where"]>;
  await updateGuarded(model, guarded, { ...(data as object), ...next } as UpdateManyArgs<M>["data"], stale);
}

/** Deletes the row only if it still has the version the change started from; CONFLICT otherwise. */
export async function deleteVersioned<M extends DeleteManyDelegate>(
  model: M,
  where: NonNullable<DeleteManyArgs<M>["where"]>,
  version: number,
  stale: string,
): Promise<void> {
  const args = { where: { ...(where as object), version } } as unknown as DeleteManyArgs<M>;
  const { count } = await (model.deleteMany as (a: DeleteManyArgs<M>) => PromiseLike<{ count: number }>)(args);
  if (count === 0) throw conflict(stale);
}
