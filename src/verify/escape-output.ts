/*
 * The escaping of the machine-readable reports, one copy for every tool that writes them: the traffic verifier here
 * and the spec review (scripts/review/) both emit JUnit XML and GitHub workflow commands.
 */

// XML 1.0 cannot hold these even escaped; built from code points so the source holds no control characters.
const CONTROL_CHARACTERS = new RegExp(
  `[${String.fromCharCode(0)}-${String.fromCharCode(8)}${String.fromCharCode(11)}${String.fromCharCode(12)}${String.fromCharCode(14)}-${String.fromCharCode(31)}]`,
  'g',
);

/** Text for an XML attribute or element: the five markup characters escaped, the characters XML 1.0 forbids dropped. */
export function escapeXml(text: string): string {
  return text
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
