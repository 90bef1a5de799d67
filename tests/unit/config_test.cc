#include <catch2/catch.hpp>

#include <map>

#include "app/config.h"

using namespace deckd;

namespace {

Command parse(std::vector<std::string> args, std::map<std::string, std::string> env = {}) {
  return parse_command_line(args, [env](const char* name) -> const char* {
    auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  });
}

}  // namespace

TEST_CASE("serve has the documented defaults", "[config]") {
  const Config c = parse({"serve"}).config;
  CHECK(c.host == "127.0.0.1");
  CHECK(c.port == 8080);
  CHECK(c.data_dir == "./deckd-data");
  CHECK(c.workers >= 1);
  CHECK(c.durability == Durability::kFull);
  CHECK(c.log_format == "text");
  CHECK(c.job_timeout_base_seconds == 120);
  CHECK(c.job_timeout_per_slide_seconds == 60);
}

TEST_CASE("flags win over environment variables", "[config]") {
  const Config c = parse({"serve", "--workers", "3", "--listen=0.0.0.0:9000"},
                         {{"DECKD_WORKERS", "7"}, {"DECKD_DATA_DIR", "/srv/deckd"}, {"DECKD_DURABILITY", "normal"}})
                       .config;
  CHECK(c.workers == 3);
  CHECK(c.host == "0.0.0.0");
  CHECK(c.port == 9000);
  CHECK(c.data_dir == "/srv/deckd");
  CHECK(c.durability == Durability::kNormal);
}

TEST_CASE("a wrong flag is one clear error", "[config]") {
  CHECK_THROWS_WITH(parse({"serve", "--bogus"}), Catch::Contains("unknown option --bogus"));
  CHECK_THROWS_WITH(parse({"serve", "--workers", "0"}), Catch::Contains("--workers must be"));
  CHECK_THROWS_WITH(parse({"serve", "--listen", "8080"}), Catch::Contains("HOST:PORT"));
  CHECK_THROWS_WITH(parse({"serve", "--durability", "maybe"}), Catch::Contains("full or normal"));
  CHECK_THROWS_WITH(parse({"serve", "--workers"}), Catch::Contains("needs a value"));
  CHECK_THROWS_WITH(parse({"serve"}, {{"DECKD_WORKERS", "many"}}), Catch::StartsWith("DECKD_WORKERS"));
  CHECK_THROWS_WITH(parse({"launch"}), Catch::Contains("unknown command"));
  CHECK_THROWS_WITH(parse({"serve", "--job-timeout-base", "0"}), Catch::Contains("--job-timeout-base must be"));
}

TEST_CASE("help, version and health are commands", "[config]") {
  CHECK(parse({}).kind == Command::kHelp);
  CHECK(parse({"--help"}).kind == Command::kHelp);
  CHECK(parse({"serve", "--help"}).kind == Command::kHelp);
  CHECK(parse({"--version"}).kind == Command::kVersion);
  CHECK(parse({"health", "http://127.0.0.1:1/api/health"}).health_url == "http://127.0.0.1:1/api/health");
}

TEST_CASE("health checks the address serve would listen on unless given a URL", "[config]") {
  CHECK(parse({"health"}).health_url == "http://127.0.0.1:8080/api/health");
  CHECK(parse({"health"}, {{"DECKD_LISTEN", "0.0.0.0:9000"}}).health_url == "http://127.0.0.1:9000/api/health");
  CHECK(parse({"health"}, {{"DECKD_LISTEN", "[::]:9001"}}).health_url == "http://[::1]:9001/api/health");
  CHECK(parse({"health"}, {{"DECKD_LISTEN", "10.0.0.5:80"}}).health_url == "http://10.0.0.5:80/api/health");
  CHECK(parse({"health"}, {{"DECKD_LISTEN", ""}}).health_url == "http://127.0.0.1:8080/api/health");
  CHECK_THROWS_WITH(parse({"health"}, {{"DECKD_LISTEN", "nonsense"}}), Catch::StartsWith("DECKD_LISTEN: "));
  CHECK_THROWS_WITH(parse({"health", "--port", "8099"}), Catch::Contains("at most one URL"));
  CHECK_THROWS_WITH(parse({"health", "localhost:8080"}), Catch::Contains("such as http://127.0.0.1:8080/api/health"));
}
