// The JobStore contract, run against SqliteJobStore on a real file.
#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

#include "jobs/job_id.h"
#include "store/migrations.h"
#include "store/sqlite_job_store.h"
#include "support/temp_dir.h"

using namespace deckd;

namespace {

constexpr UnixMillis kT0 = 1'780'000'000'000;

class StoreFixture {
 public:
  StoreFixture() : store(path(), Durability::kNormal) {}
  std::string path() const { return (dir / "deckd.db").string(); }

  std::string add(UnixMillis now = kT0, std::optional<std::string> key = std::nullopt) {
    NewJob job{ids.next(now), "Deck", 2, 3, R"({"slidesData":[]})", key, {"w1"}, now};
    return store.create(job).job.id;
  }
  Job must_get(const std::string& id) { return store.get(id).value(); }

  test::TempDir dir;
  JobIdGenerator ids;
  SqliteJobStore store;
};

const Lease kNobody{"", "nobody"};

}  // namespace

TEST_CASE_METHOD(StoreFixture, "a created job is queued and readable", "[store]") {
  const std::string id = add();
  const Job j = must_get(id);
  CHECK(j.status == JobStatus::kQueued);
  CHECK(j.project_name == "Deck");
  CHECK(j.slide_count == 2);
  CHECK(j.attempts == 0);
  CHECK(j.max_attempts == 3);
  CHECK(j.created_at == kT0);
  CHECK(j.warnings == std::vector<std::string>{"w1"});
  CHECK_FALSE(j.lease_owner);
  CHECK_FALSE(store.get("01a23d47-e711-7172-9686-cfae338ddf93"));
}

TEST_CASE_METHOD(StoreFixture, "an idempotency key returns the first job", "[store]") {
  const std::string first = add(kT0, "key-1");
  NewJob again{ids.next(kT0 + 5), "Other", 1, 3, "{}", "key-1", {}, kT0 + 5};
  const CreateResult r = store.create(again);
  CHECK_FALSE(r.created);
  CHECK(r.job.id == first);
  CHECK(r.job.request_json == R"({"slidesData":[]})");  // the first job's, to compare with
  CHECK(store.count_by_status()[JobStatus::kQueued] == 1);
}

