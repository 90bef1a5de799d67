// Small UTF-8 helpers for validation. Input is assumed valid UTF-8 (the JSON
// parser has checked it).
#pragma once

#include <cstddef>
#include <string_view>

namespace deckd {

// The number of Unicode code points in `text`.
std::size_t utf8_length(std::string_view text);

}  // namespace deckd
