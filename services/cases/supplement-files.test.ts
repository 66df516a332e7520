import { describe, expect, it } from 'vitest'
import { supplementFilesHint } from './supplement-files.ts'

describe('the hint under the supplement and message file inputs', () => {
  it('states the types and limits the server applies, in both languages', () => {
    expect(supplementFilesHint('sv')).toBe('PDF, JPEG, PNG, HEIC eller WebP, högst 10 MB per fil och högst 5 filer. Platsinformation tas bort ur bilder.')
    expect(supplementFilesHint('en')).toBe('PDF, JPEG, PNG, HEIC or WebP, at most 10 MB each and 5 files. Location information is removed from pictures.')
  })
})
