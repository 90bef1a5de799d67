// Theme is the palette a slide uses for every color its props do not set.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "render/color.h"

namespace deckd {

struct Theme {
  std::string name;
  Rgb background;
  Rgb title;
  Rgb text;
  Rgb accent;
};

// The theme called `name`, or nullopt if there is none.
std::optional<Theme> find_theme(const std::string& name);

// The default theme, "dark-purple".
Theme default_theme();

// The names find_theme() knows, for error messages and the status page.
std::vector<std::string> theme_names();

}  // namespace deckd
