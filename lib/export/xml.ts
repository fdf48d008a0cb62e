/**
 * XML text that any parser accepts, whatever a database holds. Markup characters become references;
 * tabs and line breaks in attributes become character references (a parser would otherwise fold
 * them into spaces); characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/FFFF)
 * become U+FFFD, visibly, rather than breaking the file or vanishing.
 */

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const MARKUP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Characters XML 1.0 cannot carry, replaced by U+FFFD. */
function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, '\uFFFD');
}

/** For an attribute value (in double quotes). */
export function xmlAttr(value: string | number | boolean): string {
  return xmlSafe(String(value)).replace(/[&<>"'\t\n\r]/g, (c) => MARKUP[c]!);
}

/** For element content: line breaks stay line breaks. */
export function xmlText(value: string | number | boolean): string {
  return xmlSafe(String(value)).replace(/[&<>]/g, (c) => MARKUP[c]!);
}

/** `<name a="1">text</name>`, or self-closed without text. Attributes left undefined are omitted. */
export function xmlElement(name: string, attributes: Record<string, string | number | boolean | undefined>, text?: string): string {
  const attrs = Object.entries(attributes).filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${xmlAttr(v!)}"`).join('');
  return text === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${xmlText(text)}</${name}>`;
}
