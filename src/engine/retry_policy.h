// RetryPolicy says how long a job waits before its next attempt after a
// transient failure: exponential backoff, capped.
#pragma once

#include "jobs/job.h"

namespace deckd {

struct RetryPolicy {
  UnixMillis base_delay_ms = 2000;
  UnixMillis max_delay_ms = 5 * 60 * 1000;

  // The delay after failed attempt number `attempt` (1-based): base, 2*base,
  // 4*base, ... up to max_delay_ms.
  UnixMillis delay_after(int attempt) const;
};

}  // namespace deckd
