// Types for the parts of sm-crypto the tests use. sm-crypto is a test-only dependency: an
// independent (jsbn-based) SM2/SM3 implementation to cross-check ours against.
declare module 'sm-crypto' {
  type Bytes = string | number[] | Uint8Array;
  interface Sm2SignatureOptions {
    /** DER-encode the signature (otherwise r || s as 128 hex digits). */
    der?: boolean;
    /** Compute e = SM3(Z_A || M) with the distinguishing ID (the GB/T 32918 scheme). */
    hash?: boolean;
    publicKey?: string;
    userId?: string;
  }
  const smCrypto: {
    /** SM3 as lowercase hex; strings are hashed as UTF-8. */
    sm3(input: Bytes): string;
    sm2: {
      /** Keys as hex: private d (64 digits), public 04 || x || y (130 digits). */
      generateKeyPairHex(): { privateKey: string; publicKey: string };
      getPublicKeyFromPrivateKey(privateKey: string): string;
      doSignature(msg: Bytes, privateKey: string, options?: Sm2SignatureOptions): string;
      doVerifySignature(
        msg: Bytes,
        signature: string,
        publicKey: string,
        options?: Omit<Sm2SignatureOptions, 'publicKey'>,
      ): boolean;
    };
  };
  export default smCrypto;
}
