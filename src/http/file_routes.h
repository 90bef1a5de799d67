// Serving a job's output files: streamed from disk with Range (206) and HEAD
// support by cpp-httplib, never buffered whole in memory.
#pragma once

#include <filesystem>
#include <string>

#include <httplib.h>

namespace deckd {

// Streams the file at `path`. `download_name`, when not empty, becomes the
// Content-Disposition filename. Returns false (and sends nothing) when the
// file cannot be opened, so the caller can answer 404.
bool serve_file(httplib::Response& res, const std::filesystem::path& path,
                const std::string& content_type, const std::string& download_name);

}  // namespace deckd
