import { formatDateTime } from '../labels.ts'
import type { ThreadEntry } from './thread.ts'

/** What the citizen and the servicecenter have written to each other, oldest first (the same thread as on Mina sidor). */
export function MessageThread({ entries, canMessage }: { entries: ThreadEntry[]; canMessage: boolean }) {
  return (
    <section aria-labelledby="thread-h">
      <h2 id="thread-h">Meddelanden med medborgaren</h2>
      {entries.length === 0 ? <p>Inga meddelanden ännu.</p> : (
        <ol className="messages" aria-labelledby="thread-h">
          {entries.map((m, i) => (
            <li key={i} className={`message${m.fromCitizen ? ' message--in' : ''}`}>
              <p className="message__meta"><strong>{m.heading}</strong> · {formatDateTime(m.at)}</p>
              {m.text && <p className="pre-wrap">{m.text}</p>}
              {m.items.length > 0 && <ul>{m.items.map((item) => <li key={item}>{item}</li>)}</ul>}
              {m.files.length > 0 && (
                <ul className="message__files">{m.files.map((f) => <li key={f.id}>Bifogad fil: {f.href ? <a href={f.href}>{f.name}</a> : f.name}</li>)}</ul>
              )}
            </li>
          ))}
        </ol>
      )}
      {!canMessage && <p>Medborgaren kan inte nås här: ärendet har varken personnummer eller e-postadress.</p>}
    </section>
  )
}
