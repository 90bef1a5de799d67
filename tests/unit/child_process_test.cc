#include <catch2/catch.hpp>

#include <chrono>

#include "render/child_process.h"
#include "support/temp_dir.h"

using namespace deckd;
using std::chrono::milliseconds;
using std::chrono::steady_clock;

TEST_CASE("a child's timeout is the time left before the deadline, within bounds", "[process]") {
  CHECK(time_until(steady_clock::now() - std::chrono::seconds(5)) == milliseconds(1));
  CHECK(time_until(steady_clock::time_point::max()) == std::chrono::hours(24));
  const milliseconds left = time_until(steady_clock::now() + std::chrono::seconds(10));
  CHECK(left > std::chrono::seconds(9));
  CHECK(left <= std::chrono::seconds(10));
}

TEST_CASE("run_program reports failures and timeouts as ProcessError", "[process]") {
  test::TempDir dir;
  CancelToken cancel;
  const auto log = dir / "child.log";
  run_program({"true"}, log, cancel, milliseconds(5000));
  CHECK_FALSE(std::filesystem::exists(log));  // removed on success
  CHECK_THROWS_WITH(run_program({"ls", "/no-such-dir-deckd"}, log, cancel, milliseconds(5000)),
                    Catch::Contains("no-such-dir-deckd"));
  // A deadline already passed stops the child at once.
  const auto started = steady_clock::now();
  CHECK_THROWS_AS(run_program({"sleep", "30"}, log, cancel, time_until(started)), ProcessError);
  CHECK(steady_clock::now() - started < std::chrono::seconds(20));
}
