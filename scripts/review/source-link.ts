/**
 * A link to a line of a source file. Inside a GitHub Actions run (GITHUB_SERVER_URL, GITHUB_REPOSITORY and
 * GITHUB_SHA are set) it is an absolute blob URL, which a pull-request comment needs; elsewhere it is relative to the
 * repository root, which resolves in the repository's own Markdown (the README) and in local previews.
 */
export function sourceLink(file: string, line: number, env: NodeJS.ProcessEnv = process.env): string {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  const path = file.split('\\').join('/');
  if (server && repository && sha) return `${server}/${repository}/blob/${sha}/${path}#L${line}`;
  return `${path}#L${line}`;
}
