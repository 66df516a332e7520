/**
 * The keyboard shortcuts, documented where they are used. They are HTML access keys: they work without
 * JavaScript, need a modifier (so no single-key shortcut fires while typing, WCAG 2.1.4), and the
 * browser decides the modifier.
 */
export function Shortcuts({ department = false, onCase = false }: { department?: boolean; onCase?: boolean }) {
  return (
    <details className="shortcuts">
      <summary>Kortkommandon</summary>
      <p>Tryck snabbtangenten tillsammans med <kbd>Alt</kbd> (Chrome och Edge i Windows och Linux), <kbd>Alt</kbd> + <kbd>Skift</kbd> (Firefox) eller <kbd>Ctrl</kbd> + <kbd>Alternativ</kbd> (Mac).</p>
      <dl className="shortcut-list">
        {!department && <div><dt><kbd>N</kbd></dt><dd>Ta nästa ärende</dd></div>}
        {onCase && !department && <div><dt><kbd>J</kbd></dt><dd>Nästa ärende bland mina</dd></div>}
        {onCase && <div><dt><kbd>K</kbd></dt><dd>Till ärendelistan</dd></div>}
      </dl>
      <p>Alla sidor går att använda med tangentbordet: <kbd>Tabb</kbd> flyttar mellan länkar, knappar och fält.</p>
    </details>
  )
}
