// Sets up the process logger (the one piece of global state deckd has):
// spdlog to stderr, as text or one JSON object per line.
#pragma once

#include <string>

namespace deckd {

// REQUIRES: level and format were validated by Config.
void setup_logging(const std::string& level, const std::string& format);

}  // namespace deckd
