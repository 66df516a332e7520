/**
 * A staff list as a table: it scrolls sideways on a narrow screen, screen readers name it by its caption (not
 * shown: the heading above says it), and each column head is scoped to its column. The rows are the children.
 */
export function ListTable({ caption, columns, children }: { caption: string; columns: readonly string[]; children: React.ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead><tr>{columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}
