import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

export const severities = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];
export const statuses = ['open', 'acknowledged', 'resolved'] as const;
export type Status = (typeof statuses)[number];

export interface Alert {
  id: number;
  tenant: string;
  title: string;
  severity: Severity;
  status: Status;
  createdAt: string;
  updatedAt: string;
}

export interface User {
  name: string;
  password: string;
  tenants: string[];
}

/** The users every fresh database starts with (documented in the README). */
export const defaultUsers: User[] = [
  { name: 'alice', password: 'alice-pass', tenants: ['acme'] },
  { name: 'bob', password: 'bob-pass', tenants: ['globex'] },
  { name: 'carol', password: 'carol-pass', tenants: ['acme', 'globex'] },
];

const defaultTenants = [
  { id: 'acme', name: 'Acme Corp', retentionDays: 90, timezone: 'UTC' },
  { id: 'globex', name: 'Globex Inc', retentionDays: 30, timezone: 'Europe/Berlin' },
];

function hashPassword(password: string): string {
  return createHash('sha256').update(`isectech:${password}`).digest('hex');
}

interface AlertRow {
  id: number;
  tenant: string;
  title: string;
  severity: Severity;
  status: Status;
  created_at: string;
  updated_at: string;
}

function toAlert(row: AlertRow): Alert {
  return {
    id: row.id,
    tenant: row.tenant,
    title: row.title,
    severity: row.severity,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The service's persistence: users, tenants, alerts and revoked tokens in one SQLite database. */
export class Store {
  private readonly db: Database.Database;

  constructor(path: string, users: User[] = defaultUsers) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS tenants (id TEXT PRIMARY KEY, name TEXT NOT NULL, settings TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY, password_hash TEXT NOT NULL, tenants TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS alerts (
        id INTEGER PRIMARY KEY AUTOINCREMENT, tenant TEXT NOT NULL, title TEXT NOT NULL,
        severity TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS alerts_tenant ON alerts (tenant, id);
      CREATE TABLE IF NOT EXISTS revoked_tokens (jti TEXT PRIMARY KEY, exp INTEGER NOT NULL);
    `);
    const addTenant = this.db.prepare('INSERT OR IGNORE INTO tenants (id, name, settings) VALUES (?, ?, ?)');
    for (const tenant of defaultTenants) {
      addTenant.run(tenant.id, tenant.name, JSON.stringify({ retentionDays: tenant.retentionDays, timezone: tenant.timezone }));
    }
    const addUser = this.db.prepare('INSERT OR REPLACE INTO users (name, password_hash, tenants) VALUES (?, ?, ?)');
    for (const user of users) addUser.run(user.name, hashPassword(user.password), JSON.stringify(user.tenants));
  }

  /** The user's tenants when the password matches, else `undefined`. */
  authenticate(name: string, password: string): string[] | undefined {
    const row = this.db.prepare('SELECT password_hash, tenants FROM users WHERE name = ?').get(name) as
      | { password_hash: string; tenants: string }
      | undefined;
    if (row === undefined || row.password_hash !== hashPassword(password)) return undefined;
    return JSON.parse(row.tenants) as string[];
  }

  tenants(ids: string[]): { id: string; name: string }[] {
    const all = this.db.prepare('SELECT id, name FROM tenants ORDER BY id').all() as { id: string; name: string }[];
    return all.filter((tenant) => ids.includes(tenant.id));
  }

  tenantSettings(id: string): Record<string, unknown> | undefined {
    const row = this.db.prepare('SELECT settings FROM tenants WHERE id = ?').get(id) as { settings: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.settings) as Record<string, unknown>);
  }

  listAlerts(tenant: string, limit: number, status?: Status): Alert[] {
    const rows = (
      status === undefined
        ? this.db.prepare('SELECT * FROM alerts WHERE tenant = ? ORDER BY id DESC LIMIT ?').all(tenant, limit)
        : this.db.prepare('SELECT * FROM alerts WHERE tenant = ? AND status = ? ORDER BY id DESC LIMIT ?').all(tenant, status, limit)
    ) as AlertRow[];
    return rows.map(toAlert);
  }

  getAlert(tenant: string, id: number): Alert | undefined {
    const row = this.db.prepare('SELECT * FROM alerts WHERE tenant = ? AND id = ?').get(tenant, id) as AlertRow | undefined;
    return row === undefined ? undefined : toAlert(row);
  }

  createAlert(tenant: string, input: { title: string; severity: Severity; status: Status }, now: string): Alert {
    const result = this.db
      .prepare('INSERT INTO alerts (tenant, title, severity, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(tenant, input.title, input.severity, input.status, now, now);
    return this.getAlert(tenant, Number(result.lastInsertRowid)) as Alert;
  }

  updateAlert(
    tenant: string,
    id: number,
    patch: { title?: string; severity?: Severity; status?: Status },
    now: string,
  ): Alert | undefined {
    const current = this.getAlert(tenant, id);
    if (current === undefined) return undefined;
    this.db
      .prepare('UPDATE alerts SET title = ?, severity = ?, status = ?, updated_at = ? WHERE tenant = ? AND id = ?')
      .run(patch.title ?? current.title, patch.severity ?? current.severity, patch.status ?? current.status, now, tenant, id);
    return this.getAlert(tenant, id);
  }

  deleteAlert(tenant: string, id: number): boolean {
    return this.db.prepare('DELETE FROM alerts WHERE tenant = ? AND id = ?').run(tenant, id).changes > 0;
  }

  /** The dashboard's aggregate: counts per severity and status, and the open alerts' age. */
  dashboard(tenant: string, nowIso: string): {
    total: number;
    open: number;
    bySeverity: Record<string, number>;
    byStatus: Record<string, number>;
    oldestOpenAgeSeconds: number | null;
  } {
    const rows = this.db
      .prepare(
        `SELECT severity, status, COUNT(*) AS n,
                MAX(CASE WHEN status = 'open' THEN (julianday(?) - julianday(created_at)) * 86400 END) AS oldest
           FROM alerts WHERE tenant = ? GROUP BY severity, status`,
      )
      .all(nowIso, tenant) as { severity: string; status: string; n: number; oldest: number | null }[];
    const bySeverity: Record<string, number> = Object.fromEntries(severities.map((s) => [s, 0]));
    const byStatus: Record<string, number> = Object.fromEntries(statuses.map((s) => [s, 0]));
    let total = 0;
    let oldest: number | null = null;
    for (const row of rows) {
      total += row.n;
      bySeverity[row.severity] = (bySeverity[row.severity] ?? 0) + row.n;
      byStatus[row.status] = (byStatus[row.status] ?? 0) + row.n;
      if (row.oldest !== null) oldest = Math.max(oldest ?? 0, Math.round(row.oldest));
    }
    return { total, open: byStatus.open ?? 0, bySeverity, byStatus, oldestOpenAgeSeconds: oldest };
  }

  openAlertCount(tenant: string): number {
    const row = this.db.prepare("SELECT COUNT(*) AS n FROM alerts WHERE tenant = ? AND status = 'open'").get(tenant) as { n: number };
    return row.n;
  }

  revoke(jti: string, exp: number): void {
    this.db.prepare('INSERT OR IGNORE INTO revoked_tokens (jti, exp) VALUES (?, ?)').run(jti, exp);
  }

  isRevoked(jti: string): boolean {
    return this.db.prepare('SELECT 1 FROM revoked_tokens WHERE jti = ?').get(jti) !== undefined;
  }

  close(): void {
    this.db.close();
  }
}
