// DataDirLock makes one deckd process the only server of a data directory:
// an exclusive flock on <data dir>/deckd.lock, held for the life of the
// object and released by the kernel even after SIGKILL. Holding it is what
// lets start-up treat every lease in the store as dead.
#pragma once

#include <filesystem>

namespace deckd {

class DataDirLock {
 public:
  // Creates the directory if needed and takes the lock.
  // Throws std::runtime_error with one line for the user when the directory
  // is unusable or another deckd holds the lock.
  explicit DataDirLock(const std::filesystem::path& dir);
  ~DataDirLock();
  DataDirLock(const DataDirLock&) = delete;
  DataDirLock& operator=(const DataDirLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace deckd
