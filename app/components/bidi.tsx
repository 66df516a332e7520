/**
 * Text set apart from the page's direction (WCAG 1.3.2 on an Arabic page): an answer, a number. An answer with
 * letters takes the direction of its first letter (Swedish street names stay left to right, Arabic right to left);
 * one without (a phone number, a personnummer) is left to right, as it is written.
 * Without this an RTL page shows "070-123 45 67" as "67 45 070-123".
 */
export function Isolated({ text }: { text: string }) {
  return <bdi dir={/\p{L}/u.test(text) ? 'auto' : 'ltr'}>{text}</bdi>
}

/** A case number, personnummer or phone number: always left to right, inside a block of either direction. */
export function Ltr({ text }: { text: string }) {
  return <bdi dir="ltr">{text}</bdi>
}
