import { describe, expect, it } from 'vitest'
import { citizenNotices } from './flag-notices.server.ts'

const text = (sv: string) => ({ sv, en: `${sv} (en)` })
const finding = (id: string, status: 'raised' | 'clear' | 'unknown', citizen?: string) =>
  ({ id, status, reason: text(`${id} reason`), finding: text(`${id} finding`), ...(citizen ? { citizen: text(citizen) } : {}) })

describe('what the citizen is told about flags', () => {
  it('gives each raised flag’s text once, in the citizen’s language, and nothing for clear or unjudged ones', () => {
    const flags = [finding('a', 'raised', 'En handläggare hör av sig'), finding('b', 'raised', 'En handläggare hör av sig'),
      finding('c', 'clear', 'Syns inte'), finding('d', 'unknown', 'Syns inte heller'), finding('e', 'raised', 'Skicka fotot')]
    expect(citizenNotices({ flags }, 'sv')).toEqual(['En handläggare hör av sig', 'Skicka fotot'])
    expect(citizenNotices({ flags }, 'en')).toEqual(['En handläggare hör av sig (en)', 'Skicka fotot (en)'])
    expect(citizenNotices(null, 'sv')).toEqual([])
  })
})
