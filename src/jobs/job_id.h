// JobIdGenerator makes UUIDv7 job ids: 48 bits of Unix milliseconds, then
// random bits. Ids from one generator are strictly increasing, so sorting by
// id sorts by creation time. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <random>
#include <string>

#include "jobs/job.h"

namespace deckd {

class JobIdGenerator {
 public:
  JobIdGenerator();

  // Returns a new id for a job created at `now`.
  std::string next(UnixMillis now);

 private:
  std::mutex mu_;
  std::mt19937_64 random_;   // guarded by mu_
  UnixMillis last_ms_ = 0;   // guarded by mu_
  std::uint16_t last_seq_ = 0;  // guarded by mu_; 12 bits, the UUID's rand_a
};

// True iff `id` has the shape of a job id (36 chars, lowercase hex and dashes).
// Lets routes answer 404 without a database read for junk ids.
bool looks_like_job_id(const std::string& id);

}  // namespace deckd
