// A real global fetch, observed: records every request that went out and Prism's sl-violations
// header of every response, and can add headers (Prism's `Prefer`) after the client signed.

export interface Exchange {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  status: number;
  violations: unknown[];
}

export interface RecordingFetch {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  exchanges: Exchange[];
}

export function recordingFetch(extraHeaders: Record<string, string> = {}): RecordingFetch {
  const exchanges: Exchange[] = [];
  return {
    exchanges,
    async fetch(input, init) {
      const request = new Request(input, init);
      for (const [name, value] of Object.entries(extraHeaders)) request.headers.set(name, value);
      const response = await fetch(request);
      const requestHeaders: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        requestHeaders[name] = value;
      });
      const header = response.headers.get('sl-violations');
      exchanges.push({
        method: request.method,
        url: request.url,
        requestHeaders,
        status: response.status,
        violations: header ? (JSON.parse(header) as unknown[]) : [],
      });
      return response;
    },
  };
}
