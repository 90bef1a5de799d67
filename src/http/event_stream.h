// EventStream serves GET /api/events: Server-Sent Events, one per job change
// this process makes (JobEvents), for the status page.
//
//   event: job     data {"type": "progress", "jobId": ..., "job": {...}|null}
//                  id   <stream epoch>-<seq>, so a reconnecting browser's
//                       Last-Event-ID resumes after the last change it saw
//   event: reset   the browser missed changes (it was away too long, or the
//                  server restarted): refetch what is shown
//   : ping         a comment every `heartbeat`, so proxies keep it open
//
// Each stream holds one HTTP thread while open, so at most `max_streams` are
// served at once (more: 503). A stream only reads the change log, which never
// waits for readers; a client too slow to take its bytes hits the socket
// write timeout and is dropped without touching anyone else.
//
// Thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <string>

#include <httplib.h>

#include "jobs/job_events.h"
#include "jobs/job_store.h"

namespace deckd {

struct EventStreamOptions {
  std::chrono::milliseconds heartbeat{15000};
  int max_streams = 16;
};

class EventStream {
 public:
  // `epoch` tells this process's event ids from an earlier one's.
  EventStream(JobStore& store, JobEvents& events, std::string epoch, EventStreamOptions options)
      : store_(store), events_(events), epoch_(std::move(epoch)), options_(options) {}

  void handle(const httplib::Request& req, httplib::Response& res);

  // Ends every open stream (at shutdown, so the server can stop).
  void close_all() { events_.close(); }

  int open_streams() const { return open_streams_.load(); }

 private:
  // The seq after which a client resumes, or nullopt if it cannot.
  std::optional<std::uint64_t> resume_point(const std::string& last_event_id) const;
  // The SSE text for a batch of changes: one event per job, its latest state.
  std::string render(const JobEvents::Batch& batch);

  JobStore& store_;
  JobEvents& events_;
  const std::string epoch_;
  const EventStreamOptions options_;
  std::atomic<int> open_streams_{0};
};

}  // namespace deckd
