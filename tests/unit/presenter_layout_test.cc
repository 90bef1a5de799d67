#include <catch2/catch.hpp>

#include "render/presenter_layout.h"

using namespace deckd;

TEST_CASE("avatarPosition spellings map to corners", "[render][presenter]") {
  CHECK(parse_corner("top-left") == Corner::kTopLeft);
  CHECK(parse_corner("Top Right") == Corner::kTopRight);
  CHECK(parse_corner("bottom_left") == Corner::kBottomLeft);
  CHECK(parse_corner("right") == Corner::kBottomRight);
  CHECK(parse_corner("none") == Corner::kHidden);
  CHECK_FALSE(parse_corner("middle").has_value());
}

TEST_CASE("picture_in_picture moves at slide boundaries and hides where asked", "[render][presenter]") {
  const std::string f = presenter_filter("picture_in_picture", 1920, 1080, {0.1, 0.1, 0.3},
                                         {{0, 4, Corner::kTopLeft}, {4, 9, Corner::kHidden}, {9, 12, Corner::kBottomRight}});
  CHECK_THAT(f, Catch::Contains("if(lt(t,4.000),42,"));  // left margin until the first slide ends
  CHECK_THAT(f, Catch::Contains("enable='not(between(t,4.000,9.000))'"));
  CHECK_THAT(f, Catch::EndsWith("[v]"));
}

TEST_CASE("split layouts keep every size even for yuv420p", "[render][presenter]") {
  for (const char* layout : {"side_by_side", "split_screen"}) {
    const std::string f = presenter_filter(layout, 1278, 720, {0, 0, 0}, {{0, 1, Corner::kBottomRight}});
    INFO(f);
    CHECK_THAT(f, Catch::Contains("color=c=0x000000:s=1278x720"));
    for (std::size_t pos = 0; (pos = f.find("scale=", pos)) != std::string::npos; ++pos) {
      const int w = std::stoi(f.substr(pos + 6));
      CHECK(w % 2 == 0);
    }
  }
}

TEST_CASE("presenter spans follow the timeline; an unknown corner is a warning", "[render][presenter]") {
  Presentation deck;
  deck.slides.resize(2);
  deck.slides[0].avatar_position = "top-left";
  deck.slides[1].avatar_position = "middle";
  Timeline timeline;
  timeline.slides = {{0, 90, 0, 0}, {90, 60, 0, 0}};
  std::vector<std::string> warnings;
  const auto spans = presenter_spans(deck, timeline, warnings);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].corner == Corner::kTopLeft);
  CHECK(spans[0].end_seconds == Approx(3.0));
  CHECK(spans[1].start_seconds == Approx(3.0));
  CHECK(spans[1].corner == Corner::kBottomRight);
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0], Catch::StartsWith("slide 2: avatarPosition \"middle\""));
}
