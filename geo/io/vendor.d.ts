/** Types for pako 1 (jszip's own inflater): only the streaming raw inflater is used (zip-read.ts). */
declare module "pako" {
  /** pako 1 is CommonJS: Node's ESM loader gives only the default export. */
  const pako: { Inflate: typeof Inflate };
  export default pako;
  export class Inflate {
    constructor(options?: { raw?: boolean; chunkSize?: number });
    push(data: Uint8Array, mode: boolean): boolean;
    onData(chunk: Uint8Array): void;
    onEnd(status: number): void;
    err: number;
    msg: string;
    ended: boolean;
  }
}
