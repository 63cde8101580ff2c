// Rows into lists by key, keeping their order: the one helper every set-wise query uses
// to attach child rows (leaders, units, milestones…) to their parents.

export function groupBy<K, V>(rows: readonly V[], key: (v: V) => K): Map<K, V[]> {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}
