// Rosters repeat the same cell texts (a unit's application and 公示 dates, its name, 无) across
// thousands of rows: remember the answers of a pure function of a string, up to `max` of them.
export function boundedMemo<V>(fn: (key: string) => V, max = 10_000): (key: string) => V {
  const memo = new Map<string, V>();
  return (key) => {
    const known = memo.get(key);
    if (known !== undefined || memo.has(key)) return known as V;
    const value = fn(key);
    if (memo.size >= max) memo.clear();
    memo.set(key, value);
    return value;
  };
}
