#include "render/render_pipeline.h"

#include <atomic>
#include <cstdio>
#include <mutex>

#include "jobs/permanent_error.h"
#include "render/atomic_file.h"
#include "render/captions.h"
#include "render/child_process.h"
#include "render/narrator.h"
#include "render/parallel_for.h"
#include "render/pdf_writer.h"
#include "render/presenter_layout.h"
#include "render/presenter_source.h"
#include "render/slide_renderer.h"
#include "render/theme.h"
#include "render/timeline.h"
#include "render/video_encoder.h"
#include "render/wav.h"

namespace deckd {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;

constexpr double kPresenterUnitsPerSlide = 12;

Theme pick_theme(const std::string& name, std::vector<std::string>& warnings) {
  if (auto t = find_theme(name)) return *t;
  std::string known;
  for (const auto& n : theme_names()) known += (known.empty() ? "" : ", ") + n;
  warnings.push_back("theme \"" + name + "\" is unknown (known: " + known + "); used dark-purple");
  return default_theme();
}

std::string numbered(const char* prefix, int index, const char* ext) {
  char name[48];
  std::snprintf(name, sizeof name, "%s-%03d.%s", prefix, index + 1, ext);
  return name;
}

// A crash can leave temporaries behind; nothing points at them.
void remove_stale_temporaries(const fs::path& dir) {
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().filename().string().find(".tmp-") != std::string::npos) fs::remove(entry.path());
  }
}

// The state of one run: progress accounting, checkpoints, deadline.
class RenderRun {
 public:
  RenderRun(const Presentation& deck, const RenderContext& ctx, const CancelToken& cancel)
      : deck_(deck), ctx_(ctx), cancel_(cancel), work_(ctx.out_dir / "work"),
        n_(static_cast<int>(deck.slides.size())),
        deadline_(ctx.time_limit.count() > 0 ? std::chrono::steady_clock::now() + ctx.time_limit
                                             : std::chrono::steady_clock::time_point::max()),
        painter_theme_(pick_theme(deck.theme, out_.warnings)),
        painter_(painter_theme_, deck.width, deck.height, ctx.asset_dir),
        encoder_(encoder_settings(deck.quality, deck.width, deck.height), deadline_) {
    fs::create_directories(work_);
    remove_stale_temporaries(ctx.out_dir);
    remove_stale_temporaries(work_);
    // Units of work, weighted by what they cost: frames 1, narration 1,
    // a still clip 3, a fade 3, assembly 1 per slide, PDF 0.3 per slide,
    // and composing a presenter video (every frame encoded) 12 per slide.
    presenter_ = deck.slide_only ? std::nullopt : locate_presenter();
    total_units_ = n_ * (deck.slide_only ? 1.3 : 9.3) + (presenter_ ? kPresenterUnitsPerSlide * n_ : 0) + 1;
  }

  RenderOutput run() {
    try {
      timed("frames_and_narration", [&] { draw_frames_and_narrate(); });
      if (!deck_.slide_only) make_video();
      timed("documents", [&] { finish_documents(); });
    } catch (const ProcessError&) {
      check_time();  // a child stopped by the deadline is the time limit, not a glitch to retry
      throw;
    }
    fs::remove_all(work_);
    progress_done(0, "completed");
    return std::move(out_);
  }

 private:
  void draw_frames_and_narrate() {
    std::atomic<int> drawn{0};
    parallel_for(n_, ctx_.threads, [&](int i) {
      ensure(slide_png_name(i), [&](const fs::path& p) {
        std::vector<std::string> ignored;  // collected below, in slide order
        render_slide_png(painter_, deck_.slides[i], i, deck_.width, deck_.height, p, ignored);
      });
      progress_done(1, "rendering slides " + std::to_string(++drawn) + "/" + std::to_string(n_));
      if (!deck_.slide_only && !deck_.slides[i].narration.empty()) {
        ensure("work/" + numbered("narration", i, "wav"), [&](const fs::path& p) {
          speak_to_wav(deck_.slides[i].narration, deck_.voice_id, p, cancel_, time_until(deadline_));
        });
      }
      progress_done(1, "narrating");
    });
    for (int i = 0; i < n_; ++i) collect_slide_warnings(painter_, deck_.slides[i], i, out_.warnings);
  }

