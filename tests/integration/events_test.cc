// GET /api/events, /api/stats and the embedded status page, against the real
// binary.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "support/deckd_process.h"
#include "support/event_reader.h"
#include "support/temp_dir.h"
#include "support/wait_until.h"

using namespace deckd::test;
using nlohmann::json;

namespace {

const std::vector<std::string> kFastEvents = {"--events-heartbeat", "1"};

json small_request(const std::string& name = "Live deck") {
  json req = sample_request(2, name);
  req["resolution"] = {640, 360};
  req["duration"] = 1;
  return req;
}

std::string create(httplib::Client& http, const json& req) {
  auto r = post_json(http, "/api/presentations", req);
  REQUIRE(r.status == 201);
  return r.body["jobId"];
}

bool has_type(const std::vector<json>& events, const std::string& type) {
  for (const auto& e : events)
    if (e["type"] == type) return true;
  return false;
}

// A client that asks for the stream and then never reads a byte.
class StuckClient {
 public:
  explicit StuckClient(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    const std::string request = "GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    REQUIRE(::write(fd_, request.data(), request.size()) == static_cast<ssize_t>(request.size()));
  }
  ~StuckClient() { ::close(fd_); }

 private:
  int fd_;
};

}  // namespace

TEST_CASE("the event stream tells a job's life in order, each event with an id", "[integration][events]") {
  TempDir dir;
  DeckdProcess deckd(dir / "data", kFastEvents);
  auto http = deckd.client();
  EventReader reader(deckd.port());
  REQUIRE(wait_until([&] { return reader.text().find("retry:") != std::string::npos; }));
  const std::string id = create(http, small_request());
  REQUIRE(wait_until([&] { return has_type(reader.job_events(id), "completed"); }, std::chrono::seconds(60)));
  const auto events = reader.job_events(id);
  CHECK(events.front()["type"] == "created");
  CHECK(events.front()["job"]["projectName"] == "Live deck");
  CHECK(has_type(events, "claimed"));
  CHECK(events.back()["job"]["status"] == "completed");
  double progress = 0;
  for (const auto& e : events) {
    CHECK(e["job"]["progress"].get<double>() >= progress);
    progress = e["job"]["progress"];
  }
  for (const auto& e : reader.events())
    if (e.event == "job") CHECK_FALSE(e.id.empty());

  SECTION("cancel, retry and delete are events too") {
    const std::string other = create(http, small_request("Doomed"));
    REQUIRE(send(http, "POST", "/api/presentations/" + other + "/cancel").status == 200);
    REQUIRE(send(http, "POST", "/api/presentations/" + other + "/retry").status == 200);
    REQUIRE(send(http, "DELETE", "/api/presentations/" + other).status == 200);
    REQUIRE(wait_until([&] { return has_type(reader.job_events(other), "deleted"); }));
    const auto seen = reader.job_events(other);
    CHECK(has_type(seen, "cancelled"));
    CHECK(has_type(seen, "queued"));
    CHECK(seen.back()["job"].is_null());
  }
  SECTION("a reconnecting browser resumes after its Last-Event-ID") {
    const auto all = reader.events();
    std::string created_id;
    for (const auto& e : all)
      if (e.event == "job" && json::parse(e.data)["type"] == "created") created_id = e.id;
    REQUIRE_FALSE(created_id.empty());
    EventReader resumed(deckd.port(), created_id);
    REQUIRE(wait_until([&] { return has_type(resumed.job_events(id), "completed"); }));
    CHECK_FALSE(has_type(resumed.job_events(id), "created"));  // only what came after
    CHECK(resumed.text().find("event: reset") == std::string::npos);
  }
  SECTION("an id from another run (or garbage) gets a reset: refetch everything") {
    EventReader stranger(deckd.port(), "0badc0de-7");
    REQUIRE(wait_until([&] { return stranger.text().find("event: reset") != std::string::npos; }));
  }
}

TEST_CASE("an idle stream gets heartbeats", "[integration][events]") {
  TempDir dir;
  DeckdProcess deckd(dir / "data", kFastEvents);
  EventReader reader(deckd.port());
  CHECK(wait_until([&] { return reader.text().find(": ping") != std::string::npos; }, std::chrono::seconds(5)));
}

