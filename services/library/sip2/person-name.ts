/**
 * A patron's name (SIP2 `AE`) as people read it. Library systems usually store it "Surname, Given names"
 * ("Åström, Märta"); the kiosk greets and files under "Märta Åström". A name without exactly one comma is
 * kept as it is, since anything else would be a guess.
 */
export function readingOrder(personalName: string): string {
  const m = /^([^,]+),([^,]+)$/.exec(personalName.trim())
  const [surname, given] = [m?.[1]?.trim(), m?.[2]?.trim()]
  return surname && given ? `${given} ${surname}` : personalName.trim()
}
