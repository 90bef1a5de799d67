// Timestamps on the wire: ISO 8601 in UTC with milliseconds,
// e.g. "2026-12-03T18:09:26.123Z".
#pragma once

#include <string>

#include "jobs/job.h"

namespace deckd {

std::string format_iso8601(UnixMillis t);

}  // namespace deckd
