// The render pipeline end to end through the real binary, checked with
// ffprobe, pdfinfo and pdftotext: what a user downloads must be right.
#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "support/deckd_process.h"
#include "support/program_output.h"
#include "support/temp_dir.h"
#include "support/wait_until.h"

using namespace deckd::test;
using nlohmann::json;

namespace {

json ffprobe(const std::filesystem::path& file) {
  return json::parse(
      program_output({"ffprobe", "-v", "error", "-print_format", "json", "-show_streams", "-show_format", file}));
}

// The length of `text` spoken by espeak-ng, measured independently of deckd.
double spoken_seconds(const std::string& text, const TempDir& dir) {
  const auto wav = dir / "probe.wav";
  program_output({"espeak-ng", "-v", "en-us", "-w", wav, text});
  return std::stod(ffprobe(wav)["format"]["duration"].get<std::string>());
}

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The pids of `pid`'s running children, space-separated; empty when none.
std::string children_of(pid_t pid) {
  std::string pids;
  for (const auto& task : std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task"))
    pids += read_all(task.path() / "children");
  return pids;
}

json wait_finished(httplib::Client& http, const std::string& id, int seconds = 180) {
  json job;
  wait_until([&] {
    job = get_json(http, "/api/presentations/" + id).body;
    return job["status"] != "queued" && job["status"] != "processing";
  }, std::chrono::seconds(seconds));
  return job;
}

json narrated_request(int slides, const std::vector<std::string>& texts) {
  json req = sample_request(slides, "Narrated");
  req["resolution"] = {1280, 720};
  req["transitions"] = {{{"type", "fade"}, {"duration", 0.5}}};
  req["duration"] = 2;
  req["voiceoverTexts"] = texts;
  req["slidesData"][1]["props"]["title"] = "Привіт, світ";
  return req;
}

}  // namespace

TEST_CASE("a narrated deck becomes a browser-playable MP4 with PDF, captions and thumbnail", "[integration][video]") {
  TempDir dir;
  DeckdProcess deckd(dir / "data");
  auto http = deckd.client();
  const std::vector<std::string> texts = {"Welcome to the quarterly review.", "",
                                          "Revenue grew. Costs fell. Thank you all!"};
  auto created = post_json(http, "/api/presentations", narrated_request(3, texts));
  REQUIRE(created.status == 201);
  const std::string id = created.body["jobId"];
  const json job = wait_finished(http, id);
  INFO(job.dump());
  REQUIRE(job["status"] == "completed");
  const auto files = dir / "data" / "jobs" / id;

  SECTION("the video: H.264/AAC, 1280x720, 30 fps, as long as the narration plus pauses") {
    const json probe = ffprobe(files / "video.mp4");
    int video = 0, audio = 0;
    for (const auto& s : probe["streams"]) {
      if (s["codec_type"] == "video") {
        ++video;
        CHECK(s["codec_name"] == "h264");
        CHECK(s["pix_fmt"] == "yuv420p");
        CHECK(s["width"] == 1280);
        CHECK(s["height"] == 720);
        CHECK(s["r_frame_rate"] == "30/1");
        CHECK(s["avg_frame_rate"] == "30/1");
      } else if (s["codec_type"] == "audio") {
        ++audio;
        CHECK(s["codec_name"] == "aac");
      }
    }
    CHECK(video == 1);
    CHECK(audio == 1);
    const double expected = spoken_seconds(texts[0], dir) + 0.6 + 2.0 + spoken_seconds(texts[2], dir) + 0.6;
    const double duration = std::stod(probe["format"]["duration"].get<std::string>());
    CHECK(duration == Approx(expected).margin(0.2));
    CHECK(job["durationSeconds"].get<double>() == Approx(expected).margin(0.2));
    const std::string bytes = read_all(files / "video.mp4");
    CHECK(bytes.find("moov") < bytes.find("mdat"));  // faststart: playable while downloading
    CHECK(job["videoUrl"] == "/presentations/" + id + "/video");
  }
  SECTION("the PDF has one page per slide with the slides' text") {
    CHECK_THAT(program_output({"pdfinfo", files / "presentation.pdf"}),
               Catch::Matches("[\\s\\S]*Pages:\\s+3\\n[\\s\\S]*"));
    const std::string text = program_output({"pdftotext", files / "presentation.pdf", "-"});
    CHECK_THAT(text, Catch::Contains("Slide 1") && Catch::Contains("Привіт, світ") && Catch::Contains("Second point"));
  }
  SECTION("captions parse and follow the narration") {
    const std::string vtt = read_all(files / "captions.vtt");
    REQUIRE(vtt.rfind("WEBVTT\n", 0) == 0);
    std::istringstream lines(vtt);
    std::string line;
    double last_end = 0, spoken = 0;
    int cues = 0;
    auto seconds = [](const std::string& t) {
      return std::stoi(t.substr(0, 2)) * 3600 + std::stoi(t.substr(3, 2)) * 60 + std::stod(t.substr(6));
    };
    while (std::getline(lines, line)) {
      const auto arrow = line.find(" --> ");
      if (arrow == std::string::npos) continue;
      const double start = seconds(line.substr(0, arrow)), end = seconds(line.substr(arrow + 5));
      CHECK(start >= last_end - 0.001);
      CHECK(end > start);
      spoken += end - start;
      last_end = end;
      ++cues;
    }
    CHECK(cues == 4);  // one sentence, then three
    CHECK(spoken == Approx(spoken_seconds(texts[0], dir) + spoken_seconds(texts[2], dir)).margin(0.05));
  }
  SECTION("the thumbnail is a JPEG and the video route serves ranges") {
    CHECK(read_all(files / "thumbnail.jpg").substr(0, 2) == "\xff\xd8");
    auto range = http.Get("/api/presentations/" + id + "/video", {{"Range", "bytes=100-199"}});
    CHECK(range->status == 206);
    CHECK(range->body.size() == 100);
    CHECK(range->get_header_value("Content-Type") == "video/mp4");
    CHECK(range->get_header_value("Content-Disposition") == "attachment; filename=\"presentation_" + id + ".mp4\"");
    CHECK(http.Get("/api/presentations/" + id + "/thumbnail")->get_header_value("Content-Type") == "image/jpeg");
  }
  SECTION("intermediate files are gone") {
    CHECK_FALSE(std::filesystem::exists(files / "work"));
  }
}

TEST_CASE("voices are listed and a missing voice is refused at create time", "[integration][video]") {
  TempDir dir;
  DeckdProcess deckd(dir / "data");
  auto http = deckd.client();
  const json voices = get_json(http, "/api/voices").body["voices"];
  for (const char* v : {"en-us", "uk", "ru"}) CHECK(std::find(voices.begin(), voices.end(), v) != voices.end());
  json req = sample_request(1);
  req["voiceId"] = "klingon-xx";
  auto refused = post_json(http, "/api/presentations", req);
  CHECK(refused.status == 400);
  CHECK(refused.body["fields"][0]["field"] == "voiceId");
  CHECK(refused.body["voices"] == voices);
  req["voiceProvider"] = "elevenlabs";  // the old client's online voices: narrated offline instead
  auto fallback = post_json(http, "/api/presentations", req);
  REQUIRE(fallback.status == 201);
  const json job = get_json(http, "/api/presentations/" + fallback.body["jobId"].get<std::string>()).body;
  CHECK_THAT(job["warnings"][0].get<std::string>(), Catch::Contains("not available offline"));
}

TEST_CASE("a render killed mid-way resumes from its checkpoints and finishes complete", "[integration][video][crash]") {
  TempDir dir;
  const auto data = dir / "data";
  std::vector<std::string> texts;
  for (int i = 0; i < 12; ++i) texts.push_back("This is slide number " + std::to_string(i + 1) + " of the deck.");
  json req = narrated_request(12, texts);
  req["resolution"] = {1920, 1080};
  std::string id;
  {
    DeckdProcess deckd(data, {"--workers", "1"});
    auto http = deckd.client();
    id = post_json(http, "/api/presentations", req).body["jobId"];
    // Kill once a few slide clips are done, well before all of them are.
    REQUIRE(wait_until([&] {
      return std::filesystem::exists(data / "jobs" / id / "work" / "still-003.mp4");
    }, std::chrono::seconds(120)));
    deckd.kill_hard();
  }
  SQLite::Database db((data / "deckd.db").string(), SQLite::OPEN_READONLY);
  const int recorded = db.execAndGet("SELECT count(*) FROM jobs, json_each(jobs.checkpoints)").getInt();
  CHECK(recorded > 0);

  DeckdProcess deckd(data, {"--workers", "1"});
  auto http = deckd.client();
  const json job = wait_finished(http, id);
  INFO(job.dump());
  REQUIRE(job["status"] == "completed");
  const std::string log = deckd.log();
  const auto at = log.find("render.resumed job=" + id);
  REQUIRE(at != std::string::npos);
  const std::string line = log.substr(at, log.find('\n', at) - at);
  INFO(line);
  // 12 frames + 12 narrations + 12 stills + 11 fades: the second attempt made fewer.
  const int rendered = std::stoi(line.substr(line.find("rendered=") + 9));
  CHECK(rendered < 47);
  CHECK(rendered > 0);
  const json probe = ffprobe(data / "jobs" / id / "video.mp4");
  double expected = 0;
  for (const auto& t : texts) expected += spoken_seconds(t, dir) + 0.6;
  CHECK(std::stod(probe["format"]["duration"].get<std::string>()) == Approx(expected).margin(0.2));
  int pngs = 0;
  for (const auto& f : job["createdFiles"]) pngs += f["contentType"] == "image/png";
  CHECK(pngs == 12);
}

TEST_CASE("cancel stops ffmpeg and espeak-ng within about a second", "[integration][video]") {
  TempDir dir;
  DeckdProcess deckd(dir / "data", {"--workers", "1"});
  auto http = deckd.client();
  std::vector<std::string> texts(30, "A long enough narration to keep the encoder busy for a while.");
  json req = narrated_request(30, texts);
  req["resolution"] = {3840, 2160};
  req["quality"] = "high";
  const std::string id = post_json(http, "/api/presentations", req).body["jobId"];
  REQUIRE(wait_until([&] {
    return std::filesystem::exists(dir / "data" / "jobs" / id / "work" / "narration-002.wav");
  }, std::chrono::seconds(60)));
  const auto started = std::chrono::steady_clock::now();
  auto cancelled = send(http, "POST", "/api/presentations/" + id + "/cancel");
  REQUIRE(cancelled.status == 200);
  // No child of deckd is left running.
  REQUIRE(wait_until([&] { return children_of(deckd.pid()).empty(); }, std::chrono::seconds(3)));
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(2500));
  CHECK_FALSE(std::filesystem::exists(dir / "data" / "jobs" / id / "work"));
  CHECK(get_json(http, "/api/presentations/" + id).body["status"] == "cancelled");
}

