import { Form, useNavigation } from 'react-router'
import type { Locale } from '#forms/kit/types.ts'
import { describedBy } from '#app/components/forms/question-frame.tsx'
import { translate, useLocale } from '#app/i18n.ts'
import { useRootData } from '#app/root-data.ts'
import { retryTime } from '#app/utils/format-date.ts'

/**
 * The kiosk's logins (staff help, library card) share their page: texts whose refusal says when to try again,
 * the last answer's errors with their summary, and a form whose boxes the browser neither remembers nor
 * corrects, since the kiosk is a shared computer.
 */
export function useLoginPage<K extends string, F extends string>(
  text: (locale: Locale, key: K, vars?: Record<string, string>) => string,
  result: { errors: Partial<Record<F, K>>; retryAt?: string } | undefined,
  fields: readonly F[],
) {
  const locale = useLocale()
  const tx = (k: K) => text(locale, k, { time: retryTime(locale, result?.retryAt) })
  const errors: Partial<Record<F, K>> = result?.errors ?? {}
  const error = (f: F) => { const e = errors[f]; return e && tx(e) }
  const summary = fields.flatMap((f) => { const message = error(f); return message ? [{ anchor: `f-${f}`, message }] : [] })
  // The page's title says first that the last post had errors.
  const title = (heading: string) => `${summary.length ? translate(locale, 'errorTitlePrefix') : ''}${heading}`
  return { tx, error, summary, title }
}

/** The login's post: the CSRF token, the boxes, and a button that waits while a post is under way. */
export function LoginForm({ submit, children }: { submit: string; children: React.ReactNode }) {
  const root = useRootData()
  const navigation = useNavigation()
  return (
    <Form method="post" noValidate autoComplete="off">
      <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />
      {children}
      <button type="submit" className="button" disabled={navigation.state !== 'idle'}>{submit}</button>
    </Form>
  )
}

/** One box of a login; its id is `f-<name>`, which the error summary links to. */
export function LoginInput({ name, label, hint, error, type, inputMode, defaultValue }: {
  name: string; label: string; hint?: string; error?: string; type: 'text' | 'email' | 'password'
  inputMode?: 'email' | 'numeric'; defaultValue?: string
}) {
  const locale = useLocale()
  const id = `f-${name}`
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="label" htmlFor={id}>{label}</label>
      {hint && <div id={`${id}-hint`} className="hint">{hint}</div>}
      {error && <p id={`${id}-error`} className="error-message"><span className="visually-hidden">{translate(locale, 'errorLabel')}</span> {error}</p>}
      <input id={id} name={name} type={type} inputMode={inputMode} className="input input--medium" autoComplete="off" spellCheck={false}
        defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} />
    </div>
  )
}
