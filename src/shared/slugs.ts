/**
 * Lowercase ASCII words joined by hyphens, accents dropped: "Dry Needling vs. Acupuncture" →
 * "dry-needling-vs-acupuncture". Heading anchors are made this way, and so is any slug a program
 * (not an editor) has to invent.
 */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
