// The envelope of Prometheus's `/api/v1/query`, as documented at
// https://prometheus.io/docs/prometheus/latest/querying/api/#instant-queries: an instant
// vector is a list of series, each `{ metric, value: [<unix seconds>, "<value as text>"] }`.

/** A successful instant query whose result is one series without labels (an aggregate). */
export function instantVectorResponse(value: number, evaluatedAtSeconds: number) {
  return {
    status: 'success',
    data: {
      resultType: 'vector',
      result: [{ metric: {}, value: [evaluatedAtSeconds, String(value)] }],
    },
  } as const;
}

/** A successful instant query that matched no series. */
export function emptyVectorResponse() {
  return { status: 'success', data: { resultType: 'vector', result: [] } } as const;
}

/** An error envelope, as Prometheus answers a query it cannot run or a request it refuses. */
export function prometheusErrorResponse(errorType: string, error: string) {
  return { status: 'error', errorType, error } as const;
}
