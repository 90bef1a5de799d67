// An asset reference is how a request names a picture or a video: a base64
// `data:` URL, or a relative path inside the operator's asset directory.
// Nothing else is read: no absolute paths, no `..`, no web addresses.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace deckd {

bool is_data_url(const std::string& ref);

// The bytes of a base64 `data:` URL; nullopt when it is not base64.
std::optional<std::string> decode_data_url(const std::string& ref);

// The file `ref` names inside `asset_dir`, or, in `problem`, why it can't be
// used (phrased to follow the prop's name: "imageUrl is a web address ...").
struct AssetFile {
  std::filesystem::path path;
  std::uintmax_t bytes = 0;
  std::string problem;  // empty on success
};
AssetFile resolve_asset_file(const std::string& ref, const std::filesystem::path& asset_dir);

}  // namespace deckd
