// AtomicFile writes a file so that readers only ever see it whole or not at
// all: bytes go to a temporary sibling, and commit() fsyncs it, renames it
// over the final name and fsyncs the directory. Destroyed without a
// successful commit(), it removes the temporary. Not thread-safe.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace deckd {

class AtomicFile {
 public:
  // Creates the temporary next to `final_path`.
  // Throws std::system_error naming the path on failure.
  explicit AtomicFile(std::filesystem::path final_path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Appends bytes. Throws std::system_error naming the path on failure.
  void write(const void* data, std::size_t size);

  // Makes the file durable under its final name. Throws std::system_error.
  // REQUIRES: commit() has not been called.
  void commit();

  // Bytes written so far.
  std::size_t size() const { return size_; }

 private:
  std::filesystem::path final_path_;
  std::filesystem::path temp_path_;
  int fd_ = -1;  // open iff not yet committed
  std::size_t size_ = 0;
  bool committed_ = false;
};

// Makes a file another program wrote at `temp_path` durable under
// `final_path`: fsync, rename, fsync the directory. Throws std::system_error.
void publish_file(const std::filesystem::path& temp_path, const std::filesystem::path& final_path);

// Throws std::system_error for errno with a message that names `path`.
[[noreturn]] void throw_errno(const std::string& what, const std::filesystem::path& path);

}  // namespace deckd
