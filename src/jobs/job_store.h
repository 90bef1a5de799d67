// JobStore is the durable home of jobs. The engine and the API speak to it in
// intents (claim, heartbeat, complete, ...), one method each, and never in SQL.
//
// Every method that changes a job is one short transaction guarded by the
// from-states that can_transition() allows and, for worker writes, by the
// lease owner. A guarded write that matched nothing returns false and changes
// nothing: that is how a late or zombie worker is kept out.
//
// Thread-safety: implementations are safe to call from any thread.
// Errors: storage failures throw std::exception; "not found" and "wrong
// state" are return values, never exceptions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "jobs/job.h"

namespace deckd {

// What the API knows when it accepts a job.
struct NewJob {
  std::string id;
  std::string project_name;
  int slide_count = 0;
  int max_attempts = 3;
  std::string request_json;
  std::optional<std::string> idempotency_key;
  std::vector<std::string> warnings;  // found while validating
  UnixMillis now = 0;
};

struct CreateResult {
  Job job;
  bool created = false;  // false: an earlier job had the same idempotency key
};

struct ListQuery {
  std::optional<JobStatus> status;
  std::optional<std::string> before_id;  // the cursor: only ids < this
  int limit = 50;
  // Matches a job whose id starts with it or whose project name contains it
  // (ASCII case-insensitive).
  std::optional<std::string> search;
};

struct JobPage {
  std::vector<Job> jobs;                 // newest first
  std::optional<std::string> next_cursor;  // set iff more jobs follow
};

// Identifies a running attempt: the job and the worker that holds its lease.
struct Lease {
  std::string job_id;
  std::string owner;
};

// What a worker reports when a render succeeded.
struct Completion {
  std::vector<CreatedFile> files;
  std::vector<std::string> warnings;
  std::optional<double> duration_seconds;
};

// Jobs created and finished in one minute, for throughput charts.
struct MinuteCounts {
  UnixMillis minute = 0;  // start of the minute
  int created = 0;
  int completed = 0;
  int failed = 0;
};

struct RescueCounts {
  int requeued = 0;
  int failed = 0;
};

class JobStore {
 public:
  virtual ~JobStore() = default;

  // Durably inserts a queued job before returning. With an idempotency key
  // that an existing job already has, inserts nothing and returns that job,
  // request_json included.
  virtual CreateResult create(const NewJob& job) = 0;

  virtual std::optional<Job> get(const std::string& id) = 0;
  virtual JobPage list(const ListQuery& query) = 0;
  virtual std::map<JobStatus, int> count_by_status() = 0;
  // One entry per minute from the one holding `since` to the latest with any
  // activity, oldest first; minutes without activity are left out.
  virtual std::vector<MinuteCounts> counts_per_minute(UnixMillis since) = 0;

  // Atomically takes the oldest queued job whose run_after <= now: status
  // processing, attempts + 1, progress 0, lease to `owner` until lease_until.
  // Returns nullopt when nothing is runnable.
  virtual std::optional<Job> claim(const std::string& owner, UnixMillis now,
                                   UnixMillis lease_until) = 0;

  // Extends the lease and last_heartbeat. False: the lease is lost (job
  // cancelled, deleted, or re-claimed by another worker).
  virtual bool heartbeat(const Lease& lease, UnixMillis now,
                         UnixMillis lease_until) = 0;

  // Records progress (clamped to 0..100 and never below the stored value)
  // and stage. False: the lease is lost.
  virtual bool report_progress(const Lease& lease, double progress,
                               const std::string& stage, UnixMillis now) = 0;

  // Records that a render checkpoint `name` of `bytes` is finished.
  // False: the lease is lost.
  virtual bool record_checkpoint(const Lease& lease, const std::string& name,
                                 std::int64_t bytes, UnixMillis now) = 0;

  // processing -> completed with the outputs. False: the lease is lost.
  virtual bool complete(const Lease& lease, const Completion& completion,
                        UnixMillis now) = 0;

  // processing -> failed with `error`. False: the lease is lost.
  virtual bool fail(const Lease& lease, const std::string& error,
                    UnixMillis now) = 0;

  // processing -> queued, runnable again at run_after, keeping `error` as the
  // reason of the last attempt. False: the lease is lost.
  virtual bool retry_later(const Lease& lease, const std::string& error,
                           UnixMillis run_after, UnixMillis now) = 0;

  // processing -> queued at once, giving the attempt back (shutdown).
  // False: the lease is lost.
  virtual bool release(const Lease& lease, UnixMillis now) = 0;

  // queued|processing -> cancelled. False: no such job, or it is finished.
  virtual bool cancel(const std::string& id, UnixMillis now) = 0;

  // failed|cancelled -> queued with a fresh set of attempts.
  // False: no such job, or it is not failed or cancelled.
  virtual bool requeue(const std::string& id, UnixMillis now) = 0;

  // Deletes the job row. False: no such job.
  virtual bool remove(const std::string& id) = 0;

  // Jobs in processing whose lease_until < now go back to queued, or to
  // failed ("worker lost") when they have used all their attempts.
  virtual RescueCounts rescue_expired(UnixMillis now) = 0;

  // Like rescue_expired, for every processing job whatever its lease.
  // REQUIRES: the caller has exclusive use of the store, so no lease can
  // belong to a live worker (e.g. at start-up under the data-dir lock).
  virtual RescueCounts rescue_all(UnixMillis now) = 0;

  // Deletes up to `limit` finished jobs that finished before `cutoff` and
  // returns their ids, so their files can be removed too (retention).
  virtual std::vector<std::string> purge_finished(UnixMillis cutoff, int limit) = 0;

  // The number of queued jobs, for admission control.
  virtual int queued_count() = 0;

  // Bytes the store occupies on disk, for metrics.
  virtual std::int64_t size_bytes() = 0;
};

}  // namespace deckd