TEST_CASE("a render past its time limit fails at once, saying so, and leaves nothing running", "[integration][video]") {
  TempDir dir;
  DeckdProcess deckd(dir / "data", {"--workers", "1", "--job-timeout-base", "1", "--job-timeout-per-slide", "0"});
  auto http = deckd.client();
  std::vector<std::string> texts(30, "A long enough narration to keep the encoder busy for a while.");
  json req = narrated_request(30, texts);
  req["resolution"] = {3840, 2160};
  const std::string id = post_json(http, "/api/presentations", req).body["jobId"];
  const json job = wait_finished(http, id, 60);
  INFO(job.dump());
  REQUIRE(job["status"] == "failed");
  CHECK_THAT(job["error"].get<std::string>(), Catch::Contains("time limit of 1 s"));
  CHECK(job["attempts"] == 1);  // not retried: another attempt would only run out of time again
  CHECK(wait_until([&] { return children_of(deckd.pid()).empty(); }, std::chrono::seconds(3)));
  CHECK_FALSE(std::filesystem::exists(dir / "data" / "jobs" / id / "work"));
}

TEST_CASE("a relative --data-dir (the default is one) renders videos too", "[integration][video]") {
  TempDir dir;
  const auto relative = std::filesystem::relative(dir / "data", std::filesystem::current_path());
  REQUIRE(relative.is_relative());
  DeckdProcess deckd(relative);
  auto http = deckd.client();
  json req = sample_request(2);
  req["resolution"] = {640, 360};
  req["duration"] = 1;
  auto created = post_json(http, "/api/presentations", req);
  REQUIRE(created.status == 201);
  const json job = wait_finished(http, created.body["jobId"]);
  INFO(job.dump());
  CHECK(job["status"] == "completed");
}
