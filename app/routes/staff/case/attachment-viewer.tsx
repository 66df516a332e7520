import { useEffect, useRef } from 'react'
import { Link } from 'react-router'

export type ViewedFile = { id: string; name: string; href: string; isPdf: boolean; isImage: boolean }

/** The URL that opens a file in the viewer on its case page (a link, so it works without JavaScript). */
export const viewerHref = (fileId: string) => `?bilaga=${encodeURIComponent(fileId)}#${VIEWER_ID}`
export const VIEWER_ID = 'visning'

/**
 * One attachment shown beside the case's data, in the same tab: a PDF in a frame, a picture as an image,
 * titled by the file's name. Only files the reader may open reach here (the loader picks from the case's
 * visible attachments, and the file's own route checks need-to-know again). Loading the file is an opening
 * of it, written to the access log like opening it on its own.
 */
export function AttachmentViewer({ file }: { file: ViewedFile }) {
  // Opening a file moves focus to the viewer's heading, so a screen reader says what opened and the keyboard
  // continues from there (without JavaScript the link's #visning anchor does the same).
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [file.id])
  return (
    <section id={VIEWER_ID} className="viewer" aria-labelledby="viewer-h">
      <div className="viewer__head">
        <h2 id="viewer-h" ref={heading} tabIndex={-1} className="viewer__title">{file.name}</h2>
        <Link to="?" preventScrollReset className="viewer__close">Stäng visningen<span className="visually-hidden"> av {file.name}</span></Link>
      </div>
      {file.isPdf ? <iframe src={file.href} title={file.name} className="viewer__frame" />
        : file.isImage ? <img src={file.href} alt={file.name} className="viewer__image" />
        : <p>Filen kan inte visas här. <a href={file.href}>Ladda ner {file.name}</a></p>}
      <p className="viewer__open"><a href={file.href}>Öppna {file.name} för sig</a></p>
    </section>
  )
}
