// ChildProcess runs one external program (ffmpeg, espeak-ng) from an argument
// vector — never through a shell — and owns it: the destructor terminates,
// kills after a short wait, and reaps it, so no path leaves a child behind.
// Not thread-safe; one owner.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "render/cancel_token.h"

namespace deckd {

// A program that failed: what() names it and ends with the tail of its stderr.
class ProcessError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ChildProcess {
 public:
  // Starts argv[0] (looked up in PATH) with stdin from /dev/null; stdout and
  // stderr go to `log_path`. Throws ProcessError if it cannot be started.
  ChildProcess(const std::vector<std::string>& argv, const std::filesystem::path& log_path);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Waits for the exit, polling `cancel` every 50 ms and calling `on_poll`
  // (if set) as often. Returns the exit code. Throws Cancelled (after killing
  // the child) when the token trips, and ProcessError when `timeout` passes
  // first or the child dies of a signal.
  int wait(const CancelToken& cancel, std::chrono::milliseconds timeout,
           const std::function<void()>& on_poll = {});

 private:
  void kill_and_reap();

  std::string program_;
  pid_t pid_ = -1;  // > 0 iff the child is running or unreaped
  int pidfd_ = -1;
};

// The timeout of a child that must end by `deadline`: at least 1 ms, so a
// deadline already passed stops the child at once, and at most a day, so a
// far deadline (time_point::max: none) does not overflow.
std::chrono::milliseconds time_until(std::chrono::steady_clock::time_point deadline);

// Runs argv to completion and throws ProcessError unless it exits 0. The
// error includes the last lines the program wrote. `log_path` is removed
// on success.
void run_program(const std::vector<std::string>& argv, const std::filesystem::path& log_path,
                 const CancelToken& cancel, std::chrono::milliseconds timeout,
                 const std::function<void()>& on_poll = {});

}  // namespace deckd
