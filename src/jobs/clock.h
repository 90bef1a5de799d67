// Clock is where the engine and the API get the time, so tests can move it.
// Implementations are thread-safe.
#pragma once

#include <atomic>
#include <chrono>

#include "jobs/job.h"

namespace deckd {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual UnixMillis now() const = 0;
};

class SystemClock final : public Clock {
 public:
  UnixMillis now() const override {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch())
        .count();
  }
};

// A clock that moves only when told to. For tests.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(UnixMillis start) : now_(start) {}
  UnixMillis now() const override { return now_.load(); }
  void advance_ms(UnixMillis ms) { now_ += ms; }

 private:
  std::atomic<UnixMillis> now_;
};

}  // namespace deckd
