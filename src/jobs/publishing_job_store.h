// PublishingJobStore wraps a JobStore and publishes each change that took
// effect to a JobEvents log, after its transaction committed. It sees every
// change this process makes, from the API and the engine alike, without
// either knowing about live views. Heartbeats and checkpoints are not
// published: nothing a person watches changes.
//
// Thread-safe if the wrapped store is.
#pragma once

#include "jobs/job_events.h"
#include "jobs/job_store.h"

namespace deckd {

class PublishingJobStore : public JobStore {
 public:
  PublishingJobStore(JobStore& inner, JobEvents& events) : inner_(inner), events_(events) {}

  CreateResult create(const NewJob& job) override;
  std::optional<Job> get(const std::string& id) override { return inner_.get(id); }
  JobPage list(const ListQuery& query) override { return inner_.list(query); }
  std::map<JobStatus, int> count_by_status() override { return inner_.count_by_status(); }
  std::vector<MinuteCounts> counts_per_minute(UnixMillis since) override { return inner_.counts_per_minute(since); }
  std::optional<Job> claim(const std::string& owner, UnixMillis now, UnixMillis lease_until) override;
  bool heartbeat(const Lease& lease, UnixMillis now, UnixMillis lease_until) override {
    return inner_.heartbeat(lease, now, lease_until);
  }
  bool report_progress(const Lease& lease, double progress, const std::string& stage, UnixMillis now) override;
  bool record_checkpoint(const Lease& lease, const std::string& name, std::int64_t bytes, UnixMillis now) override {
    return inner_.record_checkpoint(lease, name, bytes, now);
  }
  bool complete(const Lease& lease, const Completion& completion, UnixMillis now) override;
  bool fail(const Lease& lease, const std::string& error, UnixMillis now) override;
  bool retry_later(const Lease& lease, const std::string& error, UnixMillis run_after, UnixMillis now) override;
  bool release(const Lease& lease, UnixMillis now) override;
  bool cancel(const std::string& id, UnixMillis now) override;
  bool requeue(const std::string& id, UnixMillis now) override;
  bool remove(const std::string& id) override;
  RescueCounts rescue_expired(UnixMillis now) override;
  RescueCounts rescue_all(UnixMillis now) override;
  std::vector<std::string> purge_finished(UnixMillis cutoff, int limit) override;
  int queued_count() override { return inner_.queued_count(); }
  std::int64_t size_bytes() override { return inner_.size_bytes(); }

 private:
  // Publishes `type` for `id` when `changed`, and returns `changed`.
  bool publish_if(bool changed, const char* type, const std::string& id);

  JobStore& inner_;
  JobEvents& events_;
};

}  // namespace deckd
