// core runs in Excel, a browser and Node alike: it gets only what all three have.
// These few globals exist everywhere and are declared here because core has no DOM or Node types.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
