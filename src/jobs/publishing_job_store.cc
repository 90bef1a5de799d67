#include "jobs/publishing_job_store.h"

namespace deckd {

bool PublishingJobStore::publish_if(bool changed, const char* type, const std::string& id) {
  if (changed) events_.publish(type, id);
  return changed;
}

CreateResult PublishingJobStore::create(const NewJob& job) {
  CreateResult result = inner_.create(job);
  publish_if(result.created, "created", result.job.id);
  return result;
}

std::optional<Job> PublishingJobStore::claim(const std::string& owner, UnixMillis now, UnixMillis lease_until) {
  auto job = inner_.claim(owner, now, lease_until);
  if (job) events_.publish("claimed", job->id);
  return job;
}

bool PublishingJobStore::report_progress(const Lease& lease, double progress, const std::string& stage,
                                         UnixMillis now) {
  return publish_if(inner_.report_progress(lease, progress, stage, now), "progress", lease.job_id);
}

bool PublishingJobStore::complete(const Lease& lease, const Completion& completion, UnixMillis now) {
  return publish_if(inner_.complete(lease, completion, now), "completed", lease.job_id);
}

bool PublishingJobStore::fail(const Lease& lease, const std::string& error, UnixMillis now) {
  return publish_if(inner_.fail(lease, error, now), "failed", lease.job_id);
}

bool PublishingJobStore::retry_later(const Lease& lease, const std::string& error, UnixMillis run_after,
                                     UnixMillis now) {
  return publish_if(inner_.retry_later(lease, error, run_after, now), "queued", lease.job_id);
}

bool PublishingJobStore::release(const Lease& lease, UnixMillis now) {
  return publish_if(inner_.release(lease, now), "queued", lease.job_id);
}

bool PublishingJobStore::cancel(const std::string& id, UnixMillis now) {
  return publish_if(inner_.cancel(id, now), "cancelled", id);
}

bool PublishingJobStore::requeue(const std::string& id, UnixMillis now) {
  return publish_if(inner_.requeue(id, now), "queued", id);
}

bool PublishingJobStore::remove(const std::string& id) { return publish_if(inner_.remove(id), "deleted", id); }

RescueCounts PublishingJobStore::rescue_expired(UnixMillis now) {
  const RescueCounts counts = inner_.rescue_expired(now);
  publish_if(counts.requeued + counts.failed > 0, "rescued", "");
  return counts;
}

RescueCounts PublishingJobStore::rescue_all(UnixMillis now) {
  const RescueCounts counts = inner_.rescue_all(now);
  publish_if(counts.requeued + counts.failed > 0, "rescued", "");
  return counts;
}

std::vector<std::string> PublishingJobStore::purge_finished(UnixMillis cutoff, int limit) {
  auto ids = inner_.purge_finished(cutoff, limit);
  for (const auto& id : ids) events_.publish("deleted", id);
  return ids;
}

}  // namespace deckd
