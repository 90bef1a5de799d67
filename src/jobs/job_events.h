// JobEvents is this process's log of job changes, for live views (the status
// page's event stream). Publishers never block on readers: the log is a ring
// of the last `capacity` changes, and a reader that falls further behind is
// told it missed some (and refetches) instead of holding anything up.
//
// A change carries only what changed and which job; readers fetch the job's
// current state when they send it, so a burst of progress on one job costs a
// slow reader one fetch, not one per change.
//
// Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

namespace deckd {

struct JobChange {
  std::uint64_t seq = 0;  // 1, 2, ... in publish order, per process
  std::string type;       // created, claimed, progress, completed, failed, queued, cancelled, deleted, rescued
  std::string job_id;     // empty for "rescued": several jobs, refetch them
};

class JobEvents {
 public:
  explicit JobEvents(std::size_t capacity = 4096) : capacity_(capacity) {}

  void publish(std::string type, std::string job_id);

  struct Batch {
    std::vector<JobChange> changes;  // seq > after, in order
    bool missed = false;             // changes after `after` fell out of the ring
    bool closed = false;             // close() was called: end the stream
  };
  // The changes after seq `after`, waiting up to `timeout` for the first.
  Batch wait_after(std::uint64_t after, std::chrono::milliseconds timeout) const;

  std::uint64_t last_seq() const;

  // Wakes every waiter and makes later waits return at once with closed set.
  void close();

 private:
  const std::size_t capacity_;
  mutable std::mutex mu_;
  mutable std::condition_variable changed_;
  std::deque<JobChange> ring_;  // guarded by mu_; seqs consecutive, newest last
  std::uint64_t last_seq_ = 0;  // guarded by mu_
  bool closed_ = false;         // guarded by mu_
};

}  // namespace deckd
