#include "render/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

extern char** environ;

namespace deckd {
namespace {

int pidfd_open(pid_t pid) { return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0)); }

std::string tail_of(const std::filesystem::path& path, std::size_t max_bytes = 600) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  if (text.size() > max_bytes) text = "..." + text.substr(text.size() - max_bytes);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// Waits up to `ms` for the pidfd to become readable (the child exited).
bool exited_within(int pidfd, int ms) {
  pollfd p{pidfd, POLLIN, 0};
  return ::poll(&p, 1, ms) > 0;
}

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv,
                           const std::filesystem::path& log_path)
    : program_(argv.at(0)) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attr, &none);  // deckd blocks SIGTERM; the child must not
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const int rc = ::posix_spawnp(&pid_, program_.c_str(), &actions, &attr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) {
    pid_ = -1;
    throw ProcessError("cannot start " + program_ + ": " + std::strerror(rc));
  }
  pidfd_ = pidfd_open(pid_);
}

ChildProcess::~ChildProcess() { kill_and_reap(); }

void ChildProcess::kill_and_reap() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    if (pidfd_ < 0 || !exited_within(pidfd_, 500)) ::kill(pid_, SIGKILL);
    int status;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {}
    pid_ = -1;
  }
  if (pidfd_ >= 0) {
    ::close(pidfd_);
    pidfd_ = -1;
  }
}

int ChildProcess::wait(const CancelToken& cancel, std::chrono::milliseconds timeout,
                       const std::function<void()>& on_poll) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    int status = 0;
    const pid_t r = pidfd_ >= 0 && !exited_within(pidfd_, 50) ? 0 : ::waitpid(pid_, &status, pidfd_ >= 0 ? 0 : WNOHANG);
    if (r == pid_) {
      pid_ = -1;
      if (WIFSIGNALED(status))
        throw ProcessError(program_ + " died of signal " + std::to_string(WTERMSIG(status)));
      return WEXITSTATUS(status);
    }
    if (pidfd_ < 0) ::usleep(50'000);
    if (on_poll) on_poll();
    if (cancel.is_cancelled()) {
      kill_and_reap();
      throw Cancelled();
    }
    if (std::chrono::steady_clock::now() > deadline) {
      kill_and_reap();
      throw ProcessError(program_ + " took longer than " +
                         std::to_string(timeout.count() / 1000) + " s and was stopped");
    }
  }
}

std::chrono::milliseconds time_until(std::chrono::steady_clock::time_point deadline) {
  const auto now = std::chrono::steady_clock::now();
  const std::chrono::milliseconds day = std::chrono::hours(24);
  if (deadline - now > day) return day;
  return std::max(std::chrono::milliseconds(1),
                  std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now));
}

void run_program(const std::vector<std::string>& argv, const std::filesystem::path& log_path,
                 const CancelToken& cancel, std::chrono::milliseconds timeout,
                 const std::function<void()>& on_poll) {
  ChildProcess child(argv, log_path);
  const int code = child.wait(cancel, timeout, on_poll);
  if (code != 0)
    throw ProcessError(argv[0] + " failed (exit " + std::to_string(code) + "): " + tail_of(log_path));
  std::error_code ec;
  std::filesystem::remove(log_path, ec);
}

}  // namespace deckd
