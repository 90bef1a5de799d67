// run_server is `deckd serve`: it wires the store, the engine and the HTTP
// API together (the one place that knows every module), serves until SIGTERM
// or SIGINT, then drains and returns the process exit code.
#pragma once

#include "app/config.h"

namespace deckd {

// Returns 0 after a clean shutdown, 1 when the service could not start (the
// reason is logged as one line).
int run_server(const Config& config);

}  // namespace deckd
