// deckd's central promise: no accepted job is lost or stranded, whatever
// happens to the process. These tests kill the real binary.
#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

#include <atomic>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "support/deckd_process.h"
#include "support/temp_dir.h"
#include "support/wait_until.h"

using namespace deckd::test;
using nlohmann::json;

namespace {

json heavy_request(int slides) {
  json req = sample_request(slides, "Heavy deck");
  req["resolution"] = {3840, 2160};
  return req;
}

// Every file a completed job lists exists whole on disk, and no temporary
// file is left in its directory.
void check_files_whole(const std::filesystem::path& jobs_dir, const json& job) {
  const std::filesystem::path dir = jobs_dir / job["jobId"].get<std::string>();
  for (const auto& f : job["createdFiles"]) {
    const auto path = dir / f["name"].get<std::string>();
    INFO(path);
    REQUIRE(std::filesystem::exists(path));
    CHECK(std::filesystem::file_size(path) == f["bytes"].get<std::uintmax_t>());
  }
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    INFO(entry.path());
    CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
  }
}

}  // namespace

TEST_CASE("an accepted job survives SIGKILL at random moments and completes after restart", "[integration][crash]") {
  TempDir dir;
  const auto data = dir / "data";
  std::mt19937 random(std::random_device{}());
  std::set<std::string> accepted;
  // Each kill costs a running job one attempt (deckd cannot tell an operator's
  // kill -9 from a job that crashes it), so allow more attempts than kills.
  const std::vector<std::string> args = {"--workers", "2", "--max-attempts", "10"};
  for (int round = 0; round < 3; ++round) {
    DeckdProcess deckd(data, args);
    auto http = deckd.client();
    // Nothing from an earlier crash may still look like it is running: a
    // processing job must be leased by this process (it may already have
    // claimed one), never by the killed one.
    {
      SQLite::Database db((data / "deckd.db").string(), SQLite::OPEN_READONLY);
      SQLite::Statement running(db, "SELECT id, lease_owner FROM jobs WHERE status = 'processing'");
      const std::string mine = ":" + std::to_string(deckd.pid()) + ":";
      while (running.executeStep()) {
        INFO("job " << running.getColumn(0).getString() << " leased by " << running.getColumn(1).getString());
        CHECK(running.getColumn(1).getString().find(mine) != std::string::npos);
      }
    }

    std::mutex mu;
    std::atomic<bool> stop{false};
    // A few heavy jobs that will be mid-render, then a stream of light ones
    // so that some POSTs are in flight when the process dies.
    std::thread poster([&] {
      auto client = deckd.client();
      for (int i = 0; !stop && i < 40; ++i) {
        const json body = i < 3 ? heavy_request(3 + i) : sample_request(1, "Light deck");
        auto r = client.Post("/api/presentations", body.dump(), "application/json");
        if (!r) return;  // the server is gone
        if (r->status == 201) {
          std::lock_guard lock(mu);
          accepted.insert(json::parse(r->body)["jobId"].get<std::string>());
        }
      }
    });
    REQUIRE(wait_until([&] {
      return !get_json(http, "/api/presentations?status=processing").body["jobs"].empty();
    }));
    std::this_thread::sleep_for(std::chrono::milliseconds(random() % 400));  // the fault's timing, not a wait
    deckd.kill_hard();
    stop = true;
    poster.join();
  }
  REQUIRE(accepted.size() >= 3);

  DeckdProcess deckd(data, args);
  auto http = deckd.client();
  for (const auto& id : accepted) {
    json job;
    wait_until([&] {
      job = get_json(http, "/api/presentations/" + id).body;
      return job["status"] != "queued" && job["status"] != "processing";
    }, std::chrono::seconds(240));
    INFO(job.dump());
    REQUIRE(job["status"] == "completed");
    check_files_whole(data / "jobs", job);
  }
  // A POST the kill cut off after its commit made a job nobody got a 201
  // for; it must finish too, not linger in processing.
  auto none_in = [&](const char* status) {
    return get_json(http, std::string("/api/presentations?status=") + status).body["jobs"].empty();
  };
  CHECK(wait_until([&] { return none_in("processing") && none_in("queued"); }, std::chrono::seconds(120)));
  CHECK(none_in("failed"));
  SQLite::Database db((data / "deckd.db").string(), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
}

TEST_CASE("SIGTERM drains: exit 0, and a job past the grace period resumes after restart", "[integration][crash]") {
  TempDir dir;
  const auto data = dir / "data";
  std::string id;
  {
    DeckdProcess deckd(data, {"--workers", "1", "--shutdown-grace", "0"});
    auto http = deckd.client();
    auto r = post_json(http, "/api/presentations", heavy_request(30));
    REQUIRE(r.status == 201);
    id = r.body["jobId"];
    // Stop it once the render has a checkpoint to resume from.
    REQUIRE(wait_until([&] { return std::filesystem::exists(data / "jobs" / id / "slide-001.png"); }));
    CHECK(deckd.terminate() == 0);
    CHECK_THAT(deckd.log(), Catch::Contains("job.released job=" + id));
  }
  DeckdProcess deckd(data, {"--workers", "1"});
  auto http = deckd.client();
  json job;
  REQUIRE(wait_until([&] {
    job = get_json(http, "/api/presentations/" + id).body;
    return job["status"] == "completed";
  }, std::chrono::seconds(120)));
  CHECK(job["attempts"] == 1);  // a graceful release does not use up an attempt
  CHECK_THAT(deckd.log(), Catch::Contains("render.resumed job=" + id));
}

TEST_CASE("a second server on the same data dir refuses to start", "[integration]") {
  TempDir dir;
  DeckdProcess first(dir / "data");
  auto [code, out] = run_deckd({"serve", "--listen", "127.0.0.1:0", "--data-dir", (dir / "data").string()},
                               dir / "second.log");
  CHECK(code != 0);
  CHECK_THAT(out, Catch::Contains("in use by another deckd"));
  CHECK(get_json(*std::make_unique<httplib::Client>(first.client()), "/api/health").status == 200);
}

TEST_CASE("a database from a newer deckd is refused with a clear message", "[integration]") {
  TempDir dir;
  std::filesystem::create_directories(dir / "data");
  {
    SQLite::Database db((dir / "data" / "deckd.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA user_version = 999");
  }
  auto [code, out] = run_deckd({"serve", "--listen", "127.0.0.1:0", "--data-dir", (dir / "data").string()},
                               dir / "out.log");
  CHECK(code == 1);
  CHECK_THAT(out, Catch::Contains("newer than this deckd"));
  SQLite::Database db((dir / "data" / "deckd.db").string());
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == 999);
}

TEST_CASE("the command line fails fast with one clear line", "[integration]") {
  TempDir dir;
  auto [bad_flag, out1] = run_deckd({"serve", "--wrokers", "2"}, dir / "1.log");
  CHECK(bad_flag == 2);
  CHECK(out1 == "deckd: unknown option --wrokers (see deckd --help)\n");

  std::filesystem::create_directories(dir / "ro");
  std::ofstream(dir / "ro" / "file") << "x";
  auto [bad_dir, out2] = run_deckd({"serve", "--data-dir", (dir / "ro" / "file" / "sub").string()}, dir / "2.log");
  CHECK(bad_dir == 1);
  CHECK_THAT(out2, Catch::Contains("cannot create data dir"));

  auto [help, out3] = run_deckd({"--help"}, dir / "3.log");
  CHECK(help == 0);
  CHECK_THAT(out3, Catch::Contains("--data-dir"));
  auto [version, out4] = run_deckd({"--version"}, dir / "4.log");
  CHECK(version == 0);
  CHECK_THAT(out4, Catch::StartsWith("deckd "));
}

TEST_CASE("deckd health exits 0 only while a deckd answers at the URL", "[integration]") {
  TempDir dir;
  std::string url;
  {
    DeckdProcess deckd(dir / "data");
    url = "http://127.0.0.1:" + std::to_string(deckd.port()) + "/api/health";
    CHECK(run_deckd({"health", url}, dir / "up.log").first == 0);
    CHECK(deckd.terminate() == 0);
  }
  auto [down, out] = run_deckd({"health", url}, dir / "down.log");
  CHECK(down == 1);
  CHECK(out == "deckd: " + url + " is not healthy\n");
}