TEST_CASE_METHOD(StoreFixture, "claim takes the oldest runnable job and leases it", "[store]") {
  const std::string a = add(kT0), b = add(kT0 + 1);
  auto claimed = store.claim("w1", kT0 + 10, kT0 + 30'010);
  REQUIRE(claimed);
  CHECK(claimed->id == a);
  CHECK(claimed->status == JobStatus::kProcessing);
  CHECK(claimed->attempts == 1);
  CHECK(claimed->lease_owner == "w1");
  CHECK(claimed->lease_until == kT0 + 30'010);
  CHECK(claimed->request_json == R"({"slidesData":[]})");
  CHECK(store.claim("w2", kT0 + 10, kT0 + 100)->id == b);
  CHECK_FALSE(store.claim("w3", kT0 + 10, kT0 + 100));
}

TEST_CASE_METHOD(StoreFixture, "a job waiting for retry is not claimed before run_after", "[store]") {
  const std::string id = add();
  store.claim("w1", kT0, kT0 + 1000);
  REQUIRE(store.retry_later({id, "w1"}, "flaky", kT0 + 5000, kT0 + 1));
  CHECK_FALSE(store.claim("w1", kT0 + 4999, kT0 + 9999));
  auto again = store.claim("w1", kT0 + 5000, kT0 + 9999);
  REQUIRE(again);
  CHECK(again->attempts == 2);
}

TEST_CASE_METHOD(StoreFixture, "progress is clamped and never decreases within an attempt", "[store]") {
  const std::string id = add();
  store.claim("w1", kT0, kT0 + 1000);
  const Lease lease{id, "w1"};
  CHECK(store.report_progress(lease, 40, "rendering slides 2/5", kT0 + 1));
  CHECK(store.report_progress(lease, 10, "rendering slides 1/5", kT0 + 2));
  CHECK(must_get(id).progress == 40);
  CHECK(must_get(id).stage == "rendering slides 1/5");
  CHECK(store.report_progress(lease, 250, "x", kT0 + 3));
  CHECK(must_get(id).progress == 100);
  CHECK(store.report_progress(lease, -5, "x", kT0 + 4));
  CHECK(must_get(id).progress == 100);
}

TEST_CASE_METHOD(StoreFixture, "a zombie worker's late writes are rejected", "[store]") {
  const std::string id = add();
  store.claim("zombie", kT0, kT0 + 1000);
  const Lease zombie{id, "zombie"};
  // The zombie stops heartbeating; its lease expires and the job is rescued.
  CHECK(store.rescue_expired(kT0 + 1001).requeued == 1);
  auto reclaimed = store.claim("healthy", kT0 + 1002, kT0 + 2000);
  REQUIRE(reclaimed);
  REQUIRE(reclaimed->attempts == 2);

  CHECK_FALSE(store.heartbeat(zombie, kT0 + 1003, kT0 + 9000));
  CHECK_FALSE(store.report_progress(zombie, 99, "zombie", kT0 + 1003));
  CHECK_FALSE(store.complete(zombie, {{{"zombie.png", 1, "image/png"}}, {}, {}}, kT0 + 1003));
  CHECK_FALSE(store.fail(zombie, "zombie", kT0 + 1003));
  CHECK_FALSE(store.retry_later(zombie, "zombie", kT0, kT0 + 1003));
  CHECK_FALSE(store.release(zombie, kT0 + 1003));

  const Job j = must_get(id);
  CHECK(j.status == JobStatus::kProcessing);
  CHECK(j.lease_owner == "healthy");
  CHECK(j.progress == 0);
  CHECK(j.created_files.empty());
  CHECK(store.complete({id, "healthy"}, {{{"slide-001.png", 10, "image/png"}}, {"w2"}, 12.5}, kT0 + 1500));
  const Job done = must_get(id);
  CHECK(done.status == JobStatus::kCompleted);
  CHECK(done.created_files == std::vector<CreatedFile>{{"slide-001.png", 10, "image/png"}});
  CHECK(done.warnings == std::vector<std::string>{"w1", "w2"});
  CHECK(done.duration_seconds == 12.5);
  CHECK(done.completed_at == kT0 + 1500);
}

TEST_CASE_METHOD(StoreFixture, "a heartbeat keeps the lease from expiring", "[store]") {
  const std::string id = add();
  store.claim("w1", kT0, kT0 + 1000);
  CHECK(store.heartbeat({id, "w1"}, kT0 + 900, kT0 + 1900));
  CHECK(store.rescue_expired(kT0 + 1500).requeued == 0);
  CHECK(must_get(id).last_heartbeat == kT0 + 900);
  CHECK(store.rescue_expired(kT0 + 1901).requeued == 1);
}

TEST_CASE_METHOD(StoreFixture, "a job that keeps losing its worker fails with worker lost", "[store]") {
  const std::string id = add();
  for (int attempt = 1; attempt <= 3; ++attempt) {
    REQUIRE(store.claim("w", kT0 + attempt * 10, kT0 + attempt * 10 + 1));
    store.rescue_expired(kT0 + attempt * 10 + 5);
  }
  const Job j = must_get(id);
  CHECK(j.status == JobStatus::kFailed);
  CHECK_THAT(j.error.value_or(""), Catch::Contains("worker lost"));
  CHECK_FALSE(j.lease_owner);
}

TEST_CASE_METHOD(StoreFixture, "rescue_all requeues every processing job at start-up", "[store]") {
  add();
  add(kT0 + 1);
  REQUIRE(store.claim("dead", kT0 + 5, kT0 + 1'000'000));
  REQUIRE(store.claim("dead", kT0 + 5, kT0 + 1'000'000));
  CHECK(store.rescue_expired(kT0 + 10).requeued == 0);
  CHECK(store.rescue_all(kT0 + 10).requeued == 2);
  CHECK(store.count_by_status()[JobStatus::kProcessing] == 0);
}

TEST_CASE_METHOD(StoreFixture, "release gives the attempt back", "[store]") {
  const std::string id = add();
  store.claim("w1", kT0, kT0 + 1000);
  CHECK(store.release({id, "w1"}, kT0 + 1));
  CHECK(must_get(id).attempts == 0);
  CHECK(must_get(id).status == JobStatus::kQueued);
}

namespace {

// Puts a fresh job into `status` through the store's own operations.
std::string job_in(StoreFixture& f, JobStatus status) {
  const std::string id = f.add();
  if (status == JobStatus::kQueued) return id;
  REQUIRE(f.store.claim("owner", kT0, kT0 + 1000)->id == id);
  const Lease lease{id, "owner"};
  switch (status) {
    case JobStatus::kCompleted: REQUIRE(f.store.complete(lease, {}, kT0)); break;
    case JobStatus::kFailed: REQUIRE(f.store.fail(lease, "boom", kT0)); break;
    case JobStatus::kCancelled: REQUIRE(f.store.cancel(id, kT0)); break;
    default: break;
  }
  return id;
}

struct Operation {
  const char* name;
  JobStatus target;
  std::function<bool(JobStore&, const std::string&)> apply;
};

}  // namespace

TEST_CASE("every guarded store update obeys the transition table", "[store][jobs]") {
  const std::vector<Operation> ops = {
      {"claim", JobStatus::kProcessing,
       [](JobStore& s, const std::string& id) {
         auto j = s.claim("other", kT0 + 1, kT0 + 2000);
         return j && j->id == id;
       }},
      {"complete", JobStatus::kCompleted, [](JobStore& s, const std::string& id) { return s.complete({id, "owner"}, {}, kT0 + 1); }},
      {"fail", JobStatus::kFailed, [](JobStore& s, const std::string& id) { return s.fail({id, "owner"}, "x", kT0 + 1); }},
      {"retry_later", JobStatus::kQueued, [](JobStore& s, const std::string& id) { return s.retry_later({id, "owner"}, "x", kT0, kT0 + 1); }},
      {"release", JobStatus::kQueued, [](JobStore& s, const std::string& id) { return s.release({id, "owner"}, kT0 + 1); }},
      {"cancel", JobStatus::kCancelled, [](JobStore& s, const std::string& id) { return s.cancel(id, kT0 + 1); }},
      {"requeue", JobStatus::kQueued, [](JobStore& s, const std::string& id) { return s.requeue(id, kT0 + 1); }},
      {"rescue_all", JobStatus::kQueued, [](JobStore& s, const std::string&) { return s.rescue_all(kT0 + 1).requeued == 1; }},
  };
  std::set<std::pair<JobStatus, JobStatus>> reached;
  for (JobStatus from : kAllJobStatuses) {
    for (const Operation& op : ops) {
      StoreFixture f;
      const std::string id = job_in(f, from);
      const bool changed = op.apply(f.store, id);
      const JobStatus now = f.must_get(id).status;
      INFO(op.name << " from " << to_string(from));
      if (changed) {
        CHECK(can_transition(from, op.target));
        CHECK(now == op.target);
        reached.insert({from, op.target});
      } else {
        CHECK(now == from);
      }
    }
  }
  // Every move the table allows is made by some operation.
  for (JobStatus from : kAllJobStatuses)
    for (JobStatus to : kAllJobStatuses)
      if (can_transition(from, to)) {
        INFO(to_string(from) << " -> " << to_string(to));
        CHECK(reached.count({from, to}) == 1);
      }
}

TEST_CASE_METHOD(StoreFixture, "list pages newest first with a cursor and a status filter", "[store]") {
  std::vector<std::string> ids;
  for (int i = 0; i < 7; ++i) ids.push_back(add(kT0 + i));
  store.cancel(ids[2], kT0 + 100);
  std::vector<std::string> seen;
  std::optional<std::string> cursor;
  do {
    JobPage page = store.list({std::nullopt, cursor, 3, std::nullopt});
    CHECK(page.jobs.size() <= 3);
    for (const auto& j : page.jobs) seen.push_back(j.id);
    cursor = page.next_cursor;
  } while (cursor);
  CHECK(seen == std::vector<std::string>(ids.rbegin(), ids.rend()));
  JobPage cancelled = store.list({JobStatus::kCancelled, std::nullopt, 50, std::nullopt});
  REQUIRE(cancelled.jobs.size() == 1);
  CHECK(cancelled.jobs[0].id == ids[2]);
  CHECK_FALSE(cancelled.next_cursor);
}

TEST_CASE_METHOD(StoreFixture, "remove deletes a job", "[store]") {
  const std::string id = add();
  CHECK(store.remove(id));
  CHECK_FALSE(store.get(id));
  CHECK_FALSE(store.remove(id));
}

TEST_CASE("jobs survive reopening the database", "[store]") {
  test::TempDir dir;
  const std::string path = (dir / "deckd.db").string();
  JobIdGenerator ids;
  std::string id;
  {
    SqliteJobStore store(path, Durability::kFull);
    id = store.create({ids.next(kT0), "Keep me", 1, 3, "{}", {}, {}, kT0}).job.id;
  }
  SqliteJobStore reopened(path, Durability::kFull);
  auto j = reopened.get(id);
  REQUIRE(j);
  CHECK(j->project_name == "Keep me");
  SQLite::Database db(path);
  CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == latest_schema_version());
}

TEST_CASE("a database from a newer deckd is refused and left untouched", "[store]") {
  test::TempDir dir;
  const std::string path = (dir / "deckd.db").string();
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE future (x)");
    db.exec("PRAGMA user_version = " + std::to_string(latest_schema_version() + 1));
  }
  CHECK_THROWS_AS(SqliteJobStore(path, Durability::kFull), SchemaTooNewError);
  SQLite::Database db(path);
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == latest_schema_version() + 1);
  CHECK_FALSE(db.tableExists("jobs"));
}

