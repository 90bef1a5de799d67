// A presenter video placed on the slides by each layout: checked on frames
// decoded from the finished MP4 by ffmpeg itself.
#include <catch2/catch.hpp>

#include <cairo.h>

#include "render/cairo_handles.h"
#include "support/deckd_process.h"
#include "support/program_output.h"
#include "support/temp_dir.h"
#include "support/wait_until.h"

using namespace deckd;
using namespace deckd::test;
using nlohmann::json;

namespace {

// A one-second solid red clip: shorter than the deck, so it must loop.
void make_red_clip(const std::filesystem::path& path) {
  program_output({"ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", "color=c=red:s=320x240:r=25:d=1",
                  "-c:v", "libx264", "-pix_fmt", "yuv420p", path});
}

// Whether the frame at `seconds` is clearly red at (x, y).
bool red_at(const std::filesystem::path& video, double seconds, int x, int y, const TempDir& dir) {
  const auto png = dir / "frame.png";
  program_output({"ffmpeg", "-nostdin", "-v", "error", "-y", "-ss", std::to_string(seconds), "-i", video,
                  "-frames:v", "1", png});
  CairoSurface img(cairo_image_surface_create_from_png(png.c_str()));
  REQUIRE(cairo_surface_status(img.get()) == CAIRO_STATUS_SUCCESS);
  const unsigned char* data = cairo_image_surface_get_data(img.get());
  const uint32_t px = *reinterpret_cast<const uint32_t*>(data + y * cairo_image_surface_get_stride(img.get()) + x * 4);
  return ((px >> 16) & 0xff) > 200 && ((px >> 8) & 0xff) < 60 && (px & 0xff) < 60;
}

json presenter_request(const std::string& layout, const std::string& video) {
  json req = sample_request(2, "Presenter " + layout);
  req["resolution"] = {640, 360};
  req["duration"] = 1.5;
  req["layout"] = layout;
  req["presenterVideo"] = video;
  req["slidesData"][0]["avatarPosition"] = "top-left";
  return req;
}

json finish(httplib::Client& http, const json& request) {
  auto created = post_json(http, "/api/presentations", request);
  REQUIRE(created.status == 201);
  const std::string id = created.body["jobId"];
  json job;
  REQUIRE(wait_until([&] {
    job = get_json(http, "/api/presentations/" + id).body;
    return job["status"] != "queued" && job["status"] != "processing";
  }, std::chrono::seconds(120)));
  INFO(job.dump());
  REQUIRE(job["status"] == "completed");
  return job;
}

}  // namespace

TEST_CASE("a presenter video is placed by each layout", "[integration][video][presenter]") {
  TempDir dir;
  std::filesystem::create_directories(dir / "assets");
  make_red_clip(dir / "assets" / "host.mp4");
  DeckdProcess deckd(dir / "data", {"--asset-dir", (dir / "assets").string()});
  auto http = deckd.client();
  auto video_of = [&](const json& job) { return dir / "data" / "jobs" / job["jobId"].get<std::string>() / "video.mp4"; };

  SECTION("picture_in_picture follows each slide's avatarPosition, looping the clip") {
    const json job = finish(http, presenter_request("picture_in_picture", "host.mp4"));
    CHECK(job["warnings"].empty());
    CHECK(job["durationSeconds"].get<double>() == Approx(3.0).margin(0.2));
    const auto video = video_of(job);
    CHECK(red_at(video, 0.5, 40, 40, dir));      // slide 1: top-left
    CHECK_FALSE(red_at(video, 0.5, 600, 320, dir));
    CHECK(red_at(video, 2.5, 600, 320, dir));    // slide 2: bottom-right, a second after the clip ended
    CHECK_FALSE(red_at(video, 2.5, 40, 40, dir));
  }
  SECTION("side_by_side and split_screen put the presenter on the right, the slide on the left") {
    for (const char* layout : {"side_by_side", "split_screen"}) {
      INFO(layout);
      const auto video = video_of(finish(http, presenter_request(layout, "host.mp4")));
      CHECK(red_at(video, 1.0, 560, 180, dir));
      CHECK_FALSE(red_at(video, 1.0, 100, 180, dir));
    }
  }
  SECTION("a data: URL works like a file") {
    const std::string bytes = program_output({"base64", "-w0", dir / "assets" / "host.mp4"});
    const json job = finish(http, presenter_request("split_screen", "data:video/mp4;base64," + bytes));
    CHECK(job["warnings"].empty());
    CHECK(red_at(video_of(job), 1.0, 560, 180, dir));
  }
  SECTION("a presenter that is not a playable video is a warning, not a failure") {
    {
      std::ofstream junk(dir / "assets" / "junk.mp4");
      junk << "not a video";
    }
    const json job = finish(http, presenter_request("picture_in_picture", "junk.mp4"));
    REQUIRE(job["warnings"].size() == 1);
    CHECK_THAT(job["warnings"][0].get<std::string>(), Catch::Contains("presenterVideo"));
    CHECK_FALSE(red_at(video_of(job), 0.5, 40, 40, dir));
  }
  SECTION("a presenter outside the asset dir or on the web is refused at create time") {
    for (const char* ref : {"/etc/passwd", "../secret.mp4", "https://example.com/a.mp4", "data:image/png;base64,AA"}) {
      auto r = post_json(http, "/api/presentations", presenter_request("split_screen", ref));
      INFO(ref);
      CHECK(r.status == 400);
      CHECK(r.body.dump().find("presenterVideo") != std::string::npos);
    }
  }
}
