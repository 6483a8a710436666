// What the lazily loaded proxy agent module makes: the contract between it and transport/proxy-sender.ts,
// kept with its owner so that the agents import nothing from transport/.

/** How requests of one scheme reach their servers through one proxy. */
export interface ProxyRoute {
  /** A node:http Agent. */
  agent: unknown;
  /** The proxy URL without its user info, for messages. */
  proxy: string;
  /** Plain http forwarded in absolute form (a 407 is then the proxy's); false for a CONNECT tunnel. */
  forward: boolean;
}

export interface ProxyAgentModule {
  makeProxyRoute(
    secure: boolean,
    proxy: URL,
    agentOptions: { keepAlive: boolean; maxSockets: number },
    currentSignal: () => AbortSignal | undefined,
  ): ProxyRoute;
}
