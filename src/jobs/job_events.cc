#include "jobs/job_events.h"

namespace deckd {

void JobEvents::publish(std::string type, std::string job_id) {
  {
    std::lock_guard lock(mu_);
    ring_.push_back({++last_seq_, std::move(type), std::move(job_id)});
    if (ring_.size() > capacity_) ring_.pop_front();
  }
  changed_.notify_all();
}

JobEvents::Batch JobEvents::wait_after(std::uint64_t after, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mu_);
  changed_.wait_for(lock, timeout, [&] { return closed_ || last_seq_ > after; });
  Batch batch;
  batch.closed = closed_;
  if (last_seq_ <= after) return batch;
  const std::uint64_t oldest = ring_.empty() ? last_seq_ + 1 : ring_.front().seq;
  batch.missed = after + 1 < oldest;
  for (const auto& change : ring_)
    if (change.seq > after) batch.changes.push_back(change);
  return batch;
}

std::uint64_t JobEvents::last_seq() const {
  std::lock_guard lock(mu_);
  return last_seq_;
}

void JobEvents::close() {
  {
    std::lock_guard lock(mu_);
    closed_ = true;
  }
  changed_.notify_all();
}

}  // namespace deckd
