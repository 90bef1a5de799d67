// The numbers /metrics exposes, and their Prometheus text rendering.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <string>

#include "jobs/job_status.h"

namespace deckd {

// Counters of HTTP answers by status class; thread-safe.
class HttpCounters {
 public:
  void count(int status) {
    const int cls = status / 100;
    if (cls >= 1 && cls <= 5) by_class_[cls].fetch_add(1, std::memory_order_relaxed);
  }
  std::uint64_t get(int cls) const { return by_class_[cls].load(std::memory_order_relaxed); }

 private:
  std::atomic<std::uint64_t> by_class_[6] = {};
};

struct MetricsSnapshot {
  std::map<JobStatus, int> jobs;
  int workers_busy = 0;
  int workers_total = 0;
  std::int64_t database_bytes = 0;
};

std::string render_prometheus(const MetricsSnapshot& m, const HttpCounters& http);

}  // namespace deckd
