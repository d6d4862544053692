/** The words of `text`: runs of non-space characters. */
export function words(text) {
  return text.split(/\s+/).filter(Boolean);
}

/** How many words `text` has. */
export function countWords(text) {
  return words(text).length;
}
