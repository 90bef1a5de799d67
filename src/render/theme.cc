#include "render/theme.h"

namespace deckd {
namespace {

Rgb hex(const char* text) { return *parse_css_hex(text); }

std::vector<Theme> all_themes() {
  return {
      {"dark-purple", hex("#261c4e"), hex("#ffffff"), hex("#d9e1ff"), hex("#8b7bff")},
      {"light", hex("#ffffff"), hex("#1a1a1a"), hex("#333333"), hex("#3b6fe0")},
      {"dark", hex("#121417"), hex("#f5f5f5"), hex("#c9ced6"), hex("#4fc3f7")},
      {"ocean", hex("#0b2e4f"), hex("#ffffff"), hex("#cfe8ff"), hex("#29b6f6")},
      {"forest", hex("#16331f"), hex("#f1f8e9"), hex("#d7ecd0"), hex("#8bc34a")},
      {"sunset", hex("#fff4e6"), hex("#5a1e0b"), hex("#6d3a22"), hex("#f4511e")},
  };
}

}  // namespace

std::optional<Theme> find_theme(const std::string& name) {
  for (auto& t : all_themes()) {
    if (t.name == name) return t;
  }
  return std::nullopt;
}

Theme default_theme() { return all_themes().front(); }

std::vector<std::string> theme_names() {
  std::vector<std::string> names;
  for (const auto& t : all_themes()) names.push_back(t.name);
  return names;
}

}  // namespace deckd
