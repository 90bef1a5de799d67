#include "engine/worker_pool.h"

#include <spdlog/spdlog.h>

#include "engine/progress_reporter.h"
#include "jobs/permanent_error.h"

namespace deckd {

WorkerPool::WorkerPool(JobStore& store, JobRunner& runner, const Clock& clock,
                       WorkerPoolOptions options)
    : store_(store), runner_(runner), clock_(clock), options_(std::move(options)) {}

WorkerPool::~WorkerPool() {
  if (!workers_.empty() || maintenance_.joinable()) shutdown(std::chrono::milliseconds(0));
}

void WorkerPool::start() {
  maintenance_ = std::thread([this] { maintenance_loop(); });
  for (int i = 0; i < options_.workers; ++i) workers_.emplace_back([this] { worker_loop(); });
}

void WorkerPool::notify_job_queued() {
  {
    std::lock_guard lock(wake_mu_);
    ++wake_seq_;
  }
  wake_.notify_one();
}

bool WorkerPool::stop_local(const std::string& job_id, std::chrono::milliseconds timeout) {
  if (!running_.cancel(job_id)) return true;
  return running_.wait_gone(job_id, timeout);
}

void WorkerPool::shutdown(std::chrono::milliseconds grace) {
  claiming_ = false;
  wake_.notify_all();
  if (!running_.wait_empty(grace)) {
    spdlog::warn("engine.drain_timeout running={} action=release", running_.size());
  }
  draining_ = true;
  running_.cancel_all();
  for (auto& t : workers_) t.join();
  workers_.clear();
  {
    std::lock_guard lock(wake_mu_);
    stopped_ = true;
  }
  maintenance_wake_.notify_all();
  if (maintenance_.joinable()) maintenance_.join();
}

void WorkerPool::worker_loop() {
  while (claiming_) {
    std::uint64_t seen;
    {
      std::lock_guard lock(wake_mu_);
      seen = wake_seq_;
    }
    std::optional<Job> job;
    try {
      const UnixMillis now = clock_.now();
      job = store_.claim(options_.owner, now, now + options_.lease_ms);
    } catch (const std::exception& e) {
      spdlog::error("engine.claim_failed error=\"{}\"", e.what());
    }
    if (job) {
      run_attempt(*job);
      continue;
    }
    std::unique_lock lock(wake_mu_);
    wake_.wait_for(lock, std::chrono::milliseconds(options_.idle_poll_ms),
                   [&] { return wake_seq_ != seen || !claiming_; });
  }
}

void WorkerPool::run_attempt(const Job& job) {
  const Lease lease{job.id, options_.owner};
  auto token = running_.add(lease);
  spdlog::info("job.claimed job={} attempt={}/{}", job.id, job.attempts, job.max_attempts);
  ProgressReporter reporter(store_, clock_, lease, token);
  try {
    Completion done = runner_.run(
        job, [&](double p, const std::string& stage) { reporter.report(p, stage); },
        [&](const std::string& name, std::int64_t bytes) { reporter.checkpoint(name, bytes); },
        *token);
    token->throw_if_cancelled();
    if (store_.complete(lease, done, clock_.now()))
      spdlog::info("job.completed job={} files={}", job.id, done.files.size());
    else
      spdlog::warn("job.result_discarded job={} reason=lease_lost", job.id);
  } catch (const Cancelled&) {
    if (draining_ && store_.release(lease, clock_.now()))
      spdlog::info("job.released job={} reason=shutdown", job.id);
    else
      spdlog::info("job.stopped job={} reason=cancelled_or_lease_lost", job.id);
  } catch (const PermanentError& e) {
    settle_failure(lease, job, e.what(), true);
  } catch (const std::exception& e) {
    settle_failure(lease, job, e.what(), false);
  }
  running_.remove(job.id);
}

// Records a failed attempt; never throws (a storage error here is logged and
// the lease simply expires, so the rescuer settles the job later).
void WorkerPool::settle_failure(const Lease& lease, const Job& job, const std::string& error,
                                bool permanent) {
  try {
    const UnixMillis now = clock_.now();
    if (!permanent && job.attempts < job.max_attempts) {
      const UnixMillis delay = options_.retry.delay_after(job.attempts);
      if (store_.retry_later(lease, error, now + delay, now))
        spdlog::warn("job.retry job={} attempt={} delay_ms={} error=\"{}\"", job.id,
                     job.attempts, delay, error);
      return;
    }
    const std::string message =
        permanent ? error
                  : error + " (gave up after " + std::to_string(job.attempts) + " attempts)";
    if (store_.fail(lease, message, now))
      spdlog::error("job.failed job={} error=\"{}\"", job.id, message);
  } catch (const std::exception& e) {
    spdlog::error("engine.settle_failed job={} error=\"{}\"", job.id, e.what());
  }
}

void WorkerPool::maintenance_loop() {
  UnixMillis next_rescue = 0;
  std::unique_lock lock(wake_mu_);
  while (!stopped_) {
    lock.unlock();
    heartbeat_all();
    if (clock_.now() >= next_rescue) {
      rescue_expired();
      purge_old_jobs();
      next_rescue = clock_.now() + options_.rescue_interval_ms;
    }
    if (options_.on_maintenance_pass) options_.on_maintenance_pass();
    lock.lock();
    maintenance_wake_.wait_for(lock, std::chrono::milliseconds(options_.heartbeat_ms),
                               [&] { return stopped_; });
  }
}

void WorkerPool::heartbeat_all() {
  for (const Lease& lease : running_.leases()) {
    try {
      const UnixMillis now = clock_.now();
      // A job that finished since leases() was read also fails the guard;
      // only one still registered here has really lost its lease.
      if (!store_.heartbeat(lease, now, now + options_.lease_ms) && running_.cancel(lease.job_id))
        spdlog::warn("job.lease_lost job={}", lease.job_id);
    } catch (const std::exception& e) {
      spdlog::error("engine.heartbeat_failed job={} error=\"{}\"", lease.job_id, e.what());
    }
  }
}

void WorkerPool::rescue_expired() {
  try {
    const RescueCounts n = store_.rescue_expired(clock_.now());
    if (n.requeued + n.failed > 0) {
      spdlog::warn("engine.rescued requeued={} failed={}", n.requeued, n.failed);
      if (n.requeued > 0) notify_job_queued();
    }
  } catch (const std::exception& e) {
    spdlog::error("engine.rescue_failed error=\"{}\"", e.what());
  }
}

void WorkerPool::purge_old_jobs() {
  if (options_.retention_ms <= 0) return;
  try {
    const auto ids = store_.purge_finished(clock_.now() - options_.retention_ms, 100);
    for (const auto& id : ids) options_.remove_job_files(id);
    if (!ids.empty()) spdlog::info("engine.retention deleted={}", ids.size());
  } catch (const std::exception& e) {
    spdlog::error("engine.retention_failed error=\"{}\"", e.what());
  }
}

}  // namespace deckd