TEST_CASE("clients that never read stall neither the API nor other streams", "[integration][events]") {
  TempDir dir;
  DeckdProcess deckd(dir / "data", kFastEvents);
  auto http = deckd.client();
  std::vector<std::unique_ptr<StuckClient>> stuck;
  for (int i = 0; i < 15; ++i) stuck.push_back(std::make_unique<StuckClient>(deckd.port()));
  EventReader reader(deckd.port());  // the 16th: still served
  REQUIRE(wait_until([&] { return reader.text().find("retry:") != std::string::npos; }));
  std::vector<std::string> ids;
  for (int i = 0; i < 6; ++i) ids.push_back(create(http, small_request()));
  for (const auto& id : ids)
    CHECK(wait_until([&] { return has_type(reader.job_events(id), "completed"); }, std::chrono::seconds(90)));
  CHECK(get_json(http, "/api/health").status == 200);

  SECTION("one stream more than the limit is refused with a JSON 503") {
    EventReader extra(deckd.port());
    REQUIRE(wait_until([&] { return extra.ended(); }));
    CHECK(extra.status() == 503);
    CHECK(extra.text().find("\"code\":\"unavailable\"") != std::string::npos);
  }
}

TEST_CASE("SIGTERM ends open event streams and exits 0", "[integration][events]") {
  TempDir dir;
  DeckdProcess deckd(dir / "data", kFastEvents);
  EventReader reader(deckd.port());
  REQUIRE(wait_until([&] { return reader.text().find("retry:") != std::string::npos; }));
  CHECK(deckd.terminate() == 0);
  CHECK(wait_until([&] { return reader.ended(); }, std::chrono::seconds(5)));
}

TEST_CASE("the overview answers counts, workers, queue and the last hour", "[integration][events]") {
  TempDir dir;
  DeckdProcess deckd(dir / "data", {"--workers", "2"});
  auto http = deckd.client();
  const std::string id = create(http, small_request());
  REQUIRE(wait_until([&] { return get_json(http, "/api/presentations/" + id).body["status"] == "completed"; },
                     std::chrono::seconds(60)));
  const auto stats = get_json(http, "/api/stats");
  REQUIRE(stats.status == 200);
  CHECK(stats.body["counts"]["completed"] == 1);
  CHECK(stats.body["counts"]["queued"] == 0);
  CHECK(stats.body["workers"]["total"] == 2);
  CHECK(stats.body["databaseBytes"].get<long>() > 0);
  REQUIRE(stats.body["lastHour"].size() == 60);
  // The job may be created in one minute and finish in the next, so look for
  // it by its own timestamps rather than in the newest bucket.
  const auto job = get_json(http, "/api/presentations/" + id).body;
  auto bucket_of = [&](const std::string& iso) {
    for (const auto& m : stats.body["lastHour"])
      if (m["minute"].get<std::string>().substr(0, 16) == iso.substr(0, 16)) return m;
    return nlohmann::json();
  };
  int created = 0, completed = 0;
  for (const auto& m : stats.body["lastHour"]) {
    created += m["created"].get<int>();
    completed += m["completed"].get<int>();
  }
  CHECK(created == 1);
  CHECK(completed == 1);
  CHECK(bucket_of(job["createdAt"])["created"] == 1);
  CHECK(bucket_of(job["completedAt"])["completed"] == 1);
  const auto themes = get_json(http, "/api/themes");
  CHECK(themes.body["default"] == "dark-purple");
  CHECK(themes.body["themes"].size() >= 2);
}

TEST_CASE("the status page is served from the binary, locked to deckd's own origin", "[integration][events]") {
  TempDir dir;
  DeckdProcess deckd(dir / "data");
  auto http = deckd.client();
  auto page = http.Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(page->get_header_value("Content-Security-Policy").find("default-src 'self'") != std::string::npos);
  CHECK(page->body.find("<title>deckd") != std::string::npos);
  auto missing = get_json(http, "/assets/nope.js");
  CHECK(missing.status == 404);
  CHECK(missing.body["code"] == "not_found");
}
