/**
 * A plain horizontal bar chart in SVG. It is an image with a title and a text summary for screen
 * readers; the table beside it carries the same numbers for anyone who wants them exactly.
 */
export function BarChart({ id, title, bars }: { id: string; title: string; bars: { label: string; value: number }[] }) {
  const row = 26
  const labelWidth = 130
  const width = 640
  const max = Math.max(1, ...bars.map((b) => b.value))
  const height = Math.max(row, bars.length * row) + 8
  const summary = bars.length ? bars.map((b) => `${b.label}: ${b.value}`).join(', ') : 'Inga ärenden'
  return (
    <figure className="chart">
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${width} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        {bars.map((b, i) => {
          const w = Math.round(((width - labelWidth - 60) * b.value) / max)
          const y = i * row + 4
          return (
            <g key={b.label}>
              <text x={labelWidth - 8} y={y + 16} textAnchor="end" className="chart__label">{b.label}</text>
              <rect x={labelWidth} y={y + 2} width={Math.max(w, b.value ? 2 : 0)} height={row - 8} className="chart__bar" />
              <text x={labelWidth + w + 6} y={y + 16} className="chart__value">{b.value}</text>
            </g>
          )
        })}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  )
}
