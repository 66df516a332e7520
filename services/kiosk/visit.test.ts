import { describe, expect, it } from 'vitest'
import { helpPath } from './paths.ts'
import { cookieNames, KIOSK_COOKIE, visitEndHeaders } from './visit.ts'

describe('ending a kiosk visit', () => {
  const header = 'csrf=abc; sid=def; lang=en; kiosk_text=large; kiosk=tok; some-future-cookie=1'

  it('expires every cookie the browser sent except the kiosk’s own, which is set again', () => {
    const headers = visitEndHeaders(header, 'tok')
    const cookies = headers.filter(([name]) => name === 'Set-Cookie').map(([, v]) => v)
    for (const name of ['csrf', 'sid', 'lang', 'kiosk_text', 'some-future-cookie'])
      expect(cookies).toContainEqual(expect.stringMatching(new RegExp(`^${name}=; .*Max-Age=0`)))
    const kiosk = cookies.filter((c) => c.startsWith(`${KIOSK_COOKIE}=`))
    expect(kiosk).toHaveLength(1)
    expect(kiosk[0]).toMatch(/^kiosk=tok; .*HttpOnly.*Max-Age=34560000/)
  })

  it('asks the browser to drop cache and storage but not all cookies, which would take the enrolment too', () => {
    const csd = visitEndHeaders(header, 'tok').find(([name]) => name === 'Clear-Site-Data')
    expect(csd?.[1]).toBe('"cache", "storage"')
    expect(csd?.[1]).not.toContain('cookies')
  })

  it('does not renew the enrolment of a kiosk that was revoked', () => {
    expect(visitEndHeaders(header, undefined).some(([, v]) => v.startsWith('kiosk=tok'))).toBe(false)
  })

  it('reads cookie names and ignores garbage', () => {
    expect(cookieNames('a=1; b=2; a=3; =x; bad name=1')).toEqual(['a', 'b'])
    expect(cookieNames(undefined)).toEqual([])
  })
})

describe('paths reported by a kiosk', () => {
  it('are plain paths of this site, nothing else', () => {
    expect(helpPath('/e-tjanster/felanmalan/plats')).toBe('/e-tjanster/felanmalan/plats')
    for (const bad of ['https://evil.example/', '//evil.example', '/.//evil.example', '/a?personnummer=1', '', 'kiosk', `/${'a'.repeat(300)}`]) expect(helpPath(bad)).toBe('/kiosk')
  })
})
