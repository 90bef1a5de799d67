// SqliteJobStore keeps jobs in one WAL-mode SQLite file.
//
// One writer connection, serialised by write_mu_, does every change; each
// change is a single guarded statement (or one transaction), so it commits
// whole or not at all. Reads go through ReaderPool and never wait for the
// writer. With Durability::kFull a commit survives power loss before
// create() returns; kNormal survives a process crash but may lose the last
// commits on power loss.
//
// Several processes may open one file safely (SQLite locks, guarded updates);
// deckd itself refuses a second server on a data dir (DataDirLock).
// Thread-safe.
#pragma once

#include <functional>
#include <mutex>
#include <string>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "jobs/job_store.h"
#include "store/reader_pool.h"

namespace deckd {

enum class Durability { kFull, kNormal };

class SqliteJobStore final : public JobStore {
 public:
  // Opens or creates the database at `path` and migrates it.
  // Throws SchemaTooNewError for a database from a newer deckd, and
  // SQLite::Exception when the file cannot be opened or written.
  SqliteJobStore(const std::string& path, Durability durability);

  CreateResult create(const NewJob& job) override;
  std::optional<Job> get(const std::string& id) override;
  JobPage list(const ListQuery& query) override;
  std::map<JobStatus, int> count_by_status() override;
  std::vector<MinuteCounts> counts_per_minute(UnixMillis since) override;
  std::optional<Job> claim(const std::string& owner, UnixMillis now,
                           UnixMillis lease_until) override;
  bool heartbeat(const Lease& lease, UnixMillis now, UnixMillis lease_until) override;
  bool report_progress(const Lease& lease, double progress, const std::string& stage,
                       UnixMillis now) override;
  bool record_checkpoint(const Lease& lease, const std::string& name, std::int64_t bytes,
                         UnixMillis now) override;
  bool complete(const Lease& lease, const Completion& completion, UnixMillis now) override;
  bool fail(const Lease& lease, const std::string& error, UnixMillis now) override;
  bool retry_later(const Lease& lease, const std::string& error, UnixMillis run_after,
                   UnixMillis now) override;
  bool release(const Lease& lease, UnixMillis now) override;
  bool cancel(const std::string& id, UnixMillis now) override;
  bool requeue(const std::string& id, UnixMillis now) override;
  bool remove(const std::string& id) override;
  RescueCounts rescue_expired(UnixMillis now) override;
  RescueCounts rescue_all(UnixMillis now) override;
  std::vector<std::string> purge_finished(UnixMillis cutoff, int limit) override;
  int queued_count() override;
  std::int64_t size_bytes() override;

 private:
  RescueCounts rescue(UnixMillis now, bool only_expired);
  // Runs one UPDATE/DELETE under the write lock; true iff it changed one row.
  bool update_one(const std::string& sql, const std::function<void(SQLite::Statement&)>& bind);

  std::mutex write_mu_;
  SQLite::Database writer_;  // guarded by write_mu_
  ReaderPool readers_;
};

}  // namespace deckd
