/** Unit names joined with 、, the one being filtered on marked. */
export function UnitNames({ names, highlight }: { names: string[]; highlight: string | null }) {
  if (names.length === 0) return <span className="text-gray-500">—</span>;
  return (
    <>
      {names.map((name, index) => (
        <span key={name}>
          {index > 0 && "、"}
          {name === highlight ? <mark className="rounded bg-yellow-200 px-0.5 text-gray-900">{name}</mark> : name}
        </span>
      ))}
    </>
  );
}
