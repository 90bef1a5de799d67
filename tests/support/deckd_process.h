// DeckdProcess runs the real deckd binary as a child on a free loopback port
// with a given data dir, for integration tests. Its destructor kills and
// reaps the child, so no test leaves a server behind.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace deckd::test {

class DeckdProcess {
 public:
  // Starts `deckd serve --listen 127.0.0.1:0 --data-dir DIR <extra...>` and
  // waits until it reports the port it listens on. Throws if it exits first.
  DeckdProcess(const std::filesystem::path& data_dir, std::vector<std::string> extra_args = {});
  ~DeckdProcess();
  DeckdProcess(const DeckdProcess&) = delete;
  DeckdProcess& operator=(const DeckdProcess&) = delete;

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  httplib::Client client() const;

  // Sends SIGKILL and reaps the child.
  void kill_hard();
  // Sends SIGTERM and returns the exit code (or -signal), waiting up to 60 s.
  int terminate();
  // Everything the child wrote to stderr/stdout so far.
  std::string log() const;

 private:
  int wait_exit(int timeout_ms);

  std::filesystem::path log_path_;
  pid_t pid_ = -1;  // -1 once reaped
  int port_ = 0;
};

// Runs deckd with `args` to completion; returns {exit code, output}.
std::pair<int, std::string> run_deckd(const std::vector<std::string>& args,
                                      const std::filesystem::path& log_path);

// Helpers for JSON over HTTP in tests.
struct JsonResponse {
  int status = 0;
  nlohmann::json body;
  httplib::Headers headers;
};
JsonResponse get_json(httplib::Client& c, const std::string& path);
JsonResponse post_json(httplib::Client& c, const std::string& path, const nlohmann::json& body,
                       const httplib::Headers& headers = {});
JsonResponse send(httplib::Client& c, const std::string& method, const std::string& path);

// Sends `request` (raw HTTP, which should say "Connection: close") to
// 127.0.0.1:`port` and returns all the server answered.
std::string send_raw(int port, const std::string& request);

// A small valid request with `slides` slides.
nlohmann::json sample_request(int slides, const std::string& project = "Test deck");

}  // namespace deckd::test
