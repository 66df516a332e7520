import * as z from 'zod/mini'
import { holds } from './conditions.ts'
import { kindOf } from './kinds/index.ts'
import { fill, t } from './text.ts'
import type { Answers, PageDef, PageRule, ValidationContext } from './types.ts'

export type RuleIssue = { target: string; message: string }

type Input = { page: PageDef; raw: Answers; clean: Answers; all: Answers; ctx: ValidationContext }

/**
 * Rules across a page's fields (see `PageRule`). `atLeastOne` looks at what was posted; the others compare
 * the validated values, and say nothing while one of their fields is itself wrong or missing, since that
 * field's own message is the one to fix first.
 */
export function ruleIssues(input: Input): RuleIssue[] {
  const { page, ctx } = input
  const issues: RuleIssue[] = []
  for (const rule of page.rules ?? []) {
    if (!holds(rule.when, input.all)) continue
    const broken = check(rule, input)
    if (broken) issues.push({ target: rule.target, message: fill(t(rule.message, ctx.locale), broken.vars) })
  }
  return issues
}

function check(rule: PageRule, { page, raw, clean, all, ctx }: Input): { vars: Record<string, string | number> } | null {
  const fieldOf = (id: string) => page.fields.find((f) => f.id === id)
  const answered = (id: string) => {
    const f = fieldOf(id)
    return !!f && holds(f.visibleWhen, all) && !kindOf(f).isEmpty(raw[id], f)
  }
  switch (rule.kind) {
    case 'atLeastOne':
      return rule.fields.some(answered) ? null : { vars: {} }
    case 'sumAtMost': {
      const max = clean[rule.max]
      if (typeof max !== 'number') return null
      if (rule.fields.some((id) => answered(id) && typeof clean[id] !== 'number')) return null
      const sum = rule.fields.reduce((acc, id) => acc + (typeof clean[id] === 'number' ? (clean[id] as number) : 0), 0)
      return sum > max ? { vars: { max } } : null
    }
    case 'matchesIdentity': {
      const own = ctx.identity?.personalNumber
      const value = clean[rule.field]
      const f = fieldOf(rule.field)
      if (!own || typeof value !== 'string' || !f) return null
      // The logged-in person's number read as the field reads an answer, through its kind rather than the
      // validator's module: the kind is on this page, so the browser has fetched it (ADR 053).
      const asOwn = { ...f, allowSamordningsnummer: true } as typeof f
      const read = z.safeParse(kindOf(asOwn).schema(asOwn, ctx), own)
      const same = (read.success ? read.data : own) === value
      return same === (rule.expect === 'same') ? null : { vars: {} }
    }
  }
}
