// WorkerPool runs jobs from a JobStore on N threads.
//
// Each worker claims the oldest runnable job with a lease owned by this
// process, runs it through the JobRunner, and records the outcome with a
// write guarded by that lease. A maintenance thread extends the leases of
// running jobs (heartbeat) and returns jobs with expired leases to the queue
// (rescue). A worker that lost its lease has its token tripped and can no
// longer write anything: the store rejects it.
//
// Thread-safe. The pool must be stopped with shutdown() before destruction.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "engine/job_runner.h"
#include "engine/retry_policy.h"
#include "engine/running_jobs.h"
#include "jobs/clock.h"
#include "jobs/job_store.h"

namespace deckd {

struct WorkerPoolOptions {
  int workers = 2;
  std::string owner;  // this process's instance id, the lease owner
  UnixMillis lease_ms = 30'000;
  UnixMillis heartbeat_ms = 5'000;  // must be well below lease_ms
  UnixMillis rescue_interval_ms = 5'000;
  // How long an idle worker waits before looking again without being woken
  // (for jobs whose retry backoff has passed).
  UnixMillis idle_poll_ms = 1'000;
  RetryPolicy retry;
  // Finished jobs older than this are deleted; 0 keeps them forever.
  UnixMillis retention_ms = 0;
  // Removes a deleted job's files (retention).
  std::function<void(const std::string& job_id)> remove_job_files = [](const std::string&) {};
  // Called after every maintenance pass; tests wait on it instead of sleeping.
  std::function<void()> on_maintenance_pass;
};

class WorkerPool {
 public:
  WorkerPool(JobStore& store, JobRunner& runner, const Clock& clock, WorkerPoolOptions options);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Starts the threads. REQUIRES: called once.
  void start();

  // Wakes an idle worker: a job was just queued.
  void notify_job_queued();

  // Trips the token of a job running in this process and waits up to
  // `timeout` for its worker to let go of it. Returns true if the job is not
  // running here (any more). The caller changes the job's state first.
  bool stop_local(const std::string& job_id, std::chrono::milliseconds timeout);

  // Stops claiming, lets running jobs finish for up to `grace`, then cancels
  // the rest and gives their leases back so another start resumes them.
  // Returns when every thread has ended.
  void shutdown(std::chrono::milliseconds grace);

  int busy_workers() const { return running_.size(); }
  int total_workers() const { return options_.workers; }

 private:
  void worker_loop();
  void run_attempt(const Job& job);
  void settle_failure(const Lease& lease, const Job& job, const std::string& error,
                      bool permanent);
  void maintenance_loop();
  void heartbeat_all();
  void rescue_expired();
  void purge_old_jobs();

  JobStore& store_;
  JobRunner& runner_;
  const Clock& clock_;
  const WorkerPoolOptions options_;
  RunningJobs running_;

  std::atomic<bool> claiming_{true};   // false once shutdown begins
  std::atomic<bool> draining_{false};  // true once the grace period is over
  std::mutex wake_mu_;
  std::condition_variable wake_;         // idle workers wait here
  std::condition_variable maintenance_wake_;  // the maintenance thread waits here
  std::uint64_t wake_seq_ = 0;  // guarded by wake_mu_; bumped per notify
  bool stopped_ = false;        // guarded by wake_mu_; ends maintenance
  std::vector<std::thread> workers_;
  std::thread maintenance_;
};

}  // namespace deckd
