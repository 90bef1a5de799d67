#include "http/metrics.h"

namespace deckd {

std::string render_prometheus(const MetricsSnapshot& m, const HttpCounters& http) {
  std::string out;
  out += "# HELP deckd_jobs Jobs in the store by status.\n# TYPE deckd_jobs gauge\n";
  for (const auto& [status, n] : m.jobs)
    out += "deckd_jobs{status=\"" + std::string(to_string(status)) + "\"} " +
           std::to_string(n) + "\n";
  out += "# HELP deckd_workers Worker threads by state.\n# TYPE deckd_workers gauge\n";
  out += "deckd_workers{state=\"busy\"} " + std::to_string(m.workers_busy) + "\n";
  out += "deckd_workers{state=\"idle\"} " + std::to_string(m.workers_total - m.workers_busy) + "\n";
  out += "# HELP deckd_database_bytes Size of deckd.db.\n# TYPE deckd_database_bytes gauge\n";
  out += "deckd_database_bytes " + std::to_string(m.database_bytes) + "\n";
  out += "# HELP deckd_http_responses_total HTTP responses by status class.\n"
         "# TYPE deckd_http_responses_total counter\n";
  for (int cls = 1; cls <= 5; ++cls)
    out += "deckd_http_responses_total{code=\"" + std::to_string(cls) + "xx\"} " +
           std::to_string(http.get(cls)) + "\n";
  return out;
}

}  // namespace deckd
