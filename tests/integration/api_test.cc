// The HTTP contract of api.md, against the real deckd binary.
#include <catch2/catch.hpp>

#include <set>

#include "support/deckd_process.h"
#include "support/temp_dir.h"
#include "support/wait_until.h"

using namespace deckd::test;
using nlohmann::json;

namespace {

struct Server {
  Server() : deckd(dir / "data", {"--workers", "2"}), http(deckd.client()) {}
  std::string create(const json& body = sample_request(2)) {
    auto r = post_json(http, "/api/presentations", body);
    REQUIRE(r.status == 201);
    return r.body["jobId"];
  }
  json job(const std::string& id) { return get_json(http, "/api/presentations/" + id).body; }
  bool reaches(const std::string& id, const std::string& status) {
    return wait_until([&] { return job(id)["status"] == status; }, std::chrono::seconds(60));
  }
  TempDir dir;
  DeckdProcess deckd;
  httplib::Client http;
};

void check_error(const JsonResponse& r, int status, const std::string& code) {
  INFO(r.body.dump());
  CHECK(r.status == status);
  CHECK(r.body["success"] == false);
  CHECK(r.body["code"] == code);
  CHECK(r.body["error"].is_string());
  CHECK_FALSE(r.body["error"].get<std::string>().empty());
}

}  // namespace

TEST_CASE("create answers 201 with the compat fields, and the job completes", "[integration]") {
  Server s;
  auto r = post_json(s.http, "/api/presentations", sample_request(3));
  REQUIRE(r.status == 201);
  CHECK(r.headers.find("Content-Type")->second == "application/json; charset=utf-8");
  CHECK(r.body["success"] == true);
  CHECK(r.body["status"] == "queued");
  CHECK(r.body["progress"] == 0);
  CHECK(r.body["message"].is_string());
  CHECK(r.body["estimatedTime"].is_number());
  const std::string id = r.body["jobId"];
  REQUIRE(s.reaches(id, "completed"));

  const json j = s.job(id);
  for (const char* field : {"jobId", "status", "progress", "stage", "error", "videoUrl", "thumbnailUrl",
                            "slideImageUrl", "createdAt", "completedAt", "lastHeartbeat", "startedAt",
                            "updatedAt", "attempts", "maxAttempts", "projectName", "slideCount",
                            "durationSeconds", "createdFiles"}) {
    INFO(field);
    CHECK(j.contains(field));
  }
  CHECK(j["success"] == true);
  CHECK(j["progress"] == 100);
  CHECK(j["slideCount"] == 3);
  CHECK(j["projectName"] == "Test deck");
  CHECK(j["error"].is_null());
  CHECK(j["slideImageUrl"] == "/presentations/" + id + "/slide-image");
  std::set<std::string> names;
  for (const auto& f : j["createdFiles"]) names.insert(f["name"].get<std::string>());
  CHECK(names == std::set<std::string>{"slide-001.png", "slide-002.png", "slide-003.png", "video.mp4",
                                       "thumbnail.jpg", "presentation.pdf", "captions.vtt"});
  CHECK(j["videoUrl"] == "/presentations/" + id + "/video");
  CHECK(j["thumbnailUrl"] == "/presentations/" + id + "/thumbnail");
  CHECK(j["durationSeconds"].get<double>() > 0);
  CHECK(j["createdAt"].get<std::string>().back() == 'Z');
  CHECK(j["createdAt"].get<std::string>().size() == 24);
}

TEST_CASE("the old client's /api/custom routes answer the same", "[integration]") {
  Server s;
  auto created = post_json(s.http, "/api/custom/presentations", sample_request(1));
  REQUIRE(created.status == 201);
  const std::string id = created.body["jobId"];
  CHECK(get_json(s.http, "/api/custom/presentations/" + id).body["jobId"] == id);
  CHECK(get_json(s.http, "/api/custom/health").body["status"] == "healthy");
  CHECK(get_json(s.http, "/api/health").body["status"] == "healthy");
  auto list = get_json(s.http, "/api/custom/presentations?limit=50");
  CHECK(list.body["jobs"].size() == 1);
  CHECK(list.body.contains("nextCursor"));
}

