// Compiles something from a rule's params once (vocabularies, matchers); the engine passes the same
// params object for every applicant, so a WeakMap keyed by it is a per-rule cache.
export function perParams<P extends object, T>(build: (params: P) => T): (params: P) => T {
  const cache = new WeakMap<P, T>();
  return (params) => {
    let hit = cache.get(params);
    if (hit === undefined) {
      hit = build(params);
      cache.set(params, hit);
    }
    return hit;
  };
}
