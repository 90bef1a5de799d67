#include "store/migrations.h"

#include <array>
#include <string>

#include <SQLiteCpp/Transaction.h>

namespace deckd {
namespace {

constexpr std::array kMigrations = {
    // 1: jobs. created_files and warnings are JSON arrays; request_json is the
    // validated request body, immutable after insert.
    R"sql(
CREATE TABLE jobs (
  id               TEXT PRIMARY KEY,
  status           TEXT NOT NULL CHECK (status IN
                     ('queued','processing','completed','failed','cancelled')),
  progress         REAL NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  stage            TEXT NOT NULL DEFAULT '',
  error            TEXT,
  project_name     TEXT NOT NULL,
  slide_count      INTEGER NOT NULL,
  attempts         INTEGER NOT NULL DEFAULT 0,
  max_attempts     INTEGER NOT NULL,
  duration_seconds REAL,
  created_files    TEXT NOT NULL DEFAULT '[]',
  warnings         TEXT NOT NULL DEFAULT '[]',
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  started_at       INTEGER,
  completed_at     INTEGER,
  last_heartbeat   INTEGER,
  request_json     TEXT NOT NULL,
  idempotency_key  TEXT UNIQUE,
  lease_owner      TEXT,
  lease_until      INTEGER,
  run_after        INTEGER NOT NULL,
  CHECK ((status = 'processing') = (lease_owner IS NOT NULL AND lease_until IS NOT NULL))
);
-- claim: the oldest queued job
CREATE INDEX jobs_queued ON jobs(id) WHERE status = 'queued';
-- list with a status filter, newest first; counts per status
CREATE INDEX jobs_status_id ON jobs(status, id);
-- rescue: expired leases
CREATE INDEX jobs_lease ON jobs(lease_until) WHERE status = 'processing';
)sql",
    // 2: render checkpoints, a JSON object of file name -> bytes.
    R"sql(
ALTER TABLE jobs ADD COLUMN checkpoints TEXT NOT NULL DEFAULT '{}';
)sql",
    // 3: the status page's per-minute throughput chart.
    R"sql(
CREATE INDEX jobs_created_at ON jobs(created_at);
CREATE INDEX jobs_completed_at ON jobs(completed_at) WHERE completed_at IS NOT NULL;
)sql",
    // 4: SQLite serves the claim from jobs_status_id (status = 'queued', in id
    // order) and never used jobs_queued, which only cost every status write.
    R"sql(
DROP INDEX jobs_queued;
)sql",
};

int user_version(SQLite::Database& db) {
  return db.execAndGet("PRAGMA user_version").getInt();
}

}  // namespace

int latest_schema_version() { return static_cast<int>(kMigrations.size()); }

void migrate(SQLite::Database& db) {
  const int found = user_version(db);
  if (found > latest_schema_version()) {
    throw SchemaTooNewError(
        "database " + db.getFilename() + " has schema version " + std::to_string(found) +
        ", newer than this deckd understands (" + std::to_string(latest_schema_version()) +
        "); run a newer deckd on it. The database was not modified.");
  }
  for (int v = found; v < latest_schema_version(); ++v) {
    SQLite::Transaction tx(db);
    // Re-read inside the write transaction: another process may have migrated.
    if (user_version(db) > v) continue;
    db.exec(kMigrations[v]);
    db.exec("PRAGMA user_version = " + std::to_string(v + 1));
    tx.commit();
  }
}

}  // namespace deckd
