import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../platform/http/errors';

// The library's default algorithm is argon2id; these are OWASP's minimum recommended costs.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
const common = new Set([
  'password1234',
  'contraseña123',
  'contrasena123',
  '123456789012',
  'qwertyuiopas',
  'administrador',
  'minka1234567',
  'ecuador12345',
  'iloveyou1234',
  'abcdefghijkl',
]);

/** Rejects passwords a person would be told to change: too short or long, common, one repeated character, or containing the e-mail name. */
export function checkPasswordPolicy(password: string, email?: string): void {
  const lower = password.toLowerCase();
  const local = email?.split('@')[0]?.toLowerCase();
  if (password.length < 12) throw new AppError(400, 'weak_password', { reason: 'length' });
  if (password.length > 256) throw new AppError(400, 'weak_password', { reason: 'length' });
  if (common.has(lower) || /^(.)\1+$/.test(password)) throw new AppError(400, 'weak_password', { reason: 'common' });
  if (local && local.length >= 4 && lower.includes(local))
    throw new AppError(400, 'weak_password', { reason: 'email' });
}

/** argon2id hash in PHC format. */
export const hashPassword = (password: string) => hash(password, options);

// A stand-in hash with the same costs, verified when there is no account (or it cannot sign in), so an unknown
// e-mail takes as long to refuse as a wrong password.
let standIn: Promise<string> | undefined;

/** Constant-work verification: a missing hash still costs one argon2 verification, so timing does not reveal accounts. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  standIn ??= hash(randomBytes(16).toString('hex'), options);
  try {
    const ok = await verify(stored ?? (await standIn), password);
    return Boolean(stored) && ok;
  } catch {
    return false;
  }
}
