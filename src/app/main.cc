// deckd's entry point: parses the command line and hands over to the one
// function that runs the chosen command. Exceptions that escape are reported
// here, as one line, with a non-zero exit.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <httplib.h>
#include <spdlog/spdlog.h>

#include "app/config.h"
#include "app/logging.h"
#include "app/server.h"

namespace {

// `deckd health URL`: for container HEALTHCHECKs, where curl is not installed.
int check_health(const std::string& url) {
  const auto scheme_end = url.find("://");
  const auto path_start = url.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
  httplib::Client client(url.substr(0, path_start));
  client.set_connection_timeout(3);
  client.set_read_timeout(5);
  auto res = client.Get(path_start == std::string::npos ? "/" : url.substr(path_start));
  if (!res || res->status != 200) {
    std::fprintf(stderr, "deckd: %s is not healthy\n", url.c_str());
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::vector<std::string> args(argv + 1, argv + argc);
    const deckd::Command cmd = deckd::parse_command_line(args, [](const char* n) { return std::getenv(n); });
    switch (cmd.kind) {
      case deckd::Command::kHelp:
        std::fputs(deckd::usage_text().c_str(), stdout);
        return 0;
      case deckd::Command::kVersion:
        std::printf("deckd %s\n", DECKD_VERSION);
        return 0;
      case deckd::Command::kHealth:
        return check_health(cmd.health_url);
      case deckd::Command::kServe:
        deckd::setup_logging(cmd.config.log_level, cmd.config.log_format);
        return deckd::run_server(cmd.config);
    }
  } catch (const deckd::ConfigError& e) {
    std::fprintf(stderr, "deckd: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "deckd: %s\n", e.what());
    return 1;
  }
  return 0;
}
