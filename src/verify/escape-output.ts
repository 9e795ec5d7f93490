/*
 * The escaping of the machine-readable reports, one copy for every tool that writes them: the traffic verifier here
 * and the spec review (scripts/review/) both emit JUnit XML and GitHub workflow commands.
 */

// XML 1.0 cannot hold these even escaped; built from code points so the source holds no control characters.
const CONTROL_CHARACTERS = new RegExp(
  `[${String.fromCharCode(0)}-${String.fromCharCode(8)}${String.fromCharCode(11)}${String.fromCharCode(12)}${String.fromCharCode(14)}-${String.fromCharCode(31)}]`,
  'g',
);

/**
 * Text for an XML attribute or element: the five markup characters escaped, the controls XML 1.0 forbids dropped,
 * and the code units it cannot hold as characters replaced (see `wellFormed`).
 */
export function escapeXml(text: string): string {
  return wellFormed(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(CONTROL_CHARACTERS, '');
}

/** A GitHub workflow command's message: any text, with `%` and line breaks escaped as the runner expects. */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A GitHub workflow command's property value (`file=`, `title=`): no `:` or `,` either. */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A lone UTF-16 surrogate (half of a pair), or U+FFFE / U+FFFF: no XML parser accepts them, and UTF-8 cannot hold a lone half. */
const NOT_CHARACTERS = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with every code unit XML 1.0 cannot hold as a character (besides the controls) replaced by U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(NOT_CHARACTERS, '\uFFFD');
}

/** C0 and C1 controls (line breaks and ESC included), DEL, and the Unicode line and paragraph separators. */
const UNPRINTABLE = new RegExp(
  `[${String.fromCharCode(0)}-${String.fromCharCode(0x1f)}${String.fromCharCode(0x7f)}-${String.fromCharCode(0x9f)}\u2028\u2029]`,
  'g',
);

/**
 * One line of human output, whatever the traffic put in it: a line break, a carriage return, ESC or any other
 * control becomes a visible escape (`\n`, `\u001b`). A value holding `\n::error::` or `\n::add-mask::` used to
 * start a line of its own in the text summary, which GitHub Actions reads as a workflow command, and ESC sequences
 * reached the terminal.
 */
export function printable(text: string): string {
  return wellFormed(text).replace(UNPRINTABLE, (char) =>
    char === '\n' ? '\\n' : char === '\r' ? '\\r' : char === '\t' ? '\\t' : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
