import { describe, expect, it } from 'vitest'
import { addWorkingDays, dueIn, isWorkingDay, lateBefore, nextWorkingDay, workingDaysBetween } from './working-days.ts'

const TZ = 'Europe/Stockholm'
/** Noon in Stockholm on a date (UTC+1 in winter, +2 in summer: noon is the same date either way). */
const at = (iso: string, time = '12:00:00') => new Date(`${iso}T${time}+01:00`)

describe('working days in Sweden', () => {
  it('skips Easter: Good Friday and Easter Monday are days off', () => {
    // 2026: Långfredagen 3 April, Annandag påsk 6 April.
    expect(isWorkingDay('2026-04-02')).toBe(true)
    expect(isWorkingDay('2026-04-03')).toBe(false)
    expect(isWorkingDay('2026-04-06')).toBe(false)
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07')
    expect(workingDaysBetween('2026-04-01', '2026-04-08')).toBe(3)
  })

  it('skips midsummer eve and the national day, Christmas and New Year', () => {
    expect(isWorkingDay('2026-06-19')).toBe(false) // midsommarafton, a Friday
    expect(addWorkingDays('2026-06-18', 1)).toBe('2026-06-22')
    expect(isWorkingDay('2027-06-07')).toBe(true)
    expect(isWorkingDay('2028-06-06')).toBe(false) // nationaldagen on a Tuesday
    // 2026: julafton Thu, juldagen Fri, annandag Sat; nyårsafton Thu, nyårsdagen Fri.
    expect(['2026-12-23', '2026-12-24', '2026-12-25', '2026-12-28'].map(isWorkingDay)).toEqual([true, false, false, true])
    expect(workingDaysBetween('2026-12-23', '2027-01-04')).toBe(4) // 28, 29, 30 Dec and 4 Jan
    expect(addWorkingDays('2026-12-22', 10)).toBe('2027-01-12') // 6 Jan (trettondedag jul) is off too
    expect(nextWorkingDay('2026-12-24')).toBe('2026-12-28')
  })

  it('says a deadline in words: today, in working days, or days late', () => {
    const now = at('2026-04-01')
    expect(dueIn(at('2026-04-01', '08:00:00'), now, TZ)).toMatchObject({ tone: 'today', sv: 'förfaller i dag' })
    expect(dueIn(at('2026-04-02'), now, TZ)).toMatchObject({ tone: 'soon', sv: 'förfaller om 1 arbetsdag' })
    // Over Easter: Thursday, then Tuesday 7 April.
    expect(dueIn(at('2026-04-07'), now, TZ)).toMatchObject({ tone: 'soon', sv: 'förfaller om 2 arbetsdagar', en: 'due in 2 working days' })
    expect(dueIn(at('2026-04-14'), now, TZ)).toMatchObject({ tone: 'later', sv: 'förfaller om 7 arbetsdagar' })
    expect(dueIn(at('2026-03-30'), now, TZ)).toMatchObject({ tone: 'late', sv: '2 dagar sen', en: '2 days late' })
    expect(dueIn(at('2026-03-31'), now, TZ)).toMatchObject({ tone: 'late', sv: '1 dag sen' })
  })

  it('moves a deadline on a day off to the next working day: due on Good Friday is due on the Tuesday after', () => {
    const goodFriday = at('2026-04-03')
    expect(dueIn(goodFriday, at('2026-04-06'), TZ)).toMatchObject({ tone: 'soon', sv: 'förfaller om 1 arbetsdag' })
    expect(dueIn(goodFriday, at('2026-04-07'), TZ)).toMatchObject({ tone: 'today' })
    expect(dueIn(goodFriday, at('2026-04-08'), TZ)).toMatchObject({ tone: 'late', sv: '1 dag sen' })
    // The late line agrees: on Tuesday the Friday deadline is not late yet, on Wednesday it is.
    expect(goodFriday < lateBefore(at('2026-04-07'), TZ)).toBe(false)
    expect(goodFriday < lateBefore(at('2026-04-08'), TZ)).toBe(true)
    // A case due at 08:00 today is due today, not late, until the day is over.
    expect(at('2026-04-01', '08:00:00') < lateBefore(at('2026-04-01', '16:00:00'), TZ)).toBe(false)
  })
})
