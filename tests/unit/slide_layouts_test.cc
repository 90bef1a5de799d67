// The structured templates draw every word the user typed: checked on the
// PDF, whose text comes from the same drawing code as the PNGs.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <sstream>

#include "render/cancel_token.h"
#include "render/pdf_writer.h"
#include "render/slide_painter.h"
#include "render/slide_renderer.h"
#include "render/theme.h"
#include "support/program_output.h"
#include "support/slides.h"
#include "support/temp_dir.h"

using namespace deckd;
using deckd::test::slide;
using nlohmann::json;

namespace {

std::vector<Slide> structured_slides() {
  return {
      slide("four-box-grid", {{"title", "Quarter"},
                              {"boxes", {{{"heading", "Sales"}, {"text", "grew strongly"}},
                                         {{"heading", "Costs"}, {"text", "fell slightly"}},
                                         {{"heading", "Hiring"}, {"text", "paused"}},
                                         {{"heading", "Churn"}, {"text", "halved"}}}}}),
      slide("process-steps", {{"title", "Onboarding"},
                              {"steps", {{{"title", "Signup"}, {"description", "create account"}},
                                         {{"title", "Verify"}, {"description", "confirm email"}},
                                         {{"title", "Launch"}, {"description", "first deck"}}}}}),
      slide("timeline", {{"title", "History"},
                         {"steps", {{{"heading", "2019"}, {"description", "founded"}},
                                    {{"heading", "2022"}, {"description", "profitable"}}}}}),
      slide("big-numbers", {{"title", "Scale"},
                            {"items", {{{"value", "42%"}, {"label", "margin"}, {"description", "gross"}},
                                       {{"value", "7M"}, {"label", "users"}, {"description", "monthly"}}}}}),
      slide("pyramid", {{"title", "Needs"},
                        {"subtitle", "Maslow"},
                        {"items", {{{"heading", "Purpose"}, {"description", "meaning"}},
                                   {{"heading", "Esteem"}, {"description", "respect"}},
                                   {{"heading", "Safety"}, {"description", "shelter"}}}}}),
      slide("two-column", {{"title", "Compare"},
                           {"leftTitle", "Before"},
                           {"leftContent", "manual exports"},
                           {"rightTitle", "After"},
                           {"rightContent", "one click"},
                           {"columnRatio", "60-40"}}),
      slide("challenges-solutions", {{"title", "Plan"},
                                     {"challenges", {"latency", "cost"}},
                                     {"solutions", {"caching", "batching"}}}),
      slide("bullet-points", {{"title", "Agenda"},
                              {"bullets", {"welcome", "roadmap", "questions", "closing"}},
                              {"maxColumns", 2},
                              {"bulletStyle", "number"}}),
  };
}

// Every word of every string in `props`, flattened.
void collect_words(const json& v, std::vector<std::string>& words) {
  if (v.is_string()) {
    std::istringstream in(v.get<std::string>());
    for (std::string w; in >> w;) words.push_back(w);
  } else if (v.is_structured()) {
    for (const auto& e : v) collect_words(e, words);
  }
}

}  // namespace

TEST_CASE("every structured template draws every word it was given", "[render][layout]") {
  test::TempDir dir;
  Presentation deck;
  deck.slides = structured_slides();
  SlidePainter painter(default_theme(), 1920, 1080);
  write_deck_pdf(deck, painter, dir / "deck.pdf", CancelToken{});
  for (std::size_t i = 0; i < deck.slides.size(); ++i) {
    const std::string page = std::to_string(i + 1);
    const std::string text =
        test::program_output({"pdftotext", "-q", "-f", page, "-l", page, dir / "deck.pdf", "-"});
    std::vector<std::string> words;
    collect_words(deck.slides[i].props, words);
    for (const auto& w : words) {
      if (w == "60-40" || w == "number") continue;  // settings, not text
      INFO(deck.slides[i].template_id << " page: " << text);
      CHECK(text.find(w) != std::string::npos);
    }
  }
  // The defaults for the column headings are drawn too, and steps are numbered.
  const std::string plan = test::program_output({"pdftotext", "-q", "-f", "7", "-l", "7", dir / "deck.pdf", "-"});
  CHECK(plan.find("Challenges") != std::string::npos);
  CHECK(plan.find("Solutions") != std::string::npos);
}

TEST_CASE("structured templates fit their text at small frames without warnings", "[render][layout]") {
  test::TempDir dir;
  for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1280, 720}, std::pair{640, 360}}) {
    SlidePainter painter(default_theme(), w, h);
    const auto slides = structured_slides();
    for (std::size_t i = 0; i < slides.size(); ++i) {
      std::vector<std::string> warnings;
      const auto png = dir / (slides[i].template_id + "-" + std::to_string(w) + ".png");
      render_slide_png(painter, slides[i], int(i), w, h, png, warnings);
      INFO(slides[i].template_id << " at " << w << "x" << h);
      CHECK(warnings.empty());
      if (const char* keep = std::getenv("DECKD_KEEP_SLIDES"))
        std::filesystem::copy_file(png, std::filesystem::path(keep) / png.filename(),
                                   std::filesystem::copy_options::overwrite_existing);
    }
  }
}
