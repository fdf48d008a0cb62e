/** A JSON request body read up to a size: beyond it, the read stops and the caller answers 413. */
export type BodyRead = { kind: 'ok'; value: unknown } | { kind: 'too_large' } | { kind: 'invalid' };

export async function readJsonBody(request: Request, maxBytes: number): Promise<BodyRead> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return { kind: 'too_large' };
  if (!request.body) return { kind: 'invalid' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { kind: 'too_large' };
    }
    chunks.push(value);
  }
  try {
    return { kind: 'ok', value: JSON.parse(new TextDecoder().decode(Buffer.concat(chunks))) };
  } catch {
    return { kind: 'invalid' };
  }
}
