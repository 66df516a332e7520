import { compileMessageOrThrow, type CompiledMessage } from '@lingui/message-utils/compileMessage'

/** The argument names a message uses, inside plural and select branches too. */
function argumentsOf(compiled: CompiledMessage, into = new Set<string>()): Set<string> {
  for (const token of compiled) {
    if (typeof token === 'string') continue
    const [name, , format] = token
    into.add(name)
    if (format && typeof format === 'object')
      for (const branch of Object.values(format)) if (Array.isArray(branch)) argumentsOf(branch as CompiledMessage, into)
  }
  return into
}

/**
 * The sorted argument names of an ICU MessageFormat message, for the catalog tests: a translation must use the
 * arguments of the Swedish message it translates. Throws on a message that does not parse.
 */
export const argumentNames = (text: string): string[] => [...argumentsOf(compileMessageOrThrow(text))].sort()
