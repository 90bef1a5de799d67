#include "http/api_server.h"

#include <algorithm>

#include <SQLiteCpp/Exception.h>
#include <spdlog/spdlog.h>

#include "http/file_routes.h"
#include "http/json_body.h"
#include "http/overview.h"
#include "http/status_page.h"
#include "http/job_json.h"
#include "http/json_reply.h"
#include "jobs/presentation_parser.h"
#include "render/theme.h"

namespace deckd {
namespace {

using nlohmann::json;

// Both the current prefix and the old client's.
const std::string kPrefix = R"(/api(?:/custom)?/presentations)";
const std::string kId = R"(/([^/]+))";
// The file routes also answer at the URLs a job's JSON gives for its files
// (/presentations/<id>/video, ...), so those resolve against deckd as they are.
const std::string kFilePrefix = R"((?:/api(?:/custom)?)?/presentations)";

std::string describe(const std::vector<FieldError>& errors) {
  std::string msg = errors[0].field + " " + errors[0].message;
  if (errors.size() > 1)
    msg += " (and " + std::to_string(errors.size() - 1) + " more problems, listed in \"fields\")";
  return msg;
}

std::optional<int> parse_limit(const std::string& text) {
  if (text.empty() || text.size() > 4) return std::nullopt;
  for (char c : text) if (c < '0' || c > '9') return std::nullopt;
  const int n = std::stoi(text);
  if (n < 1 || n > 200) return std::nullopt;
  return n;
}

}  // namespace

ApiServer::ApiServer(JobStore& store, WorkerPool& pool, JobEvents& events, const Clock& clock, ApiOptions options)
    : store_(store), pool_(pool), clock_(clock), options_(std::move(options)),
      events_(store, events, options_.instance_id, options_.events) {
  const int threads = options_.http_threads;
  server_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server_.set_payload_max_length(options_.max_body_bytes);
  server_.set_exception_handler([](const httplib::Request& req, httplib::Response& res,
                                   std::exception_ptr ep) {
    try {
      std::rethrow_exception(ep);
    } catch (const SQLite::Exception& e) {
      spdlog::error("http.storage_error method={} path={} error=\"{}\"", req.method, req.path, e.what());
      reply_error(res, 503, "unavailable", "Storage is unavailable right now; try again shortly.");
    } catch (const std::exception& e) {
      spdlog::error("http.internal_error method={} path={} error=\"{}\"", req.method, req.path, e.what());
      reply_error(res, 500, "internal", "Internal error; the server log has the details.");
    } catch (...) {
      reply_error(res, 500, "internal", "Internal error; the server log has the details.");
    }
  });
  // Fills in a JSON body for errors cpp-httplib answers by itself.
  server_.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 413)
      return reply_error(res, 413, "payload_too_large", "The request is larger than deckd accepts.");
    reply_error(res, res.status, "invalid_request", "The request could not be read as HTTP/1.1.");
  });
  server_.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    counters_.count(res.status);
    spdlog::debug("http.request method={} path={} status={}", req.method, req.path, res.status);
  });
  register_routes();
}

int ApiServer::bind(const std::string& host, int port) {
  if (port == 0) return server_.bind_to_any_port(host);
  return server_.bind_to_port(host, port) ? port : -1;
}

void ApiServer::serve() { server_.listen_after_bind(); }

void ApiServer::register_routes() {
  using Req = const httplib::Request&;
  using Res = httplib::Response&;
  Router& r = router_;
  r.post(kPrefix, [this](Req q, Res s, const std::string& body) { handle_create(q, s, body); });
  r.get(kPrefix, [this](Req q, Res s) { handle_list(q, s); });
  r.get(kPrefix + kId, [this](Req q, Res s) { handle_get(q, s); });
  r.del(kPrefix + kId, [this](Req q, Res s) { handle_delete(q, s); });
  r.post(kPrefix + kId + "/cancel", [this](Req q, Res s, const std::string&) { handle_cancel(q, s); });
  r.post(kPrefix + kId + "/retry", [this](Req q, Res s, const std::string&) { handle_retry(q, s); });
  r.get(kFilePrefix + kId + "/video", [this](Req q, Res s) {
    handle_file(q, s, kVideoFile, "video/mp4", "presentation_" + q.matches[1].str() + ".mp4");
  });
  r.get(kFilePrefix + kId + "/thumbnail",
        [this](Req q, Res s) { handle_file(q, s, kThumbnailFile, "image/jpeg", ""); });
  r.get(kFilePrefix + kId + "/slide-image",
        [this](Req q, Res s) { handle_file(q, s, kFirstSlideFile, "image/png", ""); });
  r.get(kFilePrefix + kId + R"(/files/([^/]+))",
        [this](Req q, Res s) { handle_file(q, s, q.matches[2].str(), "", ""); });
  r.get(R"(/api(?:/custom)?/health)", [this](Req, Res s) { handle_health(s); });
  r.get(R"(/api(?:/custom)?/voices)", [this](Req, Res s) { handle_voices(s); });
  r.get("/metrics", [this](Req, Res s) { handle_metrics(s); });
  r.get("/api/events", [this](Req q, Res s) { events_.handle(q, s); });
  r.get(R"(/api(?:/custom)?/themes)", [](Req, Res s) {
    reply_ok(s, 200, {{"themes", theme_names()}, {"default", default_theme().name}});
  });
  r.get("/api/stats", [this](Req, Res s) {
    reply_ok(s, 200, overview_json(store_, {pool_.busy_workers(), pool_.total_workers()}, clock_.now()));
  });
  register_status_page(r);
  r.add_fallbacks();
}

