import { Fragment, createElement, options, type ComponentChildren, type VNode } from 'preact'
import { useLayoutEffect } from 'preact/hooks'

/**
 * What React 19 does for a whole document and Preact does not (ADR 052), taught to Preact in the browser:
 *
 * - `<html>`: Preact renders a document into the `<html>` element it is given, so the layout's `<html>` becomes
 *   its children, and its attributes (lang, dir, class) are written onto the document's own element.
 * - `<head>`: React's server orders the head its own way (hoisted titles, icons and module preloads first), which
 *   Preact's hydration would match against the wrong elements and then delete. The head the server sent is
 *   kept as it is: nothing the portal shows changes there after the first render, except the title.
 * - `<title>` anywhere in a page sets the document's title, as React 19 hoists it; inside an `<svg>` it stays the
 *   drawing's own title.
 * - `<link rel="stylesheet" precedence>` (a kiosk's extra style sheet) is added to the head once, as React
 *   19 does, instead of rendering in the body.
 */
function DocumentElement({ lang, dir, className, children }: { lang?: string; dir?: string; className?: string; children?: ComponentChildren }) {
  useLayoutEffect(() => {
    const root = document.documentElement
    if (lang) root.lang = lang
    if (dir) root.dir = dir
    if (className) root.className = className
    else root.removeAttribute('class')
  }, [lang, dir, className])
  return createElement(Fragment, null, children)
}

const text = (children: ComponentChildren): string => (Array.isArray(children) ? children.map(text).join('') : children == null || typeof children === 'boolean' ? '' : String(children))

function DocumentTitle({ children }: { children?: ComponentChildren }) {
  const title = text(children)
  useLayoutEffect(() => {
    document.title = title
  }, [title])
  return null
}

function HeadStylesheet({ href }: { href: string }) {
  useLayoutEffect(() => {
    if ([...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].some((l) => l.getAttribute('href') === href)) return
    const link = document.createElement('link')
    link.rel = 'stylesheet'
    link.href = href
    document.head.append(link)
  }, [href])
  return null
}

/** The server's head, kept: hydrating with the same markup leaves every child in place. */
const serverHead = () => ({ dangerouslySetInnerHTML: { __html: document.head.innerHTML } })

/**
 * An SVG's own `<title>` names the drawing (a chart's accessible name), not the page. Children are made before
 * their parent, so by the time the `<svg>` is made its titles have been turned into document titles: turn them back.
 */
function keepSvgTitles(children: unknown) {
  if (Array.isArray(children)) for (const child of children) keepSvgTitles(child)
  else if (children && typeof children === 'object' && 'type' in children) {
    const vnode = children as VNode
    if (vnode.type === (DocumentTitle as never)) vnode.type = 'title'
    else if (typeof vnode.type === 'string' || vnode.type === Fragment) keepSvgTitles((vnode.props as { children?: unknown }).children)
  }
}

export function teachPreactTheDocument() {
  const previous = options.vnode
  options.vnode = (vnode: VNode) => {
    const props = vnode.props as Record<string, unknown>
    if (vnode.type === 'svg') {
      keepSvgTitles(props.children)
    } else if (vnode.type === 'html') {
      vnode.type = DocumentElement as never
    } else if (vnode.type === 'head') {
      vnode.props = serverHead() as never
    } else if (vnode.type === 'title') {
      vnode.type = DocumentTitle as never
    } else if (vnode.type === 'link' && props.rel === 'stylesheet' && props.precedence) {
      vnode.type = HeadStylesheet as never
    }
    previous?.(vnode)
  }
}