TEST_CASE("bad input gets a 4xx JSON error that says what to fix", "[integration]") {
  Server s;
  SECTION("not JSON content type") {
    auto r = s.http.Post("/api/presentations", sample_request(1).dump(), "text/plain");
    check_error({r->status, json::parse(r->body), {}}, 415, "unsupported_media_type");
  }
  SECTION("malformed JSON") {
    auto r = s.http.Post("/api/presentations", "{\"slidesData\": [", "application/json");
    check_error({r->status, json::parse(r->body), {}}, 400, "invalid_request");
  }
  SECTION("invalid UTF-8") {
    auto r = s.http.Post("/api/presentations", "{\"projectName\": \"\xff\xfe\"}", "application/json");
    check_error({r->status, json::parse(r->body), {}}, 400, "invalid_request");
  }
  SECTION("not an object") {
    check_error(post_json(s.http, "/api/presentations", json::array({1, 2})), 400, "invalid_request");
  }
  SECTION("a field error names the field") {
    json body = sample_request(4);
    body["slidesData"][3]["props"]["title"] = std::string(5001, 'x');
    auto r = post_json(s.http, "/api/presentations", body);
    check_error(r, 400, "invalid_request");
    CHECK_THAT(r.body["error"].get<std::string>(), Catch::Contains("slidesData[3].props.title"));
    CHECK(r.body["fields"][0]["field"] == "slidesData[3].props.title");
  }
  SECTION("too many slides, bad resolution, negative duration") {
    json body = sample_request(51);
    body["resolution"] = {100, 100};
    body["duration"] = -3;
    auto r = post_json(s.http, "/api/presentations", body);
    check_error(r, 400, "invalid_request");
    CHECK(r.body["fields"].size() == 3);
  }
  SECTION("slide capture from a URL") {
    auto r = post_json(s.http, "/api/presentations", {{"slideUrl", "https://example.com"}});
    check_error(r, 400, "invalid_request");
    CHECK_THAT(r.body["error"].get<std::string>(), Catch::Contains("not supported"));
  }
  SECTION("a body over 5 MB") {
    json body = sample_request(1);
    body["padding"] = std::string(5 * 1024 * 1024 + 10, 'p');
    check_error(post_json(s.http, "/api/presentations", body), 413, "payload_too_large");
  }
  SECTION("deep nesting") {
    auto r = s.http.Post("/api/presentations", std::string(100000, '['), "application/json");
    check_error({r->status, json::parse(r->body), {}}, 400, "invalid_request");
  }
  SECTION("unknown job, junk id, unknown route, bad list query") {
    check_error(get_json(s.http, "/api/presentations/01a23d47-e711-7172-9686-cfae338ddf93"), 404, "not_found");
    check_error(get_json(s.http, "/api/presentations/..%2F..%2Fetc"), 404, "not_found");
    check_error(get_json(s.http, "/api/presentations/not-a-job-id"), 404, "not_found");
    check_error(get_json(s.http, "/api/nothing-here"), 404, "not_found");
    check_error(get_json(s.http, "/api/presentations?limit=0"), 400, "invalid_request");
    check_error(get_json(s.http, "/api/presentations?status=done"), 400, "invalid_request");
    check_error(get_json(s.http, "/api/presentations?cursor=abc"), 400, "invalid_request");
  }
  SECTION("a known path with a method it does not take is 405 naming the allowed ones") {
    auto check_405 = [&](const std::string& method, const std::string& path, const std::string& allow) {
      INFO(method << " " << path);
      const JsonResponse r = send(s.http, method, path);
      check_error(r, 405, "method_not_allowed");
      CHECK(r.headers.find("Allow")->second == allow);
    };
    const std::string job = "/api/presentations/01a23d47-e711-7172-9686-cfae338ddf93";
    check_405("PUT", "/api/presentations", "POST, GET, HEAD");
    check_405("PATCH", job, "GET, HEAD, DELETE");
    check_405("POST", "/api/health", "GET, HEAD");
    check_405("GET", job + "/cancel", "POST");
    check_405("DELETE", "/api/custom/presentations", "POST, GET, HEAD");
    check_error(send(s.http, "POST", "/api/nothing-here"), 404, "not_found");
    check_error(send(s.http, "PUT", "/api/nothing-here"), 404, "not_found");
  }
  SECTION("a POST with no body at all (curl -X POST) is a request without a body, not a 400") {
    const std::string id = s.create();
    const auto raw = [&](const std::string& method, const std::string& path, const std::string& extra = "") {
      return send_raw(s.deckd.port(), method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra +
                                          "Connection: close\r\n\r\n");
    };
    CHECK_THAT(raw("POST", "/api/presentations/" + id + "/cancel"), Catch::StartsWith("HTTP/1.1 200"));
    CHECK_THAT(raw("POST", "/api/custom/presentations/" + id + "/retry"), Catch::StartsWith("HTTP/1.1 200"));
    CHECK_THAT(raw("POST", "/api/health"), Catch::StartsWith("HTTP/1.1 405"));
    const std::string empty = raw("POST", "/api/presentations", "Content-Type: application/json\r\n");
    CHECK_THAT(empty, Catch::StartsWith("HTTP/1.1 400") && Catch::Contains("The body is empty"));
  }
  SECTION("a chunked body over 5 MB is refused like any other") {
    std::string request =
        "POST /api/presentations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    const std::string chunk(1024 * 1024, ' ');
    for (int i = 0; i < 6; ++i) request += "100000\r\n" + chunk + "\r\n";
    request += "0\r\n\r\n";
    const std::string answer = send_raw(s.deckd.port(), request);
    CHECK_THAT(answer, Catch::StartsWith("HTTP/1.1 413") && Catch::Contains("payload_too_large"));
  }
  // Whatever was sent, the server is still up and has lost nothing.
  CHECK(get_json(s.http, "/api/health").status == 200);
}

