#include "engine/retry_policy.h"

#include <algorithm>

namespace deckd {

UnixMillis RetryPolicy::delay_after(int attempt) const {
  UnixMillis delay = base_delay_ms;
  for (int i = 1; i < attempt && delay < max_delay_ms; ++i) delay *= 2;
  return std::min(delay, max_delay_ms);
}

}  // namespace deckd
