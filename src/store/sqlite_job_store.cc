#include "store/sqlite_job_store.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>

#include "store/job_row.h"
#include "store/migrations.h"

namespace deckd {
namespace {

// `text` with LIKE's wildcards escaped by a backslash (ESCAPE '\\').
std::string like_literal(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// Worker writes: the job must still be processing under this worker's lease.
constexpr const char* kLeaseGuard =
    " WHERE id = :id AND status = 'processing' AND lease_owner = :owner";

std::string status_text(JobStatus s) {
  return std::string(to_string(s));
}

void bind_lease(SQLite::Statement& st, const Lease& lease) {
  st.bind(":id", lease.job_id);
  st.bind(":owner", lease.owner);
}

}  // namespace

bool SqliteJobStore::update_one(const std::string& sql,
                                const std::function<void(SQLite::Statement&)>& bind) {
  std::lock_guard lock(write_mu_);
  SQLite::Statement st(writer_, sql);
  bind(st);
  return st.exec() == 1;
}

SqliteJobStore::SqliteJobStore(const std::string& path, Durability durability)
    : writer_(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, kBusyTimeoutMs), readers_(path) {
  writer_.execAndGet("PRAGMA journal_mode = WAL");
  writer_.exec(durability == Durability::kFull ? "PRAGMA synchronous = FULL"
                                               : "PRAGMA synchronous = NORMAL");
  writer_.exec("PRAGMA foreign_keys = ON");
  migrate(writer_);
}

CreateResult SqliteJobStore::create(const NewJob& job) {
  std::lock_guard lock(write_mu_);
  SQLite::Statement insert(
      writer_,
      "INSERT INTO jobs (id, status, stage, project_name, slide_count, max_attempts,"
      " warnings, created_at, updated_at, request_json, idempotency_key, run_after)"
      " VALUES (?, 'queued', 'queued', ?, ?, ?, ?, ?, ?, ?, ?, ?)"
      " ON CONFLICT (idempotency_key) DO NOTHING");
  insert.bind(1, job.id);
  insert.bind(2, job.project_name);
  insert.bind(3, job.slide_count);
  insert.bind(4, job.max_attempts);
  insert.bind(5, strings_to_json(job.warnings));
  insert.bind(6, job.now);
  insert.bind(7, job.now);
  insert.bind(8, job.request_json);
  if (job.idempotency_key)
    insert.bind(9, *job.idempotency_key);
  else
    insert.bind(9);
  insert.bind(10, job.now);
  const bool created = insert.exec() == 1;

  // The earlier job's request comes back so the caller can tell a retry from
  // a reused key.
  SQLite::Statement read(writer_, std::string("SELECT ") +
                                      (created ? kJobColumns : kJobColumnsWithRequest) +
                                      " FROM jobs WHERE " + (created ? "id = ?" : "idempotency_key = ?"));
  read.bind(1, created ? job.id : *job.idempotency_key);
  read.executeStep();
  return {read_job(read, /*with_request=*/!created), created};
}

std::optional<Job> SqliteJobStore::get(const std::string& id) {
  auto db = readers_.borrow();
  SQLite::Statement st(*db, std::string("SELECT ") + kJobColumns + " FROM jobs WHERE id = ?");
  st.bind(1, id);
  if (!st.executeStep()) return std::nullopt;
  return read_job(st);
}

JobPage SqliteJobStore::list(const ListQuery& q) {
  std::string sql = std::string("SELECT ") + kJobColumns + " FROM jobs WHERE 1";
  if (q.status) sql += " AND status = :status";
  if (q.before_id) sql += " AND id < :before";
  if (q.search) sql += " AND (id LIKE :prefix ESCAPE '\\' OR project_name LIKE :infix ESCAPE '\\')";
  sql += " ORDER BY id DESC LIMIT :limit";
  auto db = readers_.borrow();
  SQLite::Statement st(*db, sql);
  if (q.status) st.bind(":status", status_text(*q.status));
  if (q.search) {
    const std::string literal = like_literal(*q.search);
    st.bind(":prefix", literal + "%");
    st.bind(":infix", "%" + literal + "%");
  }
  if (q.before_id) st.bind(":before", *q.before_id);
  const int limit = std::max(1, q.limit);
  st.bind(":limit", limit + 1);
  JobPage page;
  while (st.executeStep()) page.jobs.push_back(read_job(st));
  if (static_cast<int>(page.jobs.size()) > limit) {
    page.jobs.pop_back();
    page.next_cursor = page.jobs.back().id;
  }
  return page;
}

std::map<JobStatus, int> SqliteJobStore::count_by_status() {
  std::map<JobStatus, int> counts;
  for (JobStatus s : kAllJobStatuses) counts[s] = 0;
  auto db = readers_.borrow();
  SQLite::Statement st(*db, "SELECT status, count(*) FROM jobs GROUP BY status");
  while (st.executeStep()) {
    if (auto s = parse_job_status(st.getColumn(0).getString())) counts[*s] = st.getColumn(1);
  }
  return counts;
}

std::vector<MinuteCounts> SqliteJobStore::counts_per_minute(UnixMillis since) {
  auto db = readers_.borrow();
  // Each branch uses its own index (jobs_created_at, jobs_completed_at).
  SQLite::Statement st(*db,
                       "SELECT m, sum(created), sum(completed), sum(failed) FROM ("
                       "  SELECT created_at - created_at % 60000 AS m, 1 AS created, 0 AS completed, 0 AS failed"
                       "  FROM jobs WHERE created_at >= :since"
                       "  UNION ALL"
                       "  SELECT completed_at - completed_at % 60000, 0, status = 'completed', status = 'failed'"
                       "  FROM jobs WHERE completed_at >= :since"
                       ") GROUP BY m ORDER BY m");
  st.bind(":since", since - since % 60000);
  std::vector<MinuteCounts> out;
  while (st.executeStep())
    out.push_back({st.getColumn(0).getInt64(), st.getColumn(1), st.getColumn(2), st.getColumn(3)});
  return out;
}

std::optional<Job> SqliteJobStore::claim(const std::string& owner, UnixMillis now,
                                         UnixMillis lease_until) {
  std::lock_guard lock(write_mu_);
  SQLite::Statement st(writer_,
                       std::string("UPDATE jobs SET status = 'processing', lease_owner = :owner,"
                                   " lease_until = :until, attempts = attempts + 1, progress = 0,"
                                   " stage = 'starting', error = NULL, last_heartbeat = :now,"
                                   " started_at = coalesce(started_at, :now), updated_at = :now"
                                   " WHERE id = (SELECT id FROM jobs WHERE status = 'queued'"
                                   "             AND run_after <= :now ORDER BY id LIMIT 1)"
                                   "   AND status = 'queued'"
                                   " RETURNING ") +
                           kJobColumnsWithRequest);
  st.bind(":owner", owner);
  st.bind(":until", lease_until);
  st.bind(":now", now);
  if (!st.executeStep()) return std::nullopt;
  Job job = read_job(st, /*with_request=*/true);
  while (st.executeStep()) {
  }  // finish the statement so the UPDATE commits
  return job;
}

bool SqliteJobStore::heartbeat(const Lease& lease, UnixMillis now, UnixMillis lease_until) {
  return update_one(std::string("UPDATE jobs SET lease_until = :until,"
                                " last_heartbeat = :now, updated_at = :now") +
                        kLeaseGuard,
                    [&](SQLite::Statement& st) {
                      bind_lease(st, lease);
                      st.bind(":until", lease_until);
                      st.bind(":now", now);
                    });
}

bool SqliteJobStore::report_progress(const Lease& lease, double progress, const std::string& stage,
                                     UnixMillis now) {
  progress = std::clamp(progress, 0.0, 100.0);
  return update_one(std::string("UPDATE jobs SET progress = max(progress, :p),"
                                " stage = :stage, updated_at = :now") +
                        kLeaseGuard,
                    [&](SQLite::Statement& st) {
                      bind_lease(st, lease);
                      st.bind(":p", progress);
                      st.bind(":stage", stage);
                      st.bind(":now", now);
                    });
}

bool SqliteJobStore::record_checkpoint(const Lease& lease, const std::string& name,
                                       std::int64_t bytes, UnixMillis now) {
  return update_one(std::string("UPDATE jobs SET checkpoints ="
                                " json_set(checkpoints, :path, :bytes), updated_at = :now") +
                        kLeaseGuard,
                    [&](SQLite::Statement& st) {
                      bind_lease(st, lease);
                      st.bind(":path", "$.\"" + name + "\"");
                      st.bind(":bytes", bytes);
                      st.bind(":now", now);
                    });
}

bool SqliteJobStore::complete(const Lease& lease, const Completion& c, UnixMillis now) {
  return update_one(
      std::string(
          "UPDATE jobs SET status = 'completed', progress = 100, stage = 'completed',"
          " error = NULL, created_files = :files, duration_seconds = :duration, checkpoints = '{}',"
          " warnings = (SELECT json_group_array(value) FROM"
          "   (SELECT value FROM json_each(warnings)"
          "    UNION ALL SELECT value FROM json_each(:warnings))),"
          " completed_at = :now, updated_at = :now,"
          " lease_owner = NULL, lease_until = NULL") +
          kLeaseGuard,
      [&](SQLite::Statement& st) {
        bind_lease(st, lease);
        st.bind(":files", files_to_json(c.files));
        if (c.duration_seconds)
          st.bind(":duration", *c.duration_seconds);
        else
          st.bind(":duration");
        st.bind(":warnings", strings_to_json(c.warnings));
        st.bind(":now", now);
      });
}

bool SqliteJobStore::fail(const Lease& lease, const std::string& error, UnixMillis now) {
  return update_one(
      std::string("UPDATE jobs SET status = 'failed', stage = 'failed', error = :error,"
                  " completed_at = :now, updated_at = :now,"
                  " lease_owner = NULL, lease_until = NULL") +
          kLeaseGuard,
      [&](SQLite::Statement& st) {
        bind_lease(st, lease);
        st.bind(":error", error);
        st.bind(":now", now);
      });
}

bool SqliteJobStore::retry_later(const Lease& lease, const std::string& error, UnixMillis run_after,
                                 UnixMillis now) {
  return update_one(std::string("UPDATE jobs SET status = 'queued', stage = 'waiting to retry',"
                                " error = :error, run_after = :run_after, updated_at = :now,"
                                " lease_owner = NULL, lease_until = NULL") +
                        kLeaseGuard,
                    [&](SQLite::Statement& st) {
                      bind_lease(st, lease);
                      st.bind(":error", error);
                      st.bind(":run_after", run_after);
                      st.bind(":now", now);
                    });
}

bool SqliteJobStore::release(const Lease& lease, UnixMillis now) {
  return update_one(
      std::string("UPDATE jobs SET status = 'queued', stage = 'queued',"
                  " attempts = max(attempts - 1, 0), run_after = :now, updated_at = :now,"
                  " lease_owner = NULL, lease_until = NULL") +
          kLeaseGuard,
      [&](SQLite::Statement& st) {
        bind_lease(st, lease);
        st.bind(":now", now);
      });
}

bool SqliteJobStore::cancel(const std::string& id, UnixMillis now) {
  return update_one(
      "UPDATE jobs SET status = 'cancelled', stage = 'cancelled', completed_at = :now,"
      " updated_at = :now, lease_owner = NULL, lease_until = NULL"
      " WHERE id = :id AND status IN ('queued', 'processing')",
      [&](SQLite::Statement& st) {
        st.bind(":id", id);
        st.bind(":now", now);
      });
}

bool SqliteJobStore::requeue(const std::string& id, UnixMillis now) {
  return update_one(
      "UPDATE jobs SET status = 'queued', stage = 'queued', attempts = 0, progress = 0,"
      " error = NULL, completed_at = NULL, run_after = :now, updated_at = :now"
      " WHERE id = :id AND status IN ('failed', 'cancelled')",
      [&](SQLite::Statement& st) {
        st.bind(":id", id);
        st.bind(":now", now);
      });
}

bool SqliteJobStore::remove(const std::string& id) {
  return update_one("DELETE FROM jobs WHERE id = ?",
                    [&](SQLite::Statement& st) { st.bind(1, id); });
}

RescueCounts SqliteJobStore::rescue(UnixMillis now, bool only_expired) {
  std::lock_guard lock(write_mu_);
  SQLite::Statement st(
      writer_,
      std::string("UPDATE jobs SET"
                  " status = CASE WHEN attempts < max_attempts THEN 'queued' ELSE 'failed' END,"
                  " stage = CASE WHEN attempts < max_attempts THEN 'queued' ELSE 'failed' END,"
                  " error = CASE WHEN attempts < max_attempts THEN error ELSE"
                  "   'worker lost: the job was interrupted on each of its ' || attempts ||"
                  "   ' attempts; retry it to try again' END,"
                  " completed_at = CASE WHEN attempts < max_attempts THEN NULL ELSE :now END,"
                  " run_after = :now, updated_at = :now, lease_owner = NULL, lease_until = NULL"
                  " WHERE status = 'processing'") +
          (only_expired ? " AND lease_until < :now" : "") + " RETURNING status");
  st.bind(":now", now);
  RescueCounts counts;
  while (st.executeStep()) {
    (st.getColumn(0).getString() == "queued" ? counts.requeued : counts.failed)++;
  }
  return counts;
}

RescueCounts SqliteJobStore::rescue_expired(UnixMillis now) {
  return rescue(now, true);
}
RescueCounts SqliteJobStore::rescue_all(UnixMillis now) {
  return rescue(now, false);
}

std::vector<std::string> SqliteJobStore::purge_finished(UnixMillis cutoff, int limit) {
  std::lock_guard lock(write_mu_);
  SQLite::Statement st(writer_,
                       "DELETE FROM jobs WHERE id IN (SELECT id FROM jobs"
                       "  WHERE status IN ('completed', 'failed', 'cancelled') AND completed_at < "
                       ":cutoff LIMIT :limit)"
                       " RETURNING id");
  st.bind(":cutoff", cutoff);
  st.bind(":limit", limit);
  std::vector<std::string> ids;
  while (st.executeStep()) ids.push_back(st.getColumn(0).getString());
  return ids;
}

int SqliteJobStore::queued_count() {
  auto db = readers_.borrow();
  return db->execAndGet("SELECT count(*) FROM jobs WHERE status = 'queued'").getInt();
}

std::int64_t SqliteJobStore::size_bytes() {
  auto db = readers_.borrow();
  const std::int64_t pages = db->execAndGet("PRAGMA page_count").getInt64();
  const std::int64_t page_size = db->execAndGet("PRAGMA page_size").getInt64();
  return pages * page_size;
}

}  // namespace deckd
