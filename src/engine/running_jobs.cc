#include "engine/running_jobs.h"

namespace deckd {

std::shared_ptr<CancelToken> RunningJobs::add(const Lease& lease) {
  auto token = std::make_shared<CancelToken>();
  std::lock_guard lock(mu_);
  running_[lease.job_id] = Entry{lease, token};
  return token;
}

void RunningJobs::remove(const std::string& job_id) {
  {
    std::lock_guard lock(mu_);
    running_.erase(job_id);
  }
  changed_.notify_all();
}

bool RunningJobs::cancel(const std::string& job_id) {
  std::lock_guard lock(mu_);
  auto it = running_.find(job_id);
  if (it == running_.end()) return false;
  it->second.token->cancel();
  return true;
}

void RunningJobs::cancel_all() {
  std::lock_guard lock(mu_);
  for (auto& [id, entry] : running_) entry.token->cancel();
}

bool RunningJobs::wait_gone(const std::string& job_id, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  return changed_.wait_for(lock, timeout, [&] { return running_.count(job_id) == 0; });
}

bool RunningJobs::wait_empty(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  return changed_.wait_for(lock, timeout, [&] { return running_.empty(); });
}

std::vector<Lease> RunningJobs::leases() const {
  std::lock_guard lock(mu_);
  std::vector<Lease> out;
  for (const auto& [id, entry] : running_) out.push_back(entry.lease);
  return out;
}

int RunningJobs::size() const {
  std::lock_guard lock(mu_);
  return static_cast<int>(running_.size());
}

}  // namespace deckd
