/** The token request of the client-credentials grant; the secret comes from the environment. */
export function curlExample(origin: string, clientId: string): string {
  return [
    `curl -X POST '${origin}/api/v1/auth/token' \\`,
    '  -d grant_type=client_credentials \\',
    `  -d client_id=${clientId} \\`,
    '  --data-urlencode client_secret="$CLIENT_SECRET"',
  ].join('\n');
}
