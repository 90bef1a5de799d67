// ApiServer is deckd's HTTP face: the routes of api.md (each also under the
// old client's /api/custom prefix), mapped onto a JobStore and a WorkerPool.
// Every answer is JSON except files and /metrics; every exception is caught
// at one place (the exception handler) and becomes a JSON 5xx that names no
// internals. Thread-safe: cpp-httplib calls handlers from its thread pool.
#pragma once

#include <atomic>
#include <filesystem>
#include <string>

#include <httplib.h>

#include "engine/worker_pool.h"
#include "http/event_stream.h"
#include "http/metrics.h"
#include "http/router.h"
#include "jobs/clock.h"
#include "jobs/job_events.h"
#include "jobs/job_id.h"
#include "jobs/job_store.h"
#include "jobs/presentation.h"

namespace deckd {

struct ApiOptions {
  std::filesystem::path jobs_dir;  // <jobs_dir>/<job id>/ holds a job's files
  std::size_t max_body_bytes = 5 * 1024 * 1024;
  int max_queued_jobs = 10000;  // more queued jobs: 429
  int max_attempts = 3;
  // Each open event stream holds a thread: keep well above events.max_streams.
  int http_threads = 48;
  EventStreamOptions events;
  std::string instance_id = "deckd";  // tells this process's event ids from another's
  // The voices narration can use, sorted; a request naming another is refused.
  std::vector<std::string> voices;
};

class ApiServer {
 public:
  // `events` is where `store`'s changes are published (PublishingJobStore).
  ApiServer(JobStore& store, WorkerPool& pool, JobEvents& events, const Clock& clock, ApiOptions options);

  // Binds host:port (port 0 picks a free one). Returns the bound port, or -1.
  int bind(const std::string& host, int port);
  // Serves until stop(). REQUIRES: bind() succeeded.
  void serve();
  // Refuses new jobs (503) from now on; the server keeps answering reads.
  void begin_shutdown() { shutting_down_ = true; }
  // Ends event streams and makes serve() return after in-flight requests finish.
  void stop() {
    events_.close_all();
    server_.stop();
  }

 private:
  void register_routes();
  void handle_create(const httplib::Request& req, httplib::Response& res, const std::string& body);
  void handle_get(const httplib::Request& req, httplib::Response& res);
  void handle_list(const httplib::Request& req, httplib::Response& res);
  void handle_cancel(const httplib::Request& req, httplib::Response& res);
  void handle_retry(const httplib::Request& req, httplib::Response& res);
  void handle_delete(const httplib::Request& req, httplib::Response& res);
  void handle_file(const httplib::Request& req, httplib::Response& res, const std::string& name,
                   const std::string& content_type, const std::string& download_name);
  void handle_voices(httplib::Response& res);
  // Checks and normalises body["voiceId"], adding to `warnings` when another
  // provider's voice is replaced. Returns false after answering 400.
  bool resolve_voice(nlohmann::json& body, Presentation& p, std::vector<std::string>& warnings,
                     httplib::Response& res);
  void handle_health(httplib::Response& res);
  void handle_metrics(httplib::Response& res);
  // Answers the job as JSON, or 404 when it does not exist.
  void reply_job(httplib::Response& res, const std::string& id, int status = 200);
  // After a guarded change matched nothing: 404 if there is no such job,
  // else 409 saying which states allow `action`.
  void reply_wrong_state(httplib::Response& res, const std::string& id,
                         const std::string& action, const std::string& allowed);

  JobStore& store_;
  WorkerPool& pool_;
  const Clock& clock_;
  const ApiOptions options_;
  JobIdGenerator ids_;
  HttpCounters counters_;
  EventStream events_;
  std::atomic<bool> shutting_down_{false};
  httplib::Server server_;
  Router router_{server_, options_.max_body_bytes};  // after server_ and options_, which it uses
};

}  // namespace deckd
