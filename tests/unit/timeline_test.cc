#include <catch2/catch.hpp>

#include "render/captions.h"
#include "render/timeline.h"
#include "render/video_encoder.h"

using namespace deckd;

namespace {

Presentation deck_of(int n) {
  Presentation p;
  p.slides.resize(n);
  return p;
}

}  // namespace

TEST_CASE("each slide lasts its narration plus a pause, in whole frames", "[render][timeline]") {
  Presentation p = deck_of(3);
  p.slide_seconds = 2.0;
  const Timeline t = plan_timeline(p, {4.0, 0.0, 1.234});
  REQUIRE(t.slides.size() == 3);
  CHECK(t.slides[0].frames == std::lround((4.0 + kPauseAfterNarration) * kFps));
  CHECK(t.slides[1].frames == 2 * kFps);
  CHECK(t.slides[2].frames == std::lround((1.234 + kPauseAfterNarration) * kFps));
  CHECK(t.slides[1].first_frame == t.slides[0].frames);
  CHECK(t.total_frames == t.slides[0].frames + t.slides[1].frames + t.slides[2].frames);
  CHECK(t.slides[2].fade_frames == 0);
}

TEST_CASE("a slide without narration lasts five seconds by default", "[render][timeline]") {
  const Timeline t = plan_timeline(deck_of(1), {0.0});
  CHECK(t.slides[0].frames == 5 * kFps);
}

TEST_CASE("a fade never covers narration and never follows the last slide", "[render][timeline]") {
  Presentation p = deck_of(3);
  p.transitions = {{"fade", 2.0}};
  const Timeline t = plan_timeline(p, {3.0, 3.0, 3.0});
  // Only the pause after the narration is free for the fade.
  CHECK(t.slides[0].fade_frames == std::lround(kPauseAfterNarration * kFps));
  CHECK(t.slides[2].fade_frames == 0);
  Presentation cut = deck_of(2);
  cut.transitions = {{"none", 1.0}};
  CHECK(plan_timeline(cut, {0, 0}).slides[0].fade_frames == 0);
  Presentation odd = deck_of(2);
  odd.transitions = {{"spiral", 0.5}};
  const Timeline w = plan_timeline(odd, {0, 0});
  CHECK(w.slides[0].fade_frames == 15);
  CHECK(w.warnings.size() == 1);
}

TEST_CASE("the concat script plays every frame of every slide", "[render][timeline]") {
  Presentation p = deck_of(2);
  p.transitions = {{"fade", 0.5}};
  const Timeline t = plan_timeline(p, {2.5, 1.0});
  const std::string script = concat_script(t, {"a.mp4", "b.mp4"}, {"fa.mp4", ""});
  double total = 0;
  for (std::size_t pos = 0; (pos = script.find("duration ", pos)) != std::string::npos; pos += 9)
    total += std::stod(script.substr(pos + 9));
  CHECK(total == Approx(t.total_seconds()).margin(1e-5));
  // Absolute: ffmpeg resolves relative paths against the script's own dir.
  CHECK(script.find("file '" + (std::filesystem::current_path() / "fa.mp4").string() + "'") != std::string::npos);
  CHECK(script.find("outpoint") != std::string::npos);
}

TEST_CASE("captions split narration into sentences timed within their slide", "[render][captions]") {
  Presentation p = deck_of(2);
  p.slides[0].narration = "First sentence. Second one is longer!";
  p.slides[1].narration = "Only <one> & done";
  const Timeline t = plan_timeline(p, {3.0, 2.0});
  const std::string vtt = make_webvtt(p, t);
  CHECK(vtt.rfind("WEBVTT\n", 0) == 0);
  CHECK_THAT(vtt, Catch::Contains("00:00:00.000 --> "));
  CHECK_THAT(vtt, Catch::Contains("Second one is longer!\n"));
  CHECK_THAT(vtt, Catch::Contains("Only &lt;one&gt; &amp; done"));
  CHECK_THAT(vtt, Catch::Contains(vtt_timestamp(t.slides[1].start_seconds()) + " --> " +
                                  vtt_timestamp(t.slides[1].start_seconds() + 2.0)));
  CHECK(vtt_timestamp(3723.4567) == "01:02:03.457");
}
