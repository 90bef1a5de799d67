#include "render/color.h"

namespace deckd {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<Rgb> parse_css_hex(std::string_view text) {
  if (text.empty() || text[0] != '#') return std::nullopt;
  text.remove_prefix(1);
  if (text.size() != 3 && text.size() != 6) return std::nullopt;
  int v[6];
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((v[i] = hex_digit(text[i])) < 0) return std::nullopt;
  }
  if (text.size() == 3) return Rgb{v[0] * 17 / 255.0, v[1] * 17 / 255.0, v[2] * 17 / 255.0};
  return Rgb{(v[0] * 16 + v[1]) / 255.0, (v[2] * 16 + v[3]) / 255.0, (v[4] * 16 + v[5]) / 255.0};
}

}  // namespace deckd
