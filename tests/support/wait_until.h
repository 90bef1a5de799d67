// wait_until polls a condition until it holds or a deadline passes: how tests
// wait for asynchronous outcomes instead of sleeping a guessed time.
#pragma once

#include <chrono>
#include <thread>

namespace deckd::test {

template <typename Predicate>
bool wait_until(Predicate&& done, std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

}  // namespace deckd::test