TEST_CASE("an Idempotency-Key makes a retried POST return the same job", "[integration]") {
  Server s;
  auto first = post_json(s.http, "/api/presentations", sample_request(1), {{"Idempotency-Key", "abc-123"}});
  auto again = post_json(s.http, "/api/presentations", sample_request(1), {{"Idempotency-Key", "abc-123"}});
  REQUIRE(first.status == 201);
  CHECK(again.status == 200);
  CHECK(again.body["jobId"] == first.body["jobId"]);
  CHECK(get_json(s.http, "/api/presentations").body["jobs"].size() == 1);

  SECTION("the same key with a different deck is refused, naming the first job") {
    auto reused = post_json(s.http, "/api/presentations", sample_request(2), {{"Idempotency-Key", "abc-123"}});
    CHECK(reused.status == 422);
    CHECK(reused.body["code"] == "idempotency_key_reused");
    CHECK(reused.body["jobId"] == first.body["jobId"]);
    CHECK(get_json(s.http, "/api/presentations").body["jobs"].size() == 1);
  }
  SECTION("the same deck with its fields in another order is still a retry") {
    const json request = sample_request(1);
    std::string reversed;
    for (auto it = request.rbegin(); it != request.rend(); ++it)
      reversed += (reversed.empty() ? "{" : ",") + json(it.key()).dump() + ":" + it.value().dump();
    reversed += "}";
    REQUIRE(reversed != request.dump());
    auto retried = s.http.Post("/api/presentations", {{"Idempotency-Key", "abc-123"}}, reversed, "application/json");
    REQUIRE(retried);
    CHECK(retried->status == 200);
    CHECK(json::parse(retried->body)["jobId"] == first.body["jobId"]);
  }
}

