/** The one search box of a staff search page (cases, the access log): label, hint, error and what was typed. */
export function SearchField({ label, hint, error, value }: { label: string; hint: string; error: string | null; value: string }) {
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="label" htmlFor="q">{label}</label>
      <div id="q-hint" className="hint">{hint}</div>
      {error && <p id="q-error" className="error-message"><span className="visually-hidden">Fel:</span> {error}</p>}
      <input id="q" name="q" type="search" className="input" defaultValue={value} autoComplete="off" spellCheck={false}
        aria-describedby={error ? 'q-hint q-error' : 'q-hint'} aria-invalid={error ? true : undefined} />
    </div>
  )
}
