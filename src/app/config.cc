#include "app/config.h"

#include <algorithm>
#include <charconv>
#include <thread>

namespace deckd {
namespace {

int parse_int(const std::string& name, const std::string& text, int lo, int hi) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < lo || value > hi)
    throw ConfigError(name + " must be a whole number from " + std::to_string(lo) + " to " +
                      std::to_string(hi) + "; got \"" + text + "\"");
  return value;
}

void set_listen(Config& c, const std::string& value) {
  const auto colon = value.rfind(':');
  if (colon == std::string::npos || colon == 0)
    throw ConfigError("--listen must be HOST:PORT, e.g. 127.0.0.1:8080; got \"" + value + "\"");
  c.host = value.substr(0, colon);
  if (c.host.size() > 2 && c.host.front() == '[' && c.host.back() == ']')
    c.host = c.host.substr(1, c.host.size() - 2);
  c.port = parse_int("--listen port", value.substr(colon + 1), 0, 65535);
}

void set_option(Config& c, const std::string& flag, const std::string& value) {
  if (flag == "--listen") return set_listen(c, value);
  if (flag == "--data-dir") {
    if (value.empty()) throw ConfigError("--data-dir must not be empty");
    c.data_dir = value;
    return;
  }
  if (flag == "--asset-dir") { c.asset_dir = value; return; }
  if (flag == "--workers") { c.workers = parse_int(flag, value, 1, 256); return; }
  if (flag == "--durability") {
    if (value != "full" && value != "normal")
      throw ConfigError("--durability must be full or normal; got \"" + value + "\"");
    c.durability = value == "full" ? Durability::kFull : Durability::kNormal;
    return;
  }
  if (flag == "--log-level") {
    for (const char* l : {"trace", "debug", "info", "warn", "error", "critical", "off"})
      if (value == l) { c.log_level = value; return; }
    throw ConfigError("--log-level must be one of trace, debug, info, warn, error, off; got \"" + value + "\"");
  }
  if (flag == "--log-format") {
    if (value != "text" && value != "json")
      throw ConfigError("--log-format must be text or json; got \"" + value + "\"");
    c.log_format = value;
    return;
  }
  if (flag == "--lease-seconds") { c.lease_seconds = parse_int(flag, value, 2, 3600); return; }
  if (flag == "--max-attempts") { c.max_attempts = parse_int(flag, value, 1, 100); return; }
  if (flag == "--shutdown-grace") { c.shutdown_grace_seconds = parse_int(flag, value, 0, 3600); return; }
  if (flag == "--max-queued") { c.max_queued = parse_int(flag, value, 1, 10'000'000); return; }
  if (flag == "--retention-days") { c.retention_days = parse_int(flag, value, 0, 36500); return; }
  if (flag == "--events-heartbeat") { c.events_heartbeat_seconds = parse_int(flag, value, 1, 300); return; }
  if (flag == "--job-timeout-base") { c.job_timeout_base_seconds = parse_int(flag, value, 1, 86400); return; }
  if (flag == "--job-timeout-per-slide") { c.job_timeout_per_slide_seconds = parse_int(flag, value, 0, 86400); return; }
  throw ConfigError("unknown option " + flag + " (see deckd --help)");
}

struct EnvFlag {
  const char* variable;
  const char* flag;
};
constexpr EnvFlag kEnvFlags[] = {
    {"DECKD_LISTEN", "--listen"},  // first: health_url() reads it alone
    {"DECKD_DATA_DIR", "--data-dir"},
    {"DECKD_ASSET_DIR", "--asset-dir"},
    {"DECKD_WORKERS", "--workers"},       {"DECKD_DURABILITY", "--durability"},
    {"DECKD_LOG_LEVEL", "--log-level"},   {"DECKD_LOG_FORMAT", "--log-format"},
    {"DECKD_LEASE_SECONDS", "--lease-seconds"}, {"DECKD_MAX_ATTEMPTS", "--max-attempts"},
    {"DECKD_SHUTDOWN_GRACE", "--shutdown-grace"}, {"DECKD_MAX_QUEUED", "--max-queued"},
    {"DECKD_JOB_TIMEOUT_BASE", "--job-timeout-base"},
    {"DECKD_JOB_TIMEOUT_PER_SLIDE", "--job-timeout-per-slide"},
    {"DECKD_RETENTION_DAYS", "--retention-days"},
    {"DECKD_EVENTS_HEARTBEAT", "--events-heartbeat"},
};

// An empty variable counts as unset.
void set_from_env(Config& c, const EnvFlag& e, const std::function<const char*(const char*)>& getenv) {
  const char* v = getenv(e.variable);
  if (!v || !*v) return;
  try {
    set_option(c, e.flag, v);
  } catch (const ConfigError& err) {
    throw ConfigError(std::string(e.variable) + ": " + err.what());
  }
}

