// ReaderPool hands out read-only connections to deckd.db. In WAL mode they
// read the last committed state without waiting for the writer, so a status
// poll never queues behind a render's progress writes. Thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

namespace deckd {

// How long every deckd connection waits for a lock before SQLITE_BUSY, so
// another process briefly holding one (a backup, the sqlite3 shell, a
// checkpoint) delays a write instead of failing it.
inline constexpr int kBusyTimeoutMs = 5000;

class ReaderPool {
 public:
  explicit ReaderPool(std::string path);

  // A borrowed connection; returns itself to the pool when destroyed.
  class Borrowed {
   public:
    Borrowed(ReaderPool& pool, std::unique_ptr<SQLite::Database> db)
        : pool_(pool), db_(std::move(db)) {}
    ~Borrowed() { pool_.give_back(std::move(db_)); }
    Borrowed(const Borrowed&) = delete;
    Borrowed& operator=(const Borrowed&) = delete;
    SQLite::Database& operator*() { return *db_; }
    SQLite::Database* operator->() { return db_.get(); }

   private:
    ReaderPool& pool_;
    std::unique_ptr<SQLite::Database> db_;
  };

  // Returns an idle connection, opening a new one if none is idle.
  // Throws SQLite::Exception if the database cannot be opened.
  Borrowed borrow();

 private:
  void give_back(std::unique_ptr<SQLite::Database> db);

  const std::string path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<SQLite::Database>> idle_;  // guarded by mu_
};

}  // namespace deckd
