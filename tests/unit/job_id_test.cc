#include <catch2/catch.hpp>

#include "jobs/job_id.h"

TEST_CASE("job ids are UUIDv7, URL-safe and sort by creation time", "[jobs]") {
  deckd::JobIdGenerator gen;
  std::string prev;
  for (int i = 0; i < 5000; ++i) {
    // Many ids per millisecond, and a clock that steps back once.
    const deckd::UnixMillis now = 1'780'000'000'000 + i / 100 - (i == 2500 ? 50 : 0);
    const std::string id = gen.next(now);
    REQUIRE(deckd::looks_like_job_id(id));
    CHECK(id[14] == '7');  // version nibble
    CHECK(std::string("89ab").find(id[19]) != std::string::npos);  // variant
    CHECK(id > prev);
    prev = id;
  }
}

TEST_CASE("looks_like_job_id rejects anything that is not a job id", "[jobs]") {
  CHECK_FALSE(deckd::looks_like_job_id(""));
  CHECK_FALSE(deckd::looks_like_job_id("../../etc/passwd"));
  CHECK_FALSE(deckd::looks_like_job_id("01A23D47-E711-7172-9686-CFAE338DDF93"));
  CHECK(deckd::looks_like_job_id("01a23d47-e711-7172-9686-cfae338ddf93"));
}
