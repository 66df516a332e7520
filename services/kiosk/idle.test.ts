import { describe, expect, it } from 'vitest'
import { kioskIdleFrom, secondsLeft } from './idle.ts'

describe('kiosk idle limits', () => {
  it('default to a warning at 2 minutes and the end at 3, with a ping well inside the warning time', () => {
    expect(kioskIdleFrom({ KIOSK_IDLE_WARNING_SECONDS: 120, KIOSK_IDLE_END_SECONDS: 180 })).toEqual({ warningSeconds: 120, endSeconds: 180, pingSeconds: 30 })
    expect(kioskIdleFrom({ KIOSK_IDLE_WARNING_SECONDS: 3, KIOSK_IDLE_END_SECONDS: 8 }).pingSeconds).toBe(1)
  })

  it('refuse an end that comes before the warning has had time', () => {
    expect(() => kioskIdleFrom({ KIOSK_IDLE_WARNING_SECONDS: 120, KIOSK_IDLE_END_SECONDS: 120 })).toThrow(/longer than/)
  })

  it('count down whole seconds to the end, never below zero', () => {
    const idle = kioskIdleFrom({ KIOSK_IDLE_WARNING_SECONDS: 120, KIOSK_IDLE_END_SECONDS: 180 })
    expect(secondsLeft(idle, 120_000)).toBe(60)
    expect(secondsLeft(idle, 179_100)).toBe(1)
    expect(secondsLeft(idle, 200_000)).toBe(0)
  })
})