void ApiServer::handle_create(const httplib::Request& req, httplib::Response& res, const std::string& raw_body) {
  if (shutting_down_)
    return reply_error(res, 503, "unavailable", "deckd is shutting down; send the job again in a moment.");
  std::optional<json> parsed_body = read_json_body(req, raw_body, res);
  if (!parsed_body) return;
  json& body = *parsed_body;
  ParsedPresentation parsed = parse_presentation(body);
  if (!parsed.presentation) {
    json fields = json::array();
    for (const auto& e : parsed.errors) fields.push_back({{"field", e.field}, {"message", e.message}});
    return reply_error(res, 400, "invalid_request", describe(parsed.errors), {{"fields", fields}});
  }
  Presentation& p = *parsed.presentation;
  std::vector<std::string> warnings;
  if (!resolve_voice(body, p, warnings, res)) return;
  std::optional<std::string> key;
  if (req.has_header("Idempotency-Key")) {
    key = req.get_header_value("Idempotency-Key");
    if (key->empty() || key->size() > 200)
      return reply_error(res, 400, "invalid_request", "Idempotency-Key must be 1 to 200 characters.");
  }
  if (store_.queued_count() >= options_.max_queued_jobs)
    return reply_error(res, 429, "queue_full",
                       "The queue is full; wait for some jobs to finish and send this one again.");
  const UnixMillis now = clock_.now();
  NewJob job{ids_.next(now), p.project_name, static_cast<int>(p.slides.size()),
             options_.max_attempts, body.dump(), key, warnings, now};
  const CreateResult created = store_.create(job);
  if (!created.created && json::parse(created.job.request_json, nullptr, false) != body)
    return reply_error(res, 422, "idempotency_key_reused",
                       "This Idempotency-Key was already used for job " + created.job.id +
                           " with a different request; send a new key for a new presentation.",
                       {{"jobId", created.job.id}});
  if (created.created) {
    pool_.notify_job_queued();
    spdlog::info("job.created job={} slides={}", created.job.id, created.job.slide_count);
  }
  reply_ok(res, created.created ? 201 : 200,
           {{"jobId", created.job.id},
            {"status", std::string(to_string(created.job.status))},
            {"progress", created.job.progress},
            {"message", created.created ? "Presentation job queued"
                                        : "A job with this Idempotency-Key already exists"},
            {"estimatedTime", 5 + 3 * created.job.slide_count}});
}

void ApiServer::reply_job(httplib::Response& res, const std::string& id, int status) {
  std::optional<Job> job = looks_like_job_id(id) ? store_.get(id) : std::nullopt;
  if (!job) return reply_error(res, 404, "not_found", "Job not found");
  reply_ok(res, status, job_to_json(*job));
}

void ApiServer::reply_wrong_state(httplib::Response& res, const std::string& id,
                                  const std::string& action, const std::string& allowed) {
  std::optional<Job> job = looks_like_job_id(id) ? store_.get(id) : std::nullopt;
  if (!job) return reply_error(res, 404, "not_found", "Job not found");
  reply_error(res, 409, "conflict",
              "The job is " + std::string(to_string(job->status)) + "; only " + allowed +
                  " jobs can be " + action + ".",
              {{"status", std::string(to_string(job->status))}});
}

void ApiServer::handle_get(const httplib::Request& req, httplib::Response& res) {
  reply_job(res, req.matches[1]);
}

void ApiServer::handle_list(const httplib::Request& req, httplib::Response& res) {
  ListQuery q;
  if (req.has_param("limit")) {
    auto limit = parse_limit(req.get_param_value("limit"));
    if (!limit) return reply_error(res, 400, "invalid_request", "limit must be a whole number from 1 to 200.");
    q.limit = *limit;
  }
  if (req.has_param("status") && !req.get_param_value("status").empty()) {
    q.status = parse_job_status(req.get_param_value("status"));
    if (!q.status)
      return reply_error(res, 400, "invalid_request",
                         "status must be one of queued, processing, completed, failed, cancelled.");
  }
  if (req.has_param("q") && !req.get_param_value("q").empty()) {
    q.search = req.get_param_value("q");
    if (q.search->size() > 200)
      return reply_error(res, 400, "invalid_request", "q (search) must be at most 200 characters.");
  }
  if (req.has_param("cursor") && !req.get_param_value("cursor").empty()) {
    q.before_id = req.get_param_value("cursor");
    if (!looks_like_job_id(*q.before_id))
      return reply_error(res, 400, "invalid_request", "cursor must be a nextCursor value from an earlier page.");
  }
  JobPage page = store_.list(q);
  json jobs = json::array();
  for (const auto& j : page.jobs) jobs.push_back(job_to_json(j));
  reply_ok(res, 200, {{"jobs", std::move(jobs)},
                      {"nextCursor", page.next_cursor ? json(*page.next_cursor) : json(nullptr)}});
}

