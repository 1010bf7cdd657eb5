// Types of oidc-server.mjs, for the TypeScript tests that start it.

/** The entry for an auth collection's `oauth2.providers` that points PocketBase at the server. */
export interface LocalOidcProvider {
  name: "oidc";
  displayName: string;
  clientId: string;
  clientSecret: string;
  authURL: string;
  tokenURL: string;
  userInfoURL: string;
  pkce: true;
}

export interface LocalOidcServer {
  url: string;
  provider: LocalOidcProvider;
  /** Every code handed out so far. */
  codes(): string[];
  close(): Promise<void>;
}

export function startOidcServer(options: {
  identities: { email: string; name: string }[];
  host?: string;
  port?: number;
  clientId?: string;
  clientSecret?: string;
  displayName?: string;
}): Promise<LocalOidcServer>;
