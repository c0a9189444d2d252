/**
 * SHA-256 of a filed file, hex: printed on the review report so a signed paper copy can be
 * matched to the exact digital filing. Web Crypto, so the same code runs in Node 20 and browsers.
 */

/**
 * Lower-case hex SHA-256 of `bytes` (64 characters). Browsers offer Web Crypto only in a secure
 * context (https or localhost); elsewhere this rejects saying so rather than printing no hash.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new Error(
      "SHA-256 needs Web Crypto (crypto.subtle): serve the app over https or localhost",
    );
  }
  const digest = await subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
