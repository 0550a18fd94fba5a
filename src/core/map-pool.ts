/**
 * Maps `items` through `fn` with at most `limit` calls in flight, results in input order. On a
 * failure no new call starts, and the calls already running are waited for before the first error
 * is rethrown: callers (an output transaction) clean up after them, so none may still be writing.
 * (p-map rejects at once and leaves its running calls behind, hence this small helper.)
 */
export async function mapPool<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { err: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i]!, i);
      } catch (err) {
        failure ??= { err };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure) throw failure.err;
  return results;
}
