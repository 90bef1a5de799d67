// Config is everything `deckd serve` can be told, from flags and DECKD_*
// environment variables (a flag wins over its variable).
#pragma once

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/sqlite_job_store.h"

namespace deckd {

// A flag or variable that cannot be used; what() is one line for the user.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Config {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string data_dir = "./deckd-data";
  std::string asset_dir;  // empty: <data_dir>/assets
  int workers = 0;  // 0: one per core
  Durability durability = Durability::kFull;
  std::string log_level = "info";
  std::string log_format = "text";  // text | json
  int lease_seconds = 30;
  int max_attempts = 3;
  int shutdown_grace_seconds = 20;
  int max_queued = 10000;
  // A render fails after base + per_slide * slides seconds.
  int job_timeout_base_seconds = 120;
  int job_timeout_per_slide_seconds = 60;
  int retention_days = 0;  // 0: keep finished jobs until deleted
  int events_heartbeat_seconds = 15;  // idle event streams send a comment this often
};

// What the command line asks for.
struct Command {
  enum Kind { kServe, kHealth, kHelp, kVersion } kind = kServe;
  Config config;
  std::string health_url;  // for kHealth
};

// Parses argv[1..] with `getenv` for defaults. Throws ConfigError.
Command parse_command_line(const std::vector<std::string>& args,
                           const std::function<const char*(const char*)>& getenv);

// The text of `deckd --help`.
std::string usage_text();

}  // namespace deckd
