import superjson from "superjson";

/**
 * The tRPC transformer (superjson), with one addition: a value marked with `shareImmutable` is
 * serialised once and the result reused for every response that carries the same object.
 *
 * The tracker caches a series' figures per visibility class (services/tracker/cache.ts) and hands
 * the same result object to every viewer of that class until the series changes; walking its tens
 * of thousands of nodes with superjson on every request cost more than computing the view. Reuse is
 * by object identity, so a new computation (a new stamp, another class, a scholar's uncached view)
 * is a new object and serialised afresh. Marked values are deep-frozen, so they cannot drift from
 * their serialised form.
 */

type Serialized = ReturnType<typeof superjson.serialize>;

const shared = new WeakSet<object>();
const serialized = new WeakMap<object, Serialized>();

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return;
  // Maps and Sets stay mutable through their methods whatever freezing does: refuse them rather
  // than share something that could drift. (A Date's setters are not protected either; nothing in
  // a response calls them.)
  if (value instanceof Map || value instanceof Set) throw new TypeError("shareImmutable: Maps and Sets cannot be frozen");
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
}

/** Freezes `value` (deeply) and lets the transformer serialise it once. Returns the same object. */
export function shareImmutable<T extends object>(value: T): T {
  deepFreeze(value);
  shared.add(value);
  return value;
}

export const transformer = {
  serialize(value: unknown): Serialized {
    if (value === null || typeof value !== "object" || !shared.has(value)) return superjson.serialize(value);
    let result = serialized.get(value);
    if (!result) {
      result = superjson.serialize(value);
      deepFreeze(result);
      serialized.set(value, result);
    }
    return result;
  },
  deserialize: superjson.deserialize.bind(superjson),
} as const;
