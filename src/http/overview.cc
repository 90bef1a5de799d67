#include "http/overview.h"

#include "http/iso_time.h"

namespace deckd {

nlohmann::json overview_json(JobStore& store, WorkerLoad workers, UnixMillis now) {
  constexpr UnixMillis kMinute = 60000;
  const UnixMillis this_minute = now - now % kMinute;
  const UnixMillis first = this_minute - 59 * kMinute;
  std::vector<MinuteCounts> minutes(60);
  for (int i = 0; i < 60; ++i) minutes[i].minute = first + i * kMinute;
  for (const MinuteCounts& m : store.counts_per_minute(first)) {
    const auto i = (m.minute - first) / kMinute;
    if (i >= 0 && i < 60) minutes[i] = m;
  }
  nlohmann::json last_hour = nlohmann::json::array();
  int finished_last_10 = 0;
  for (int i = 0; i < 60; ++i) {
    const MinuteCounts& m = minutes[i];
    last_hour.push_back({{"minute", format_iso8601(m.minute)},
                         {"created", m.created},
                         {"completed", m.completed},
                         {"failed", m.failed}});
    if (i >= 50) finished_last_10 += m.completed + m.failed;
  }
  nlohmann::json counts = nlohmann::json::object();
  for (const auto& [status, n] : store.count_by_status()) counts[std::string(to_string(status))] = n;
  return {{"counts", counts},
          {"queueDepth", counts.value("queued", 0)},
          {"workers", {{"busy", workers.busy}, {"idle", workers.total - workers.busy}, {"total", workers.total}}},
          {"databaseBytes", store.size_bytes()},
          {"jobsPerMinute", finished_last_10 / 10.0},
          {"lastHour", last_hour}};
}

}  // namespace deckd
