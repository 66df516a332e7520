import { describe, expect, it } from 'vitest'
import { cacheable } from './page-cache.ts'

const get = (path: string, cookie?: string) => ({ method: 'GET', path, headers: cookie ? { cookie } : {} })

describe('which requests the first-visit page cache may answer', () => {
  it('takes the start page and the pages of an e-service for a visitor with no session', () => {
    expect(cacheable(get('/'))).toBe(true)
    expect(cacheable(get('/e-tjanster/felanmalan'))).toBe(true)
    expect(cacheable(get('/e-tjanster/felanmalan/kategori', 'csrf=abc; lang=en'))).toBe(true)
  })

  it('never takes a visitor with a session, a kiosk or any other cookie', () => {
    expect(cacheable(get('/e-tjanster/felanmalan/kategori', 'csrf=abc; sid=xyz'))).toBe(false)
    expect(cacheable(get('/e-tjanster/felanmalan/kategori', 'kiosk=k1'))).toBe(false)
    expect(cacheable(get('/', 'bankid_sim=198606129933'))).toBe(false)
  })

  it('never takes posts, data requests, receipts, signing, check-your-answers or staff pages', () => {
    expect(cacheable({ ...get('/e-tjanster/felanmalan/kategori'), method: 'POST' })).toBe(false)
    expect(cacheable(get('/e-tjanster/felanmalan/kategori.data'))).toBe(false)
    expect(cacheable(get('/e-tjanster/felanmalan/kontrollera'))).toBe(false)
    expect(cacheable(get('/e-tjanster/felanmalan/skriv-under'))).toBe(false)
    expect(cacheable(get('/e-tjanster/felanmalan/kvitto/FEL-2026-000001'))).toBe(false)
    expect(cacheable(get('/servicecenter'))).toBe(false)
    expect(cacheable(get('/mina-sidor'))).toBe(false)
  })
})
