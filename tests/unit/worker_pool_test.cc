// The engine against a real SQLite store, a FakeClock and a scripted runner.
#include <catch2/catch.hpp>

#include <deque>
#include <mutex>

#include "engine/worker_pool.h"
#include "jobs/job_id.h"
#include "jobs/permanent_error.h"
#include "store/sqlite_job_store.h"
#include "support/temp_dir.h"
#include "support/wait_until.h"

using namespace deckd;
using test::wait_until;

namespace {

constexpr UnixMillis kT0 = 1'780'000'000'000;

enum class Step { kSucceed, kTransient, kPermanent, kBlockUntilCancelled, kBackwardsProgress };

// A JobRunner that does, per call, the next scripted step (then succeeds).
class ScriptedRunner final : public JobRunner {
 public:
  explicit ScriptedRunner(std::deque<Step> steps) : steps_(std::move(steps)) {}

  Completion run(const Job& job, const ProgressFn& progress, const CheckpointFn& checkpoint,
                 const CancelToken& cancel) override {
    Step step = Step::kSucceed;
    {
      std::lock_guard lock(mu_);
      ++calls_;
      if (!steps_.empty()) {
        step = steps_.front();
        steps_.pop_front();
      }
    }
    progress(10, "working");
    checkpoint("slide-001.png", 1);
    switch (step) {
      case Step::kTransient: throw std::runtime_error("disk hiccup");
      case Step::kPermanent: throw PermanentError("slide 2 cannot be drawn");
      case Step::kBlockUntilCancelled:
        blocked_ = true;
        while (!cancel.is_cancelled()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
        cancel.throw_if_cancelled();
        break;
      case Step::kBackwardsProgress:
        progress(60, "a");
        progress(30, "b");
        break;
      case Step::kSucceed: break;
    }
    return {{{"slide-001.png", 1, "image/png"}}, {}, std::nullopt};
  }
  int calls() {
    std::lock_guard lock(mu_);
    return calls_;
  }
  std::atomic<bool> blocked_{false};

 private:
  std::mutex mu_;
  std::deque<Step> steps_;
  int calls_ = 0;
};

struct EngineFixture {
  explicit EngineFixture(std::deque<Step> steps, int workers = 1, UnixMillis idle_poll_ms = 10)
      : store((dir / "deckd.db").string(), Durability::kNormal), runner(std::move(steps)),
        clock(kT0), pool(store, runner, clock, options(workers, idle_poll_ms)) {}

  WorkerPoolOptions options(int workers, UnixMillis idle_poll_ms) {
    WorkerPoolOptions o;
    o.workers = workers;
    o.owner = "test-instance";
    o.lease_ms = 30'000;
    o.heartbeat_ms = 20;
    o.rescue_interval_ms = 0;
    o.idle_poll_ms = idle_poll_ms;
    o.retry.base_delay_ms = 2000;
    o.on_maintenance_pass = [this] { ++maintenance_passes; };
    return o;
  }
  std::string add() {
    const std::string id = ids.next(clock.now());
    store.create({id, "Deck", 1, 3, "{}", {}, {}, clock.now()});
    pool.notify_job_queued();
    return id;
  }
  JobStatus status(const std::string& id) { return store.get(id)->status; }
  ~EngineFixture() { pool.shutdown(std::chrono::milliseconds(0)); }