// The URL `deckd health` checks: the one given, or /api/health on the
// address DECKD_LISTEN names (a wildcard host is reached on loopback), so a
// container's HEALTHCHECK follows a changed port.
std::string health_url(const std::vector<std::string>& args,
                       const std::function<const char*(const char*)>& getenv) {
  const auto is_url = [](const std::string& a) { return a.rfind("http://", 0) == 0; };
  if (args.size() > 2 || (args.size() == 2 && !is_url(args[1])))
    throw ConfigError("health takes at most one URL, such as http://127.0.0.1:8080/api/health; got \"" +
                      (is_url(args[1]) ? args[2] : args[1]) + "\"");
  if (args.size() == 2) return args[1];
  Config c;
  set_from_env(c, kEnvFlags[0], getenv);
  const std::string host = c.host == "0.0.0.0" || c.host.empty() ? "127.0.0.1"
                           : c.host == "::"                      ? "[::1]"
                           : c.host.find(':') != std::string::npos ? "[" + c.host + "]"
                                                                   : c.host;
  return "http://" + host + ":" + std::to_string(c.port) + "/api/health";
}

Config parse_serve(const std::vector<std::string>& args, std::size_t from,
                   const std::function<const char*(const char*)>& getenv) {
  Config c;
  for (const auto& e : kEnvFlags) set_from_env(c, e, getenv);
  for (std::size_t i = from; i < args.size(); ++i) {
    std::string flag = args[i], value;
    const std::string name = flag.substr(0, flag.find('='));
    if (std::none_of(std::begin(kEnvFlags), std::end(kEnvFlags),
                     [&](const EnvFlag& f) { return name == f.flag; }))
      throw ConfigError(name.rfind("--", 0) == 0
                            ? "unknown option " + name + " (see deckd --help)"
                            : "unexpected argument \"" + name + "\" (see deckd --help)");
    if (const auto eq = flag.find('='); eq != std::string::npos) {
      value = flag.substr(eq + 1);
      flag = flag.substr(0, eq);
    } else if (flag.rfind("--", 0) == 0 && i + 1 < args.size()) {
      value = args[++i];
    } else {
      throw ConfigError(flag + " needs a value");
    }
    set_option(c, flag, value);
  }
  if (c.workers == 0) c.workers = std::max(1u, std::thread::hardware_concurrency());
  return c;
}

}  // namespace

Command parse_command_line(const std::vector<std::string>& args,
                           const std::function<const char*(const char*)>& getenv) {
  Command cmd;
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    cmd.kind = Command::kHelp;
    return cmd;
  }
  if (args[0] == "--version" || args[0] == "version") {
    cmd.kind = Command::kVersion;
    return cmd;
  }
  if (args[0] == "health") {
    cmd.kind = Command::kHealth;
    cmd.health_url = health_url(args, getenv);
    return cmd;
  }
  if (args[0] != "serve") throw ConfigError("unknown command \"" + args[0] + "\" (see deckd --help)");
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      cmd.kind = Command::kHelp;
      return cmd;
    }
  }
  cmd.config = parse_serve(args, 1, getenv);
  return cmd;
}

std::string usage_text() {
  return R"(deckd - renders presentations into narrated videos, as a durable job service

Usage:
  deckd serve [options]   run the HTTP API and the workers
  deckd health [URL]      exit 0 iff URL is healthy (default: /api/health on DECKD_LISTEN)
  deckd --version
  deckd --help

Options of serve (each also read from the environment variable shown):
  --listen HOST:PORT        address to serve on           DECKD_LISTEN     (127.0.0.1:8080)
  --data-dir DIR            deckd.db and the job files     DECKD_DATA_DIR   (./deckd-data)
  --asset-dir DIR           images slides may name         DECKD_ASSET_DIR  (DATA_DIR/assets)
  --workers N               render threads                 DECKD_WORKERS    (one per core)
  --durability full|normal  fsync every commit, or not     DECKD_DURABILITY (full)
  --log-level LEVEL         trace|debug|info|warn|error|off DECKD_LOG_LEVEL (info)
  --log-format text|json    log line format                DECKD_LOG_FORMAT (text)
  --lease-seconds N         a worker's lease on a job      DECKD_LEASE_SECONDS (30)
  --max-attempts N          attempts before a job fails    DECKD_MAX_ATTEMPTS (3)
  --shutdown-grace N        seconds running jobs get to finish on SIGTERM
                                                           DECKD_SHUTDOWN_GRACE (20)
  --max-queued N            queued jobs before POST answers 429
                                                           DECKD_MAX_QUEUED (10000)
  --job-timeout-base N      a render fails after N s + --job-timeout-per-slide s per slide
                                                           DECKD_JOB_TIMEOUT_BASE (120)
  --job-timeout-per-slide N seconds each slide adds to a render's time limit
                                                           DECKD_JOB_TIMEOUT_PER_SLIDE (60)
  --retention-days N        delete finished jobs and their files after N days (0: never)
                                                           DECKD_RETENTION_DAYS (0)
  --events-heartbeat N      seconds between keep-alives on /api/events
                                                           DECKD_EVENTS_HEARTBEAT (15)
)";
}

}  // namespace deckd
