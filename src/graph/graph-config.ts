/**
 * Settings for talking to Microsoft Graph as the Samråd app (client credentials).
 * src/config.ts's GraphSettings has the same shape and can be passed as it is.
 */
export interface GraphConfig {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** UPN of the mailbox that organises every meeting and sends every mail. */
  organizer: string;
  /** Origin of Graph without the version, e.g. https://graph.microsoft.com. */
  graphBaseUrl: string;
  /** Origin of the identity platform, e.g. https://login.microsoftonline.com. */
  authorityHost: string;
}

export const GRAPH_DEFAULTS = {
  graphBaseUrl: "https://graph.microsoft.com",
  authorityHost: "https://login.microsoftonline.com",
} as const satisfies Partial<GraphConfig>;

/** GraphConfig with the two URLs optional (public cloud by default). */
export type GraphConfigInput = Omit<GraphConfig, keyof typeof GRAPH_DEFAULTS> &
  Partial<Pick<GraphConfig, keyof typeof GRAPH_DEFAULTS>>;

/**
 * Fills in the public-cloud defaults and drops trailing slashes, so that the two URLs
 * can be joined with paths.
 *
 * @example graphConfig({ tenantId, clientId, clientSecret, organizer: "samrad@contoso.fi" })
 */
export function graphConfig(settings: GraphConfigInput): GraphConfig {
  const trim = (url: string) => url.replace(/\/+$/, "");
  return {
    ...settings,
    graphBaseUrl: trim(settings.graphBaseUrl ?? GRAPH_DEFAULTS.graphBaseUrl),
    authorityHost: trim(settings.authorityHost ?? GRAPH_DEFAULTS.authorityHost),
  };
}
