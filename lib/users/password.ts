import { hash, verify } from "@node-rs/argon2";

/** argon2id with the library's defaults (OWASP-grade memory cost). */
export const hashPassword = (plain: string) => hash(plain);

export async function verifyPassword(hashed: string, plain: string): Promise<boolean> {
  try {
    return await verify(hashed, plain);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}
