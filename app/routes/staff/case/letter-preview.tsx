import type { LetterContent } from '#services/pdf/letter-content.ts'

/**
 * The decision letter as it will read, before the decision is made: the same blocks the PDF is drawn from
 * (services/pdf/letter-content.ts), so what staff check here is what the citizen gets.
 */
export function LetterPreview({ content }: { content: LetterContent }) {
  return (
    <section className="letter-preview" aria-labelledby="letter-preview-h">
      <h2 id="letter-preview-h">Förhandsgranskning av beslutsbrevet</h2>
      <p>Beslutet är inte fattat än. Läs brevet och tryck på Fatta beslut när det stämmer.</p>
      <div className="letter-preview__page" lang={content.locale}>
        <p className="caption">{content.kicker}</p>
        <h3>{content.title}</h3>
        {content.blocks.map((b, i) => {
          switch (b.kind) {
            case 'heading': return <h4 key={i}>{b.text}</h4>
            case 'paragraph': return <p key={i} className={b.muted ? 'muted pre' : 'pre'}>{b.text}</p>
            case 'list': return <ul key={i}>{b.items.map((item) => <li key={item}>{item}</li>)}</ul>
            case 'facts': return (
              <dl key={i} className="letter-preview__facts">
                {b.rows.map((r) => <div key={r.label}><dt>{r.label}</dt><dd>{r.value}</dd></div>)}
              </dl>
            )
          }
        })}
      </div>
    </section>
  )
}
