/** `text` with the LIKE/ILIKE wildcards (and the escape character) escaped, to match it literally. */
export function escapeLike(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_');
}
