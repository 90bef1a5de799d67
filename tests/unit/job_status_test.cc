#include <set>
#include <catch2/catch.hpp>

#include "jobs/job_status.h"

using deckd::can_transition;
using deckd::JobStatus;

TEST_CASE("the transition table allows exactly the documented moves", "[jobs]") {
  using S = JobStatus;
  const std::set<std::pair<S, S>> allowed = {
      {S::kQueued, S::kProcessing},    {S::kQueued, S::kCancelled},
      {S::kProcessing, S::kCompleted}, {S::kProcessing, S::kFailed},
      {S::kProcessing, S::kCancelled}, {S::kProcessing, S::kQueued},
      {S::kFailed, S::kQueued},        {S::kCancelled, S::kQueued},
  };
  for (S from : deckd::kAllJobStatuses) {
    for (S to : deckd::kAllJobStatuses) {
      INFO(to_string(from) << " -> " << to_string(to));
      CHECK(can_transition(from, to) == (allowed.count({from, to}) == 1));
    }
  }
}

TEST_CASE("a completed job can never change status", "[jobs]") {
  for (JobStatus to : deckd::kAllJobStatuses) CHECK_FALSE(can_transition(JobStatus::kCompleted, to));
}

TEST_CASE("status names round-trip and junk is rejected", "[jobs]") {
  for (JobStatus s : deckd::kAllJobStatuses) CHECK(deckd::parse_job_status(to_string(s)) == s);
  CHECK_FALSE(deckd::parse_job_status("done"));
  CHECK_FALSE(deckd::parse_job_status(""));
}
