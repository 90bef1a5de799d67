#include "store/reader_pool.h"

namespace deckd {
namespace {
constexpr std::size_t kMaxIdle = 16;
}  // namespace

ReaderPool::ReaderPool(std::string path) : path_(std::move(path)) {}

ReaderPool::Borrowed ReaderPool::borrow() {
  {
    std::lock_guard lock(mu_);
    if (!idle_.empty()) {
      auto db = std::move(idle_.back());
      idle_.pop_back();
      return Borrowed(*this, std::move(db));
    }
  }
  auto db = std::make_unique<SQLite::Database>(path_, SQLite::OPEN_READONLY, kBusyTimeoutMs);
  return Borrowed(*this, std::move(db));
}

void ReaderPool::give_back(std::unique_ptr<SQLite::Database> db) {
  if (!db) return;
  std::lock_guard lock(mu_);
  if (idle_.size() < kMaxIdle) idle_.push_back(std::move(db));
}

}  // namespace deckd
