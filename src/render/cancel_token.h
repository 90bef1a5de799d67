// CancelToken is how whoever started a render asks it to stop. The render
// polls it between steps (and child processes are killed when it trips), so
// a cancel takes effect within about a second. Thread-safe.
#pragma once

#include <atomic>
#include <stdexcept>

namespace deckd {

// Thrown by a render that noticed its token tripped.
class Cancelled : public std::runtime_error {
 public:
  Cancelled() : std::runtime_error("render cancelled") {}
};

class CancelToken {
 public:
  void cancel() { cancelled_.store(true); }
  bool is_cancelled() const { return cancelled_.load(); }
  // Throws Cancelled if the token has tripped.
  void throw_if_cancelled() const {
    if (is_cancelled()) throw Cancelled();
  }

 private:
  std::atomic<bool> cancelled_{false};
};

}  // namespace deckd