TEST_CASE("two stores on one file never claim the same job", "[store]") {
  test::TempDir dir;
  const std::string path = (dir / "deckd.db").string();
  SqliteJobStore a(path, Durability::kNormal);
  SqliteJobStore b(path, Durability::kNormal);
  JobIdGenerator ids;
  constexpr int kJobs = 200;
  for (int i = 0; i < kJobs; ++i) a.create({ids.next(kT0 + i), "d", 1, 3, "{}", {}, {}, kT0 + i});
  std::vector<std::string> claimed_a, claimed_b;
  auto drain = [](SqliteJobStore& s, const char* owner, std::vector<std::string>& out) {
    while (auto j = s.claim(owner, kT0 + 10'000, kT0 + 99'999)) out.push_back(j->id);
  };
  std::thread ta(drain, std::ref(a), "a", std::ref(claimed_a));
  std::thread tb(drain, std::ref(b), "b", std::ref(claimed_b));
  ta.join();
  tb.join();
  std::set<std::string> all(claimed_a.begin(), claimed_a.end());
  for (const auto& id : claimed_b) CHECK(all.insert(id).second);
  CHECK(all.size() == kJobs);
}

TEST_CASE_METHOD(StoreFixture, "retention purges only jobs finished before the cutoff", "[store]") {
  const std::string old_done = add(kT0), fresh_done = add(kT0 + 1), queued = add(kT0 + 2);
  REQUIRE(store.claim("w", kT0 + 10, kT0 + 1000)->id == old_done);
  REQUIRE(store.complete({old_done, "w"}, {}, kT0 + 100));
  REQUIRE(store.claim("w", kT0 + 10, kT0 + 1000)->id == fresh_done);
  REQUIRE(store.fail({fresh_done, "w"}, "x", kT0 + 5000));
  CHECK(store.purge_finished(kT0 + 1000, 10) == std::vector<std::string>{old_done});
  CHECK_FALSE(store.get(old_done));
  CHECK(store.get(fresh_done));
  CHECK(store.get(queued));
}

