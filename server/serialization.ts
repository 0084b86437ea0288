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

/** The shared value's serialisation, made once. */
function serializeShared(value: object): Serialized {
  let result = serialized.get(value);
  if (!result) {
    result = superjson.serialize(value);
    deepFreeze(result);
    serialized.set(value, result);
  }
  return result;
}

const PLAIN_KEY = /^[A-Za-z0-9_]+$/;

function isShared(value: unknown): value is object {
  return value !== null && typeof value === "object" && shared.has(value);
}

/**
 * An answer that is a plain object with some shared values at its top level (a cached view plus
 * the viewer's own few fields): the shared values' serialisations are reused and only the rest is
 * walked. superjson's output is `{ json, meta: { values: { "<dotted path>": [type] } } }`, so a
 * part's paths are prefixed with its key. Falls back to a whole walk for anything unusual
 * (referential equalities, keys that would need escaping in a path).
 */
function serializeComposite(value: Record<string, unknown>): Serialized | null {
  const keys = Object.keys(value);
  if (!keys.some((k) => isShared(value[k])) || !keys.every((k) => PLAIN_KEY.test(k))) return null;
  const rest: Record<string, unknown> = {};
  for (const k of keys) if (!isShared(value[k])) rest[k] = value[k];
  const base = superjson.serialize(rest);
  if (base.meta?.referentialEqualities) return null;
  const json: Record<string, unknown> = { ...(base.json as Record<string, unknown>) };
  const values: Record<string, unknown> = { ...(base.meta?.values ?? {}) };
  for (const k of keys) {
    const part = value[k];
    if (!isShared(part)) continue;
    const s = serializeShared(part);
    if (s.meta?.referentialEqualities || Array.isArray(s.meta?.values)) return null;
    json[k] = s.json;
    for (const [path, type] of Object.entries(s.meta?.values ?? {})) values[path === "" ? k : `${k}.${path}`] = type;
  }
  const hasValues = Object.keys(values).length > 0;
  return (hasValues ? { json, meta: { values, v: 1 } } : { json }) as Serialized;
}

export const transformer = {
  serialize(value: unknown): Serialized {
    if (value === null || typeof value !== "object") return superjson.serialize(value);
    if (shared.has(value)) return serializeShared(value);
    if (Object.getPrototypeOf(value) === Object.prototype) {
      const composite = serializeComposite(value as Record<string, unknown>);
      if (composite) return composite;
    }
    return superjson.serialize(value);
  },
  deserialize: superjson.deserialize.bind(superjson),
} as const;
