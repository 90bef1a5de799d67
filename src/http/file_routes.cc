#include "http/file_routes.h"

#include <fstream>
#include <memory>
#include <vector>

namespace deckd {

bool serve_file(httplib::Response& res, const std::filesystem::path& path,
                const std::string& content_type, const std::string& download_name) {
  auto file = std::make_shared<std::ifstream>(path, std::ios::binary);
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!*file || ec) return false;
  res.set_header("Accept-Ranges", "bytes");
  res.set_header("Cache-Control", "private, max-age=3600");
  if (!download_name.empty())
    res.set_header("Content-Disposition", "attachment; filename=\"" + download_name + "\"");
  res.set_content_provider(
      static_cast<size_t>(size), content_type,
      [file](size_t offset, size_t length, httplib::DataSink& sink) {
        std::vector<char> buf(std::min<size_t>(length, 64 * 1024));
        file->seekg(static_cast<std::streamoff>(offset));
        file->read(buf.data(), static_cast<std::streamsize>(buf.size()));
        const auto got = file->gcount();
        if (got <= 0) return false;
        return sink.write(buf.data(), static_cast<size_t>(got));
      });
  return true;
}

}  // namespace deckd
