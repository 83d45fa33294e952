/** RFC 7807 problem details, the error shape kubevuln answers with. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** Which body field was wrong, when one was. */
  field?: string;
}

export function problemResponse(status: number, title: string, detail: string, extra: Partial<Problem> = {}): Response {
  const body: Problem = { type: "about:blank", title, status, detail, ...extra };
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/problem+json" } });
}