  test::TempDir dir;
  SqliteJobStore store;
  ScriptedRunner runner;
  FakeClock clock;
  std::atomic<int> maintenance_passes{0};
  WorkerPool pool;
  JobIdGenerator ids;
};

}  // namespace

TEST_CASE("a queued job is run to completion", "[engine]") {
  EngineFixture f({});
  f.pool.start();
  const std::string id = f.add();
  REQUIRE(wait_until([&] { return f.status(id) == JobStatus::kCompleted; }));
  const Job j = *f.store.get(id);
  CHECK(j.progress == 100);
  CHECK(j.attempts == 1);
  CHECK(j.created_files.size() == 1);
}

TEST_CASE("a new job wakes an idle worker at once, not at its next poll", "[engine]") {
  EngineFixture f({}, 2, /*idle_poll_ms=*/600'000);
  f.pool.start();
  REQUIRE(wait_until([&] { return f.maintenance_passes > 0; }));  // the workers are up and idle
  const std::string id = f.add();
  // A worker that only polled would sleep for ten minutes.
  CHECK(wait_until([&] { return f.status(id) == JobStatus::kCompleted; }, std::chrono::seconds(10)));
}

TEST_CASE("a transient failure is retried with backoff, then succeeds", "[engine]") {
  EngineFixture f({Step::kTransient, Step::kTransient});
  f.pool.start();
  const std::string id = f.add();
  REQUIRE(wait_until([&] { return f.runner.calls() == 1 && f.status(id) == JobStatus::kQueued; }));
  Job waiting = *f.store.get(id);
  CHECK(waiting.run_after == kT0 + 2000);
  CHECK(waiting.error == "disk hiccup");
  f.clock.advance_ms(2000);
  REQUIRE(wait_until([&] { return f.runner.calls() == 2 && f.status(id) == JobStatus::kQueued; }));
  CHECK(f.store.get(id)->run_after == kT0 + 2000 + 4000);  // doubled
  f.clock.advance_ms(4000);
  REQUIRE(wait_until([&] { return f.status(id) == JobStatus::kCompleted; }));
  CHECK(f.store.get(id)->attempts == 3);
  CHECK_FALSE(f.store.get(id)->error);
}

TEST_CASE("a job that fails transiently on every attempt ends failed", "[engine]") {
  EngineFixture f({Step::kTransient, Step::kTransient, Step::kTransient});
  f.pool.start();
  const std::string id = f.add();
  for (int i = 0; i < 2; ++i) {
    REQUIRE(wait_until([&] { return f.runner.calls() == i + 1 && f.status(id) == JobStatus::kQueued; }));
    f.clock.advance_ms(60'000);
  }
  REQUIRE(wait_until([&] { return f.status(id) == JobStatus::kFailed; }));
  CHECK_THAT(f.store.get(id)->error.value_or(""), Catch::Contains("disk hiccup") && Catch::Contains("3 attempts"));
}

TEST_CASE("a permanent failure fails the job at once", "[engine]") {
  EngineFixture f({Step::kPermanent});
  f.pool.start();
  const std::string id = f.add();
  REQUIRE(wait_until([&] { return f.status(id) == JobStatus::kFailed; }));
  CHECK(f.store.get(id)->error == "slide 2 cannot be drawn");
  CHECK(f.runner.calls() == 1);
}

TEST_CASE("cancel stops a running job and nothing overwrites the cancel", "[engine]") {
  EngineFixture f({Step::kBlockUntilCancelled});
  f.pool.start();
  const std::string id = f.add();
  REQUIRE(wait_until([&] { return f.runner.blocked_.load(); }));
  REQUIRE(f.store.cancel(id, f.clock.now()));
  CHECK(f.pool.stop_local(id, std::chrono::seconds(1)));
  CHECK(f.status(id) == JobStatus::kCancelled);
  CHECK(f.pool.busy_workers() == 0);
}

TEST_CASE("a worker that lost its lease is stopped by the heartbeat and writes nothing", "[engine]") {
  EngineFixture f({Step::kBlockUntilCancelled});
  f.pool.start();
  const std::string id = f.add();
  REQUIRE(wait_until([&] { return f.runner.blocked_.load(); }));
  // Another node decides this worker is gone and takes the job over; this
  // worker's next heartbeat must notice and stop it.
  REQUIRE(f.store.rescue_all(f.clock.now()).requeued == 1);
  REQUIRE(f.store.claim("other-node", f.clock.now(), f.clock.now() + 30'000));
  REQUIRE(wait_until([&] { return f.pool.busy_workers() == 0; }));
  const Job j = *f.store.get(id);
  CHECK(j.status == JobStatus::kProcessing);
  CHECK(j.lease_owner == "other-node");
  CHECK(j.created_files.empty());
}

TEST_CASE("an expired lease is rescued by the maintenance loop", "[engine]") {
  EngineFixture f({});
  const std::string id = f.add();
  REQUIRE(f.store.claim("crashed-node", kT0, kT0 + 1000));
  f.clock.advance_ms(1001);
  f.pool.start();
  REQUIRE(wait_until([&] { return f.status(id) == JobStatus::kCompleted; }));
  CHECK(f.store.get(id)->attempts == 2);
}

TEST_CASE("progress reported backwards is kept monotonic", "[engine]") {
  EngineFixture f({Step::kBackwardsProgress});
  f.pool.start();
  const std::string id = f.add();
  REQUIRE(wait_until([&] { return f.status(id) == JobStatus::kCompleted; }));
  CHECK(f.store.get(id)->progress == 100);
}

TEST_CASE("shutdown releases a job that outlives the grace period", "[engine]") {
  EngineFixture f({Step::kBlockUntilCancelled});
  f.pool.start();
  const std::string id = f.add();
  REQUIRE(wait_until([&] { return f.runner.blocked_.load(); }));
  f.pool.shutdown(std::chrono::milliseconds(50));
  const Job j = *f.store.get(id);
  CHECK(j.status == JobStatus::kQueued);
  CHECK(j.attempts == 0);
  CHECK_FALSE(j.lease_owner);
}

TEST_CASE("several workers run jobs in parallel, each exactly once", "[engine]") {
  EngineFixture f({}, 4);
  f.pool.start();
  std::vector<std::string> ids;
  for (int i = 0; i < 40; ++i) ids.push_back(f.add());
  REQUIRE(wait_until([&] { return f.store.count_by_status()[JobStatus::kCompleted] == 40; }));
  CHECK(f.runner.calls() == 40);
  CHECK(wait_until([&] { return f.maintenance_passes > 0; }));
}

TEST_CASE("finished jobs past the retention period are deleted with their files", "[engine]") {
  test::TempDir dir;
  SqliteJobStore store((dir / "deckd.db").string(), Durability::kNormal);
  ScriptedRunner runner({});
  FakeClock clock(kT0);
  std::mutex mu;
  std::vector<std::string> removed;
  WorkerPoolOptions o;
  o.owner = "me";
  o.heartbeat_ms = 10;
  o.rescue_interval_ms = 0;
  o.idle_poll_ms = 10;
  o.retention_ms = 60'000;
  o.remove_job_files = [&](const std::string& id) {
    std::lock_guard lock(mu);
    removed.push_back(id);
  };
  WorkerPool pool(store, runner, clock, o);
  JobIdGenerator ids;
  const std::string id = ids.next(kT0);
  store.create({id, "Deck", 1, 3, "{}", {}, {}, kT0});
  pool.start();
  REQUIRE(wait_until([&] { return store.get(id)->status == JobStatus::kCompleted; }));
  clock.advance_ms(60'001);
  REQUIRE(wait_until([&] { return !store.get(id); }));
  pool.shutdown(std::chrono::milliseconds(0));
  std::lock_guard lock(mu);
  CHECK(removed == std::vector<std::string>{id});
}
