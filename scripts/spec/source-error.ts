/** A problem in the spec's source files, located to a file and line so the author can go straight to it. */
export class SpecSourceError extends Error {
  override readonly name = 'SpecSourceError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}:${column}: ${problem}`);
  }
}
