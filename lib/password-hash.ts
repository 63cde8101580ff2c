// argon2id hashing (GB/T 22239 8.1.4.8 / ASVS V2.4): OWASP's minimum profile of
// 19 MiB memory, 2 passes, 1 lane — about 30 ms a hash here, so ~100 seed accounts hashed
// in parallel take a few seconds. Each call draws its own random salt.
import { hash, verify } from "@node-rs/argon2";

const ARGON2ID = 2; // Algorithm.Argon2id; the const enum cannot be imported under isolatedModules
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // not an argon2 hash (e.g. a disabled placeholder)
  }
}

/** A hash of nothing, verified against when the username does not exist so both paths take as long. */
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword("dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
}
