// RunningJobs is the set of attempts this process is running right now, each
// with its lease and cancel token: what the heartbeat extends, what a cancel
// or shutdown trips. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "jobs/job_store.h"
#include "render/cancel_token.h"

namespace deckd {

class RunningJobs {
 public:
  // Registers an attempt; returns its token.
  // REQUIRES: no attempt of this job is registered.
  std::shared_ptr<CancelToken> add(const Lease& lease);
  void remove(const std::string& job_id);

  // Trips the token of that job if it runs here. Returns whether it does.
  bool cancel(const std::string& job_id);
  void cancel_all();

  // Waits until the job is no longer running here, or the timeout passes.
  // Returns true if it is gone.
  bool wait_gone(const std::string& job_id, std::chrono::milliseconds timeout);
  // Waits until nothing runs here, or the timeout passes. True if empty.
  bool wait_empty(std::chrono::milliseconds timeout);

  std::vector<Lease> leases() const;
  int size() const;

 private:
  struct Entry {
    Lease lease;
    std::shared_ptr<CancelToken> token;
  };
  mutable std::mutex mu_;
  std::condition_variable changed_;
  std::map<std::string, Entry> running_;  // guarded by mu_; by job id
};

}  // namespace deckd