  void make_video() {
    std::vector<double> narration(n_, 0.0);
    PcmAudio track;
    std::vector<PcmAudio> voices(n_);
    for (int i = 0; i < n_; ++i) {
      const fs::path wav = work_ / numbered("narration", i, "wav");
      if (fs::exists(wav)) {
        voices[i] = read_wav(wav);
        narration[i] = voices[i].seconds();
        track.sample_rate = voices[i].sample_rate;
      }
    }
    const Timeline timeline = plan_timeline(deck_, narration);
    out_.warnings.insert(out_.warnings.end(), timeline.warnings.begin(), timeline.warnings.end());
    write_track(timeline, voices, track.sample_rate);
    std::vector<fs::path> stills(n_), fades(n_);
    std::atomic<int> encoded{0};
    // The audio encodes on its own thread while the clips encode; it is
    // handed out first, so it never runs alone at the end.
    timed("clips", [&] { parallel_for(n_ + 1, ctx_.threads + 1, [&](int job) {
      if (job == 0) {
        encoder_.encode_audio(work_ / "track.wav", work_ / "track.m4a", cancel_);
        return;
      }
      const int i = job - 1;
      stills[i] = ensure("work/" + numbered("still", i, "mp4"), [&](const fs::path& p) {
        encoder_.encode_still(ctx_.out_dir / slide_png_name(i), p, cancel_);
      });
      progress_done(3, "encoding video " + std::to_string(++encoded) + "/" + std::to_string(n_));
      if (timeline.slides[i].fade_frames > 0) {
        const std::string name = numbered("fade", i, "") + std::to_string(timeline.slides[i].fade_frames) + ".mp4";
        fades[i] = ensure("work/" + name, [&](const fs::path& p) {
          encoder_.encode_fade(ctx_.out_dir / slide_png_name(i), ctx_.out_dir / slide_png_name(i + 1),
                               timeline.slides[i].fade_frames, p, cancel_);
        });
      }
      progress_done(3, "encoding video " + std::to_string(encoded) + "/" + std::to_string(n_));
    }); });
    check_time();
    const fs::path assembled = presenter_ ? work_ / "slides.mp4" : ctx_.out_dir / kVideoName;
    timed("assembly", [&] {
      StepProgress step(*this, n_, timeline.total_seconds(), "assembling video");
      encoder_.assemble(timeline, stills, fades, work_ / "track.m4a", work_, assembled, cancel_, step.reporter());
      step.finish();
    });
    if (presenter_) timed("presenter", [&] { compose_presenter(timeline, assembled); });
    progress_done(0, "writing captions");
    write_text(kCaptionsName, make_webvtt(deck_, timeline));
    out_.duration_seconds = timeline.total_seconds();
  }

  // The presenter video as a readable file, or nullopt (with a warning)
  // when the request names none that ffmpeg can play.
  std::optional<fs::path> locate_presenter() {
    if (deck_.presenter_video.empty()) return std::nullopt;
    PresenterSource source = locate_presenter_video(deck_.presenter_video, ctx_.asset_dir, work_, encoder_, cancel_);
    if (!source.problem.empty())
      out_.warnings.push_back("presenterVideo " + source.problem + "; rendered the slides without a presenter");
    return source.file;
  }

  void compose_presenter(const Timeline& timeline, const fs::path& assembled) {
    const std::vector<PresenterSpan> spans = presenter_spans(deck_, timeline, out_.warnings);
    const EncoderSettings& settings = encoder_.settings();
    const std::string filter =
        presenter_filter(deck_.layout, settings.width, settings.height, painter_theme_.background, spans);
    StepProgress step(*this, kPresenterUnitsPerSlide * n_, timeline.total_seconds(), "adding the presenter video");
    encoder_.compose_presenter(assembled, *presenter_, filter, ctx_.out_dir / kVideoName, cancel_, step.reporter());
    step.finish();
  }

  // Spreads a long ffmpeg step's `units` over the seconds of video it has
  // written, as it reports them; finish() credits what is left.
  class StepProgress {
   public:
    StepProgress(RenderRun& run, double units, double video_seconds, std::string stage)
        : run_(run), units_(units), video_seconds_(video_seconds), stage_(std::move(stage)) {
      run_.progress_done(0, stage_);
    }
    StepProgress(const StepProgress&) = delete;
    StepProgress& operator=(const StepProgress&) = delete;

    VideoEncoder::SecondsDone reporter() {
      return [this](double seconds) {
        const double units = std::min(units_, units_ * seconds / std::max(video_seconds_, 0.001));
        if (units <= credited_) return;
        run_.progress_done(units - credited_, stage_);
        credited_ = units;
      };
    }

    // REQUIRES: the step succeeded.
    void finish() {
      if (credited_ < units_) run_.progress_done(units_ - credited_, stage_);
      credited_ = units_;
    }

