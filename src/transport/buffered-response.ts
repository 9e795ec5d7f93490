const decoder = new TextDecoder();

/**
 * A Response whose body the transport has already read whole. The platform Response wraps a body in a stream,
 * which costs tens of microseconds per call on Node (bench/); this one keeps the bytes and hands them out as text,
 * JSON or bytes directly, and makes a stream only if someone asks for `body`.
 */
export class BufferedResponse extends Response {
  readonly #bytes: Uint8Array<ArrayBuffer>;
  #used = false;

  constructor(bytes: Uint8Array<ArrayBuffer>, init: ResponseInit) {
    super(null, init);
    this.#bytes = bytes;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#bytes.byteLength === 0 ? null : (new Response(this.#bytes).body as ReadableStream<Uint8Array<ArrayBuffer>>);
  }

  override get bodyUsed(): boolean {
    return this.#used;
  }

  override async text(): Promise<string> {
    return decoder.decode(this.#take());
  }

  override async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#take().slice().buffer;
  }

  override clone(): BufferedResponse {
    if (this.#used) throw new TypeError('Response.clone: the body was already read');
    return new BufferedResponse(this.#bytes, { status: this.status, statusText: this.statusText, headers: this.headers });
  }

  /** The bytes, once, as a platform Response would give them. */
  #take(): Uint8Array<ArrayBuffer> {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return this.#bytes;
  }
}
