// Rgb is a color as cairo takes it; parse_css_hex reads the CSS hex forms
// slides.md allows (#rgb, #rrggbb).
#pragma once

#include <optional>
#include <string_view>

namespace deckd {

struct Rgb {
  double r = 0, g = 0, b = 0;  // each 0..1
};

// Returns nullopt unless `text` is "#rgb" or "#rrggbb" (any case).
std::optional<Rgb> parse_css_hex(std::string_view text);

}  // namespace deckd