TEST_CASE("file routes serve only finished files, with Range and HEAD", "[integration]") {
  Server s;
  const std::string id = s.create();
  REQUIRE(s.reaches(id, "completed"));
  const std::string base = "/api/presentations/" + id;

  auto whole = s.http.Get(base + "/slide-image");
  REQUIRE(whole->status == 200);
  CHECK(whole->get_header_value("Content-Type") == "image/png");
  CHECK(whole->body.substr(1, 3) == "PNG");
  const auto size = whole->body.size();

  auto head = s.http.Head(base + "/slide-image");
  CHECK(head->status == 200);
  CHECK(head->get_header_value("Content-Length") == std::to_string(size));
  CHECK(head->body.empty());

  auto part = s.http.Get(base + "/files/slide-002.png", {{"Range", "bytes=0-9"}});
  CHECK(part->status == 206);
  CHECK(part->body.size() == 10);
  CHECK(part->get_header_value("Content-Range") ==
        "bytes 0-9/" + std::to_string(s.job(id)["createdFiles"][1]["bytes"].get<int>()));

  // A job that is not finished has no video: a JSON 404, never a 200 the
  // client would save as the video.
  const std::string pending = s.create(sample_request(30));
  auto video = get_json(s.http, "/api/presentations/" + pending + "/video");
  check_error(video, 404, "not_found");
  CHECK(video.headers.find("Content-Type")->second == "application/json; charset=utf-8");
  check_error(get_json(s.http, base + "/files/deckd.db"), 404, "not_found");
  check_error(get_json(s.http, base + "/files/..%2F..%2Fdeckd.db"), 404, "not_found");

  // The URLs the job itself gives resolve against deckd as they are.
  const json job = s.job(id);
  for (const std::string& url : {job["videoUrl"].get<std::string>(), job["thumbnailUrl"].get<std::string>(),
                                job["createdFiles"][0]["url"].get<std::string>()}) {
    INFO(url);
    CHECK(s.http.Head(url)->status == 200);
  }
}

TEST_CASE("cancel, retry and delete follow the state machine", "[integration]") {
  Server s;
  const std::string done = s.create();
  REQUIRE(s.reaches(done, "completed"));
  auto late_cancel = send(s.http, "POST", "/api/presentations/" + done + "/cancel");
  check_error(late_cancel, 409, "conflict");
  check_error(send(s.http, "POST", "/api/presentations/" + done + "/retry"), 409, "conflict");

  // A big job, so that it is still queued or running when cancelled.
  json big = sample_request(50);
  big["resolution"] = {3840, 2160};
  const std::string id = s.create(big);
  auto cancelled = send(s.http, "POST", "/api/presentations/" + id + "/cancel");
  REQUIRE(cancelled.status == 200);
  CHECK(cancelled.body["status"] == "cancelled");
  CHECK(s.job(id)["status"] == "cancelled");

  auto retried = send(s.http, "POST", "/api/presentations/" + id + "/retry");
  REQUIRE(retried.status == 200);
  CHECK(retried.body["status"] == "queued");
  CHECK(retried.body["attempts"] == 0);

  auto deleted = send(s.http, "DELETE", "/api/presentations/" + id);
  CHECK(deleted.status == 200);
  check_error(get_json(s.http, "/api/presentations/" + id), 404, "not_found");
  CHECK_FALSE(std::filesystem::exists(s.dir / "data" / "jobs" / id));
  check_error(send(s.http, "DELETE", "/api/presentations/" + id), 404, "not_found");
}

TEST_CASE("list pages newest first and filters by status", "[integration]") {
  Server s;
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(s.create(sample_request(1)));
  std::vector<std::string> seen;
  std::string cursor;
  for (int page = 0; page < 10; ++page) {
    auto r = get_json(s.http, "/api/presentations?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor));
    for (const auto& j : r.body["jobs"]) seen.push_back(j["jobId"]);
    if (r.body["nextCursor"].is_null()) break;
    cursor = r.body["nextCursor"];
  }
  CHECK(seen == std::vector<std::string>(ids.rbegin(), ids.rend()));
  for (const auto& id : ids) REQUIRE(s.reaches(id, "completed"));
  CHECK(get_json(s.http, "/api/presentations?status=completed").body["jobs"].size() == 5);
  CHECK(get_json(s.http, "/api/presentations?status=failed").body["jobs"].empty());
}

TEST_CASE("metrics are Prometheus text", "[integration]") {
  Server s;
  s.create(sample_request(1));
  auto r = s.http.Get("/metrics");
  REQUIRE(r->status == 200);
  CHECK_THAT(r->body, Catch::Contains("# TYPE deckd_jobs gauge"));
  CHECK_THAT(r->body, Catch::Contains("deckd_workers{state=\"busy\"}"));
  CHECK_THAT(r->body, Catch::Contains("deckd_database_bytes"));
}