TEST_CASE_METHOD(StoreFixture, "search finds jobs by id prefix or project name, wildcards literal", "[store]") {
  const std::string a = add();
  NewJob named{ids.next(kT0 + 1), "Quarterly 100% Review", 1, 3, "{}", std::nullopt, {}, kT0 + 1};
  const std::string b = store.create(named).job.id;
  auto ids_of = [&](const std::string& q) {
    std::set<std::string> out;
    ListQuery query;
    query.search = q;
    for (const auto& j : store.list(query).jobs) out.insert(j.id);
    return out;
  };
  CHECK(ids_of("quarterly") == std::set<std::string>{b});
  CHECK(ids_of("100%") == std::set<std::string>{b});
  CHECK(ids_of("1%0").empty());  // % is not a wildcard
  CHECK(ids_of(a.substr(0, 20)).count(a) == 1);
  CHECK(ids_of(a.substr(0, 20)).count(b) == (b.substr(0, 20) == a.substr(0, 20) ? 1 : 0));
  CHECK(ids_of("nothing like it").empty());
}

TEST_CASE_METHOD(StoreFixture, "counts per minute bucket creations and finishes", "[store]") {
  const std::string a = add(kT0), b = add(kT0 + 1000);
  add(kT0 + 61'000);
  REQUIRE(store.claim("w", kT0 + 62'000, kT0 + 99'000));
  REQUIRE(store.claim("w", kT0 + 62'000, kT0 + 99'000));
  CHECK(store.complete({a, "w"}, {}, kT0 + 125'000));
  CHECK(store.fail({b, "w"}, "bad", kT0 + 126'000));
  const auto minutes = store.counts_per_minute(kT0);
  const UnixMillis m0 = kT0 - kT0 % 60000;
  REQUIRE(minutes.size() >= 2);
  int created = 0, completed = 0, failed = 0;
  for (const auto& m : minutes) {
    CHECK(m.minute % 60000 == 0);
    CHECK(m.minute >= m0);
    created += m.created;
    completed += m.completed;
    failed += m.failed;
  }
  CHECK(created == 3);
  CHECK(completed == 1);
  CHECK(failed == 1);
  CHECK(store.counts_per_minute(kT0 + 10 * 60000).empty());
}

TEST_CASE_METHOD(StoreFixture, "reads never wait behind another writer; writes wait out its lock", "[store]") {
  const std::string id = add();
  SQLite::Database other(path(), SQLite::OPEN_READWRITE);
  std::mutex mu;
  std::condition_variable cv;
  bool locked = false;
  std::thread holder([&] {
    other.exec("BEGIN IMMEDIATE");
    other.exec("UPDATE jobs SET stage = 'held' WHERE id = '" + id + "'");
    {
      std::lock_guard lock(mu);
      locked = true;
    }
    cv.notify_one();
    // Holds the write lock past the moment create() asks for it; well
    // within the busy timeout.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    other.exec("COMMIT");
  });
  {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return locked; });
  }
  // WAL readers see the last commit while the lock is held.
  CHECK(must_get(id).stage == "queued");
  CHECK(store.list({}).jobs.size() == 1);
  // Without a busy timeout this would throw SQLITE_BUSY at once.
  const std::string second = add(kT0 + 1);
  holder.join();
  CHECK(must_get(id).stage == "held");
  CHECK(store.get(second));
}

TEST_CASE_METHOD(StoreFixture, "the claim and list queries are served by indexes, not scans", "[store]") {
  for (int i = 0; i < 50; ++i) add(kT0 + i);
  SQLite::Database db(path(), SQLite::OPEN_READONLY);
  auto plan = [&](const std::string& sql) {
    SQLite::Statement st(db, "EXPLAIN QUERY PLAN " + sql);
    std::string out;
    while (st.executeStep()) out += st.getColumn(3).getString() + "\n";
    return out;
  };
  // The shapes of SqliteJobStore::claim()'s inner SELECT and of list().
  const std::string claim = plan("SELECT id FROM jobs WHERE status = 'queued' AND run_after <= 1 ORDER BY id LIMIT 1");
  const std::string by_status =
      plan("SELECT * FROM jobs WHERE 1 AND status = 'failed' AND id < 'z' ORDER BY id DESC LIMIT 51");
  const std::string newest = plan("SELECT * FROM jobs WHERE 1 AND id < 'z' ORDER BY id DESC LIMIT 51");
  INFO(claim << by_status << newest);
  CHECK_THAT(claim, Catch::Contains("USING INDEX jobs_status_id (status=?)"));
  CHECK_THAT(by_status, Catch::Contains("USING INDEX jobs_status_id"));
  CHECK_THAT(newest, Catch::Contains("USING INDEX sqlite_autoindex_jobs_1 (id<?)"));
  CHECK_THAT(claim + by_status + newest, !Catch::Contains("TEMP B-TREE") && !Catch::Contains("SCAN"));
}