void ApiServer::handle_cancel(const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  if (!looks_like_job_id(id) || !store_.cancel(id, clock_.now()))
    return reply_wrong_state(res, id, "cancelled", "queued or processing");
  pool_.stop_local(id, std::chrono::seconds(2));
  std::error_code ec;
  std::filesystem::remove_all(options_.jobs_dir / id / "work", ec);  // intermediates only
  spdlog::info("job.cancelled job={}", id);
  reply_job(res, id);
}

void ApiServer::handle_retry(const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  if (!looks_like_job_id(id) || !store_.requeue(id, clock_.now()))
    return reply_wrong_state(res, id, "retried", "failed or cancelled");
  pool_.notify_job_queued();
  spdlog::info("job.requeued job={}", id);
  reply_job(res, id);
}

void ApiServer::handle_delete(const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.matches[1];
  if (!looks_like_job_id(id) || !store_.get(id))
    return reply_error(res, 404, "not_found", "Job not found");
  store_.cancel(id, clock_.now());
  if (!pool_.stop_local(id, std::chrono::seconds(5)))
    return reply_error(res, 503, "unavailable", "The job's render did not stop in time; try the delete again.");
  if (!store_.remove(id)) return reply_error(res, 404, "not_found", "Job not found");
  std::error_code ec;
  std::filesystem::remove_all(options_.jobs_dir / id, ec);
  if (ec) spdlog::warn("job.files_left job={} error=\"{}\"", id, ec.message());
  spdlog::info("job.deleted job={}", id);
  reply_ok(res, 200, {{"jobId", id}, {"deleted", true}});
}

void ApiServer::handle_file(const httplib::Request& req, httplib::Response& res,
                            const std::string& name, const std::string& content_type,
                            const std::string& download_name) {
  const std::string id = req.matches[1];
  std::optional<Job> job = looks_like_job_id(id) ? store_.get(id) : std::nullopt;
  if (!job) return reply_error(res, 404, "not_found", "Job not found");
  const CreatedFile* file = job->find_file(name);
  if (job->status != JobStatus::kCompleted || !file)
    return reply_error(res, 404, "not_found",
                       job->status == JobStatus::kCompleted
                           ? "This job has no file " + name + "."
                           : "The job is " + std::string(to_string(job->status)) +
                                 "; its files are ready once it is completed.");
  const std::string type = content_type.empty() ? file->content_type : content_type;
  if (!serve_file(res, options_.jobs_dir / id / file->name, type, download_name))
    reply_error(res, 404, "not_found", "The file " + name + " is missing on disk.");
}

bool ApiServer::resolve_voice(json& body, Presentation& p, std::vector<std::string>& warnings,
                              httplib::Response& res) {
  std::string voice = p.voice_id;
  for (auto& c : voice) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto& known = options_.voices;
  if (known.empty() || std::binary_search(known.begin(), known.end(), voice)) {
    p.voice_id = voice;
  } else if (!p.voice_provider.empty() && p.voice_provider != "espeak" && p.voice_provider != "espeak-ng") {
    // The old client names voices of online providers; narrate offline instead.
    warnings.push_back("voice \"" + p.voice_id + "\" of provider \"" + p.voice_provider +
                       "\" is not available offline; narrated with en-us");
    p.voice_id = "en-us";
  } else {
    reply_error(res, 400, "invalid_request",
                "voiceId \"" + p.voice_id + "\" is not an installed voice; pick one from GET /api/voices.",
                {{"fields", {{{"field", "voiceId"}, {"message", "is not an installed voice"}}}},
                 {"voices", known}});
    return false;
  }
  body["voiceId"] = p.voice_id;
  return true;
}

void ApiServer::handle_voices(httplib::Response& res) {
  reply_ok(res, 200, {{"voices", options_.voices}, {"default", "en-us"}});
}

void ApiServer::handle_health(httplib::Response& res) {
  store_.queued_count();  // a storage failure becomes a 503 via the exception handler
  reply_ok(res, 200, {{"status", "healthy"}});
}

void ApiServer::handle_metrics(httplib::Response& res) {
  MetricsSnapshot m{store_.count_by_status(), pool_.busy_workers(), pool_.total_workers(),
                    store_.size_bytes()};
  res.set_content(render_prometheus(m, counters_), "text/plain; version=0.0.4");
}

}  // namespace deckd
