#include "http/event_stream.h"

#include <map>
#include <memory>

#include "http/job_json.h"
#include "http/json_reply.h"

namespace deckd {

std::optional<std::uint64_t> EventStream::resume_point(const std::string& last_event_id) const {
  const std::string prefix = epoch_ + "-";
  if (last_event_id.rfind(prefix, 0) != 0) return std::nullopt;
  try {
    std::size_t used = 0;
    const std::uint64_t seq = std::stoull(last_event_id.substr(prefix.size()), &used);
    if (used != last_event_id.size() - prefix.size() || seq > events_.last_seq()) return std::nullopt;
    return seq;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string EventStream::render(const JobEvents::Batch& batch) {
  std::string out;
  if (batch.missed) out += "event: reset\ndata: {}\n\n";
  // Latest change per job, in the order of those latest changes.
  std::map<std::uint64_t, const JobChange*> latest;
  std::map<std::string, std::uint64_t> seq_of_job;
  for (const auto& change : batch.changes) {
    if (change.job_id.empty()) {
      latest[change.seq] = &change;
      continue;
    }
    auto [it, fresh] = seq_of_job.try_emplace(change.job_id, change.seq);
    if (!fresh) {
      latest.erase(it->second);
      it->second = change.seq;
    }
    latest[change.seq] = &change;
  }
  for (const auto& [seq, change] : latest) {
    const std::string id = "id: " + epoch_ + "-" + std::to_string(seq) + "\n";
    if (change->job_id.empty()) {
      out += "event: reset\n" + id + "data: {}\n\n";
      continue;
    }
    nlohmann::json data = {{"type", change->type}, {"jobId", change->job_id}, {"job", nullptr}};
    if (auto job = store_.get(change->job_id)) data["job"] = job_to_json(*job);
    out += "event: job\n" + id + "data: " + data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
           "\n\n";
  }
  return out;
}

void EventStream::handle(const httplib::Request& req, httplib::Response& res) {
  if (++open_streams_ > options_.max_streams) {
    --open_streams_;
    return reply_error(res, 503, "unavailable",
                       "Too many live event streams are open; close some status page tabs and retry.");
  }
  const auto resumed = resume_point(req.get_header_value("Last-Event-ID"));
  auto after = std::make_shared<std::uint64_t>(resumed.value_or(events_.last_seq()));
  auto greeted = std::make_shared<bool>(false);
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Accel-Buffering", "no");  // nginx: do not buffer the stream
  res.set_chunked_content_provider(
      "text/event-stream",
      [this, after, greeted, resumed](std::size_t, httplib::DataSink& sink) {
        std::string out;
        if (!*greeted) {
          *greeted = true;
          out = "retry: 2000\n\n";
          if (!resumed) out += "event: reset\ndata: {}\n\n";
          return sink.write(out.data(), out.size());
        }
        const JobEvents::Batch batch = events_.wait_after(*after, options_.heartbeat);
        if (batch.closed) {
          sink.done();
          return true;
        }
        if (!batch.changes.empty()) *after = batch.changes.back().seq;
        out = render(batch);
        if (out.empty()) out = ": ping\n\n";
        return sink.write(out.data(), out.size());
      },
      [this](bool) { --open_streams_; });
}

}  // namespace deckd
