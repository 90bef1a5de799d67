// The one Catch2 main of deckd_tests. In-process code under test logs
// through spdlog; keep only errors so test output stays readable.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <spdlog/spdlog.h>

int main(int argc, char* argv[]) {
  spdlog::set_level(spdlog::level::err);
  return Catch::Session().run(argc, argv);
}
