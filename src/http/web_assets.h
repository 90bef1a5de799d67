// The status page's files (web/), compiled into the executable so the binary
// alone serves the page. Generated at build time by scripts/embed_files.cmake.
#pragma once

#include <string_view>
#include <vector>

namespace deckd {

struct WebAsset {
  std::string_view name;          // file name in web/, e.g. "app.js"
  std::string_view content_type;
  std::string_view body;
};

const std::vector<WebAsset>& web_assets();

}  // namespace deckd
