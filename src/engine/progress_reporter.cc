#include "engine/progress_reporter.h"

#include <algorithm>

namespace deckd {

void ProgressReporter::report(double percent, const std::string& stage) {
  percent = std::clamp(percent, last_percent_, 100.0);
  const UnixMillis now = clock_.now();
  if (stage == last_stage_ && now - last_write_ms_ < kMinIntervalMs) return;
  last_percent_ = percent;
  last_stage_ = stage;
  last_write_ms_ = now;
  if (!store_.report_progress(lease_, percent, stage, now)) token_->cancel();
}

void ProgressReporter::checkpoint(const std::string& name, std::int64_t bytes) {
  if (!store_.record_checkpoint(lease_, name, bytes, clock_.now())) token_->cancel();
}

}  // namespace deckd
