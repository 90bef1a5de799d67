// EventReader holds one GET /api/events stream open on a thread and keeps
// what arrives, parsed into events, for tests to wait on.
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace deckd::test {

struct SseEvent {
  std::string event;  // "message" when the server named none
  std::string id;
  std::string data;
};

class EventReader {
 public:
  EventReader(int port, std::string last_event_id = "") {
    thread_ = std::thread([this, port, last_event_id] {
      httplib::Client client("127.0.0.1", port);
      client.set_read_timeout(30);
      httplib::Headers headers;
      if (!last_event_id.empty()) headers.emplace("Last-Event-ID", last_event_id);
      auto res = client.Get("/api/events", headers, [this](const char* data, std::size_t n) {
        std::lock_guard lock(mu_);
        text_.append(data, n);
        return !stop_;
      });
      std::lock_guard lock(mu_);
      status_ = res ? res->status : -1;
      ended_ = true;
    });
  }
  ~EventReader() {
    stop_ = true;
    thread_.join();  // returns at the next chunk: run servers with a short heartbeat
  }

  // The raw stream so far.
  std::string text() const {
    std::lock_guard lock(mu_);
    return text_;
  }
  bool ended() const {
    std::lock_guard lock(mu_);
    return ended_;
  }
  int status() const {
    std::lock_guard lock(mu_);
    return status_;
  }

  // Complete events so far (comments and retry lines dropped).
  std::vector<SseEvent> events() const {
    std::vector<SseEvent> out;
    const std::string all = text();
    std::size_t start = 0;
    for (std::size_t end; (end = all.find("\n\n", start)) != std::string::npos; start = end + 2) {
      SseEvent e{"message", "", ""};
      bool any = false;
      std::size_t pos = start;
      while (pos < end) {
        const std::size_t eol = all.find('\n', pos);
        const std::string line = all.substr(pos, std::min(eol, end) - pos);
        pos = std::min(eol, end) + 1;
        const auto colon = line.find(": ");
        if (colon == std::string::npos || colon == 0) continue;
        const std::string key = line.substr(0, colon), value = line.substr(colon + 2);
        if (key == "event") e.event = value, any = true;
        if (key == "id") e.id = value;
        if (key == "data") e.data += value, any = true;
      }
      if (any) out.push_back(e);
    }
    return out;
  }

  // The job events for `job_id`, as their JSON data.
  std::vector<nlohmann::json> job_events(const std::string& job_id) const {
    std::vector<nlohmann::json> out;
    for (const auto& e : events()) {
      if (e.event != "job") continue;
      auto data = nlohmann::json::parse(e.data);
      if (data["jobId"] == job_id) out.push_back(data);
    }
    return out;
  }

 private:
  mutable std::mutex mu_;
  std::string text_;  // guarded by mu_
  bool ended_ = false;
  int status_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace deckd::test
