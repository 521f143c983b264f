import { migrateToLatest } from '../db/migrate';
import { verifyAuditChain } from '../modules/audit/audit.repository';
import { openDatabaseFromEnv } from './cli-db';

// Verifies the audit log's hash chain for every municipality; exits 1 at the first broken entry.
// Runs as the schema owner (it must read all tenants).
const { db } = await openDatabaseFromEnv();
try {
  await migrateToLatest(db.owner as never);
  const { checked, breaks } = await verifyAuditChain(db.owner);
  if (breaks.length === 0) {
    console.log(`Hendelsesloggen er intakt: ${checked} oppføringer kontrollert.`);
  } else {
    for (const b of breaks) console.error(`BRUDD i kommune ${b.tenantId}: oppføring ${b.seq} (${b.reason})`);
    process.exitCode = 1;
  }
} finally {
  await db.close();
}
