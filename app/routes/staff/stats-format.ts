/**
 * A statistics cell as Swedish readers and Swedish Excel expect it: numbers with a decimal comma and no
 * thousands separator (Excel in Swedish reads "66,7" as a number, "66.7" as text). The page and the CSV
 * both show cells through this; the xlsx keeps numbers as numbers.
 */
export const cellText = (v: string | number): string => (typeof v === 'number' ? String(v).replace('.', ',') : v)
