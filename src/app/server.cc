#include "app/server.h"

#include <csignal>
#include <pthread.h>
#include <random>
#include <thread>
#include <unistd.h>

#include <spdlog/spdlog.h>

#include "app/data_dir_lock.h"
#include "jobs/publishing_job_store.h"
#include "engine/render_job_runner.h"
#include "engine/worker_pool.h"
#include "render/narrator.h"
#include "http/api_server.h"
#include "store/migrations.h"
#include "store/sqlite_job_store.h"

namespace deckd {
namespace {

// hostname:pid:random — unique per process, readable in the database.
std::string make_instance_id() {
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  std::random_device rd;
  char suffix[9];
  std::snprintf(suffix, sizeof suffix, "%08x", rd());
  return std::string(host) + ":" + std::to_string(::getpid()) + ":" + suffix;
}

// Blocks SIGTERM and SIGINT in this thread and every thread it starts, so
// that only wait_for_stop_signal() sees them.
sigset_t block_stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

}  // namespace

int run_server(const Config& config) {
  const sigset_t stop_signals = block_stop_signals();
  // Absolute, so a later chdir or a relative path handed to ffmpeg (whose
  // concat scripts resolve paths against the script's own dir) stays right.
  const std::filesystem::path data_dir = std::filesystem::absolute(config.data_dir).lexically_normal();
  std::unique_ptr<DataDirLock> lock;
  std::unique_ptr<SqliteJobStore> store;
  try {
    lock = std::make_unique<DataDirLock>(data_dir);
    std::filesystem::create_directories(data_dir / "jobs");
    store = std::make_unique<SqliteJobStore>((data_dir / "deckd.db").string(), config.durability);
  } catch (const std::exception& e) {
    spdlog::critical("startup.failed error=\"{}\"", e.what());
    return 1;
  }
  SystemClock clock;
  // We hold the data-dir lock: no other process can own a lease here.
  const RescueCounts orphans = store->rescue_all(clock.now());
  if (orphans.requeued + orphans.failed > 0)
    spdlog::warn("startup.recovered requeued={} failed={}", orphans.requeued, orphans.failed);

  std::vector<std::string> voices;
  try {
    voices = installed_voices();
  } catch (const std::exception& e) {
    spdlog::critical("startup.failed error=\"cannot list espeak-ng voices ({}); install espeak-ng\"", e.what());
    return 1;
  }
  RenderJobOptions render_options;
  render_options.jobs_dir = data_dir / "jobs";
  render_options.asset_dir =
      config.asset_dir.empty() ? data_dir / "assets" : std::filesystem::absolute(config.asset_dir).lexically_normal();
  render_options.timeout_base = std::chrono::seconds(config.job_timeout_base_seconds);
  render_options.timeout_per_slide = std::chrono::seconds(config.job_timeout_per_slide_seconds);
  RenderJobRunner runner(render_options);
  WorkerPoolOptions pool_options;
  pool_options.workers = config.workers;
  pool_options.owner = make_instance_id();
  pool_options.lease_ms = config.lease_seconds * 1000LL;
  pool_options.heartbeat_ms = std::max<UnixMillis>(500, pool_options.lease_ms / 4);
  pool_options.retention_ms = config.retention_days * 24LL * 3600 * 1000;
  pool_options.remove_job_files = [jobs = data_dir / "jobs"](const std::string& id) {
    std::error_code ec;
    std::filesystem::remove_all(jobs / id, ec);
  };
  JobEvents events;
  PublishingJobStore published(*store, events);
  WorkerPool pool(published, runner, clock, pool_options);

  ApiOptions api_options;
  api_options.jobs_dir = data_dir / "jobs";
  api_options.max_attempts = config.max_attempts;
  api_options.max_queued_jobs = config.max_queued;
  api_options.voices = std::move(voices);
  // The random part only: event ids need not show the host name.
  api_options.instance_id = pool_options.owner.substr(pool_options.owner.rfind(':') + 1);
  api_options.events.heartbeat = std::chrono::seconds(config.events_heartbeat_seconds);
  ApiServer api(published, pool, events, clock, api_options);
  const int port = api.bind(config.host, config.port);
  if (port < 0) {
    spdlog::critical("startup.failed error=\"cannot listen on {}:{}; is the port in use?\"",
                     config.host, config.port);
    return 1;
  }
  pool.start();
  spdlog::info("deckd.started listen={}:{} data_dir={} workers={} instance={}", config.host,
               port, data_dir.string(), config.workers, pool_options.owner);

  std::thread signal_waiter([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    spdlog::info("deckd.stopping signal={}", sig);
    api.begin_shutdown();
    pool.shutdown(std::chrono::seconds(config.shutdown_grace_seconds));
    api.stop();
  });
  api.serve();
  signal_waiter.join();
  spdlog::info("deckd.stopped");
  return 0;
}

}  // namespace deckd
