import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

/** What a signed token carries. */
export interface TokenClaims {
  sub: string;
  tenant: string;
  tenants: string[];
  iat: number;
  exp: number;
  jti: string;
}

const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function base64url(text: string | Buffer): string {
  return Buffer.from(text).toString('base64url');
}

function sign(data: string, secret: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}

/** Issues an HMAC-SHA256 JWT for `sub` acting in `tenant`, valid for `ttlSeconds` from `nowSeconds`. */
export function issueToken(
  secret: string,
  claims: { sub: string; tenant: string; tenants: string[] },
  ttlSeconds: number,
  nowSeconds: number,
): { token: string; claims: TokenClaims } {
  const full: TokenClaims = { ...claims, iat: nowSeconds, exp: nowSeconds + ttlSeconds, jti: randomUUID() };
  const body = `${header}.${base64url(JSON.stringify(full))}`;
  return { token: `${body}.${sign(body, secret)}`, claims: full };
}

/** The claims of a well-signed, unexpired token, or `undefined` for anything else. */
export function verifyToken(secret: string, token: string, nowSeconds: number): TokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [head, payload, signature] = parts as [string, string, string];
  const expected = Buffer.from(sign(`${head}.${payload}`, secret));
  const given = Buffer.from(signature);
  if (head !== header || expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
    if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) return undefined;
    if (typeof claims.tenant !== 'string' || typeof claims.jti !== 'string') return undefined;
    return claims;
  } catch {
    return undefined;
  }
}

/** The token from `Authorization: Bearer …`, if any. */
export function bearer(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1];
}