   private:
    RenderRun& run_;
    const double units_, video_seconds_;
    const std::string stage_;
    double credited_ = 0;
  };

  // Narrations, each padded with silence to its slide's on-screen time.
  void write_track(const Timeline& timeline, const std::vector<PcmAudio>& voices, int rate) {
    PcmAudio track;
    track.sample_rate = rate;
    for (int i = 0; i < n_; ++i) {
      const auto end = static_cast<std::size_t>(
          std::llround(double(timeline.slides[i].first_frame + timeline.slides[i].frames) * rate / kFps));
      track.samples.insert(track.samples.end(), voices[i].samples.begin(), voices[i].samples.end());
      track.samples.resize(end, 0);
    }
    write_wav(track, work_ / "track.wav");
  }

  void finish_documents() {
    check_time();
    write_deck_pdf(deck_, painter_, ctx_.out_dir / kPdfName, cancel_);
    progress_done(0.3 * n_, "writing thumbnail");
    encoder_.thumbnail(ctx_.out_dir / slide_png_name(0), ctx_.out_dir / kThumbnailName, cancel_);
    for (int i = 0; i < n_; ++i) add_output(slide_png_name(i), "image/png");
    if (!deck_.slide_only) {
      add_output(kVideoName, "video/mp4");
      add_output(kCaptionsName, "text/vtt");
    }
    add_output(kThumbnailName, "image/jpeg");
    add_output(kPdfName, "application/pdf");
  }

  // Returns the path of checkpoint `name`, making it with `make` unless an
  // earlier attempt left a verified copy.
  template <typename Make>
  fs::path ensure(const std::string& name, Make&& make) {
    const fs::path path = ctx_.out_dir / name;
    check_time();
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    const auto recorded = ctx_.recorded_checkpoints.find(name);
    if (!ec && (recorded == ctx_.recorded_checkpoints.end() ||
                recorded->second == static_cast<std::int64_t>(size))) {
      ++reused_;
      return path;
    }
    make(path);
    ++rendered_;
    ctx_.on_checkpoint(name, static_cast<std::int64_t>(fs::file_size(path)));
    return path;
  }

  void write_text(const std::string& name, const std::string& text) {
    AtomicFile f(ctx_.out_dir / name);
    f.write(text.data(), text.size());
    f.commit();
  }

  void add_output(const std::string& name, const std::string& type) {
    out_.files.push_back({name, static_cast<std::int64_t>(fs::file_size(ctx_.out_dir / name)), type});
  }

  void progress_done(double units, const std::string& stage) {
    std::lock_guard lock(progress_mu_);
    done_units_ += units;
    ctx_.progress(std::min(99.0, 100.0 * done_units_ / total_units_), stage);
    out_.reused_checkpoints = reused_;
    out_.rendered_checkpoints = rendered_;
  }

  // Runs `fn`, adding its wall time to the phase timings in the output.
  template <typename Fn>
  void timed(const char* phase, Fn&& fn) {
    const auto start = std::chrono::steady_clock::now();
    fn();
    out_.phase_ms.emplace_back(phase, std::chrono::duration_cast<milliseconds>(
                                          std::chrono::steady_clock::now() - start).count());
  }

  void check_time() const {
    cancel_.throw_if_cancelled();
    if (std::chrono::steady_clock::now() > deadline_)
      throw PermanentError("rendering took longer than this deck's time limit of " +
                           std::to_string(ctx_.time_limit.count()) +
                           " s; send fewer or shorter slides, a lower resolution, or ask the operator to"
                           " raise --job-timeout-per-slide");
  }

  const Presentation& deck_;
  const RenderContext& ctx_;
  const CancelToken& cancel_;
  const fs::path work_;
  const int n_;
  const std::chrono::steady_clock::time_point deadline_;
  RenderOutput out_;
  const Theme painter_theme_;
  const SlidePainter painter_;
  const VideoEncoder encoder_;
  std::optional<fs::path> presenter_;
  std::mutex progress_mu_;
  double total_units_ = 1;
  double done_units_ = 0;      // guarded by progress_mu_
  std::atomic<int> reused_{0};
  std::atomic<int> rendered_{0};
};

}  // namespace

std::string slide_png_name(int index) { return numbered("slide", index, "png"); }

RenderOutput RenderPipeline::run(const Presentation& deck, const RenderContext& ctx,
                                 const CancelToken& cancel) const {
  return RenderRun(deck, ctx, cancel).run();
}

}  // namespace deckd
