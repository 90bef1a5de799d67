#include "render/asset_ref.h"

#include <algorithm>

#include <glib.h>

namespace deckd {

bool is_data_url(const std::string& ref) { return ref.rfind("data:", 0) == 0; }

std::optional<std::string> decode_data_url(const std::string& ref) {
  const auto comma = ref.find(',');
  if (!is_data_url(ref) || comma == std::string::npos ||
      ref.substr(0, comma).find(";base64") == std::string::npos)
    return std::nullopt;
  gsize size = 0;
  guchar* raw = g_base64_decode(ref.c_str() + comma + 1, &size);
  std::string bytes(reinterpret_cast<char*>(raw), size);
  g_free(raw);
  return bytes;
}

AssetFile resolve_asset_file(const std::string& ref, const std::filesystem::path& asset_dir) {
  if (ref.rfind("http://", 0) == 0 || ref.rfind("https://", 0) == 0)
    return {{}, 0, "is a web address; deckd does not fetch it, put the file in the asset directory"};
  if (asset_dir.empty()) return {{}, 0, "names a file, but no asset directory is configured"};
  const std::filesystem::path rel(ref);
  if (rel.is_absolute() || std::find(rel.begin(), rel.end(), "..") != rel.end())
    return {{}, 0, "must be a path inside the asset directory (no absolute paths, no ..)"};
  AssetFile file{asset_dir / rel, 0, ""};
  std::error_code ec;
  file.bytes = std::filesystem::file_size(file.path, ec);
  if (ec || !std::filesystem::is_regular_file(file.path)) return {{}, 0, "is not a file in the asset directory"};
  return file;
}

}  // namespace deckd
