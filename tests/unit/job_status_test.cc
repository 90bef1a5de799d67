#include <catch2/catch.hpp>
#include "jobs/job_status.h"
TEST_CASE("placeholder") { CHECK(deckd::can_transition(deckd::JobStatus::kQueued, deckd::JobStatus::kProcessing)); }
