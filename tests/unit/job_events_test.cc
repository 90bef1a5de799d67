#include <catch2/catch.hpp>

#include <thread>

#include "jobs/job_events.h"
#include "jobs/job_id.h"
#include "jobs/publishing_job_store.h"
#include "store/sqlite_job_store.h"
#include "support/temp_dir.h"

using namespace deckd;
using std::chrono::milliseconds;

TEST_CASE("the event log hands out changes after a seq, and says when some fell out", "[events]") {
  JobEvents events(3);
  CHECK(events.wait_after(0, milliseconds(1)).changes.empty());
  for (int i = 0; i < 5; ++i) events.publish("progress", "job" + std::to_string(i));
  CHECK(events.last_seq() == 5);
  auto recent = events.wait_after(3, milliseconds(1));
  REQUIRE(recent.changes.size() == 2);
  CHECK(recent.changes[0].seq == 4);
  CHECK(recent.changes[1].job_id == "job4");
  CHECK_FALSE(recent.missed);
  auto behind = events.wait_after(1, milliseconds(1));
  CHECK(behind.missed);  // 2 is gone from a ring of 3
  CHECK(behind.changes.size() == 3);
}

TEST_CASE("a waiting reader wakes on publish and on close", "[events]") {
  JobEvents events;
  std::thread publisher([&] { events.publish("created", "a"); });
  auto batch = events.wait_after(0, std::chrono::seconds(10));
  publisher.join();
  REQUIRE(batch.changes.size() == 1);
  std::thread closer([&] { events.close(); });
  CHECK(events.wait_after(1, std::chrono::seconds(10)).closed);
  closer.join();
}

TEST_CASE("only changes that took effect are published", "[events]") {
  test::TempDir dir;
  SqliteJobStore sqlite((dir / "deckd.db").string(), Durability::kNormal);
  JobEvents events;
  PublishingJobStore store(sqlite, events);
  JobIdGenerator ids;
  const UnixMillis t = 1'780'000'000'000;
  const std::string id = store.create({ids.next(t), "Deck", 1, 3, "{}", "k", {}, t}).job.id;
  store.create({ids.next(t), "Again", 1, 3, "{}", "k", {}, t});  // same key: nothing new
  REQUIRE(store.claim("w", t, t + 1000));
  CHECK_FALSE(store.report_progress({id, "zombie"}, 50, "x", t));  // not the lease owner
  CHECK(store.report_progress({id, "w"}, 50, "half", t));
  CHECK(store.heartbeat({id, "w"}, t, t + 2000));
  CHECK(store.complete({id, "w"}, {}, t));
  CHECK_FALSE(store.cancel(id, t));
  CHECK(store.remove(id));
  std::vector<std::string> types;
  for (const auto& c : events.wait_after(0, milliseconds(1)).changes) {
    CHECK(c.job_id == id);
    types.push_back(c.type);
  }
  CHECK(types == std::vector<std::string>{"created", "claimed", "progress", "completed", "deleted"});
}
