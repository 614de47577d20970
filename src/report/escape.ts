const HTML: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content or a quoted attribute value. */
export const escapeHtml = (text: string | number): string => String(text).replace(/[&<>"']/g, (ch) => HTML[ch] ?? ch);

const JSON_UNSAFE: Readonly<Record<string, string>> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** JSON that is safe inside a <script> element: no `</script>`, `<!--` or line separators survive as such. */
export const jsonForScript = (value: unknown): string => JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => JSON_UNSAFE[ch] ?? ch);

/**
 * A script's source made safe to inline in <script>…</script>. Only `</script` and `<!--` can end or confuse a script
 * element; both are rewritten in a form that means the same inside JavaScript strings and regular expressions.
 */
export const inlineScript = (source: string): string => source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
