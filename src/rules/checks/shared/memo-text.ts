// Rosters repeat a handful of texts (企业, 是, 杭州市西湖区 …) up to a million times: remember the
// answer for recent texts. Bounded: cleared when full, so memory stays flat on any roster.
export function memoText<T>(compute: (text: string) => T, max = 10_000): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    const hit = memo.get(text);
    if (hit !== undefined || memo.has(text)) return hit as T;
    const value = compute(text);
    if (memo.size >= max) memo.clear();
    memo.set(text, value);
    return value;
  };
}
