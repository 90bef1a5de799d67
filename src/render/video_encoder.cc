#include "render/video_encoder.h"

#include <cctype>
#include <cstdio>
#include <optional>
#include <fstream>

#include "render/atomic_file.h"
#include "render/child_process.h"

namespace deckd {
namespace {

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", s);
  return buf;
}

// Paths in a concat script are absolute (relative ones would resolve against
// the script's dir) and single-quoted; a quote inside becomes '\''.
std::string quoted(const std::filesystem::path& p) {
  std::string out = "'";
  for (char c : std::filesystem::absolute(p).string()) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Repeats the one decoded frame until there are `frames` of them.
std::string repeat_filter(int frames) {
  return "loop=loop=" + std::to_string(frames - 1) + ":size=1:start=0";
}

void add_clip(std::string& script, const std::filesystem::path& clip, int frames, int clip_frames) {
  script += "file " + quoted(clip) + "\n";
  script += "duration " + seconds_text(double(frames) / kFps) + "\n";
  // Stream copy cuts at packets: end half a frame after the last one kept.
  if (frames < clip_frames) script += "outpoint " + seconds_text((frames - 0.5) / kFps) + "\n";
}

// The time ffmpeg's -progress file last reported, in seconds.
std::optional<double> last_out_time(const std::filesystem::path& progress_file) {
  std::ifstream in(progress_file);
  std::optional<double> seconds;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("out_time_us=", 0) == 0 && line.size() > 12 && std::isdigit(static_cast<unsigned char>(line[12])))
      seconds = std::stod(line.substr(12)) / 1e6;
  }
  return seconds;
}

}  // namespace

EncoderSettings encoder_settings(const std::string& quality, int width, int height) {
  EncoderSettings s;
  s.width = width & ~1;
  s.height = height & ~1;
  if (quality == "low") {
    s.crf = 30;
    s.preset = "veryfast";
    s.audio_bitrate = "48k";
  } else if (quality == "high") {
    s.crf = 18;
    s.preset = "medium";
    s.audio_bitrate = "96k";
  }
  return s;
}

std::string VideoEncoder::scale_filter() const {
  return "scale=" + std::to_string(settings_.width) + ":" + std::to_string(settings_.height) +
         ":out_color_matrix=bt709:out_range=tv,format=yuv420p";
}

std::vector<std::string> VideoEncoder::video_codec_args() const {
  return {"-c:v", "libx264", "-preset", settings_.preset, "-tune", "stillimage",
          "-crf", std::to_string(settings_.crf), "-bf", "0", "-g", std::to_string(kFps),
          "-r", std::to_string(kFps), "-colorspace", "bt709", "-color_primaries", "bt709",
          "-color_trc", "bt709", "-threads", "1", "-x264-params", "rc-lookahead=0:sync-lookahead=0",
          "-an"};
}

void VideoEncoder::run_ffmpeg(std::vector<std::string> args, const std::filesystem::path& out,
                              const CancelToken& cancel, const std::function<void()>& on_poll) const {
  const auto temp = out.parent_path() / (out.stem().string() + ".tmp-ff" + out.extension().string());
  std::vector<std::string> argv = {"ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y"};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.push_back(temp.string());
  try {
    run_program(argv, out.string() + ".log", cancel, time_until(deadline_), on_poll);
  } catch (...) {
    std::filesystem::remove(temp);
    throw;
  }
  publish_file(temp, out);
}

void VideoEncoder::encode_still(const std::filesystem::path& png, const std::filesystem::path& out,
                                const CancelToken& cancel) const {
  // Decode and convert the image once, then repeat the converted frame.
  std::vector<std::string> args = {"-framerate", std::to_string(kFps), "-i", png.string(),
                                   "-frames:v", std::to_string(kFps),
                                   "-vf", scale_filter() + "," + repeat_filter(kFps)};
  for (auto& a : video_codec_args()) args.push_back(a);
  run_ffmpeg(args, out, cancel);
}

void VideoEncoder::encode_fade(const std::filesystem::path& a, const std::filesystem::path& b, int frames,
                               const std::filesystem::path& out, const CancelToken& cancel) const {
  const std::string seconds = seconds_text(double(frames) / kFps);
  std::vector<std::string> args = {
      "-framerate", std::to_string(kFps), "-i", a.string(),
      "-framerate", std::to_string(kFps), "-i", b.string(),
      "-filter_complex",
      // Convert each image once, then blend in YUV: far cheaper than RGB.
      "[0:v]" + scale_filter() + "," + repeat_filter(frames) + "[a];[1:v]" + scale_filter() + "," +
          repeat_filter(frames) + "[b];[a][b]xfade=transition=fade:duration=" + seconds + ":offset=0",
      "-frames:v", std::to_string(frames)};
  for (auto& arg : video_codec_args()) args.push_back(arg);
  run_ffmpeg(args, out, cancel);
}

std::string concat_script(const Timeline& timeline, const std::vector<std::filesystem::path>& stills,
                          const std::vector<std::filesystem::path>& fades) {
  std::string script = "ffconcat version 1.0\n";
  for (std::size_t i = 0; i < timeline.slides.size(); ++i) {
    const SlideTiming& s = timeline.slides[i];
    int still_frames = s.frames - s.fade_frames;
    for (; still_frames >= kFps; still_frames -= kFps) add_clip(script, stills[i], kFps, kFps);
    if (still_frames > 0) add_clip(script, stills[i], still_frames, kFps);
    if (s.fade_frames > 0) add_clip(script, fades[i], s.fade_frames, s.fade_frames);
  }
  return script;
}

void VideoEncoder::encode_audio(const std::filesystem::path& wav, const std::filesystem::path& out,
                                const CancelToken& cancel) const {
  // Speech: mono at the narration's own rate; the fast coder is ~10x
  // quicker than the default and transparent for voice.
  run_ffmpeg({"-i", wav.string(), "-c:a", "aac", "-aac_coder", "fast", "-b:a", settings_.audio_bitrate,
              "-ac", "1"},
             out, cancel);
}

void VideoEncoder::assemble(const Timeline& timeline, const std::vector<std::filesystem::path>& stills,
                            const std::vector<std::filesystem::path>& fades,
                            const std::filesystem::path& audio, const std::filesystem::path& work_dir,
                            const std::filesystem::path& out, const CancelToken& cancel,
                            const SecondsDone& on_progress) const {
  const auto list = work_dir / "clips.ffconcat";
  {
    AtomicFile f(list);
    const std::string script = concat_script(timeline, stills, fades);
    f.write(script.data(), script.size());
    f.commit();
  }
  run_ffmpeg_reporting({"-f", "concat", "-safe", "0", "-i", list.string(), "-i", audio.string(),
                        "-map", "0:v:0", "-map", "1:a:0", "-c", "copy", "-movflags", "+faststart"},
                       out, cancel, on_progress);
}

void VideoEncoder::check_video(const std::filesystem::path& file, const std::filesystem::path& log,
                               const CancelToken& cancel) const {
  run_program({"ffmpeg", "-nostdin", "-v", "error", "-i", file.string(), "-map", "0:v:0", "-frames:v", "1", "-f",
               "null", "-"},
              log, cancel, time_until(deadline_));
}

void VideoEncoder::compose_presenter(const std::filesystem::path& slides, const std::filesystem::path& presenter,
                                     const std::string& filter, const std::filesystem::path& out,
                                     const CancelToken& cancel, const SecondsDone& on_progress) const {
  // Frames change every frame here, so the still-image tuning does not apply.
  run_ffmpeg_reporting(
      {"-i", slides.string(), "-stream_loop", "-1", "-i", presenter.string(), "-filter_complex", filter,
       "-map", "[v]", "-map", "0:a:0?", "-c:v", "libx264", "-preset", settings_.preset, "-crf",
       std::to_string(settings_.crf), "-r", std::to_string(kFps), "-g", std::to_string(2 * kFps),
       "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-c:a", "copy",
       "-shortest", "-movflags", "+faststart"},
      out, cancel, on_progress);
}

void VideoEncoder::run_ffmpeg_reporting(std::vector<std::string> args, const std::filesystem::path& out,
                                        const CancelToken& cancel, const SecondsDone& on_progress) const {
  const auto progress_file = out.string() + ".progress";
  auto last_read = std::chrono::steady_clock::now();
  auto poll = [&] {
    if (std::chrono::steady_clock::now() - last_read < std::chrono::milliseconds(500)) return;
    last_read = std::chrono::steady_clock::now();
    if (auto seconds = last_out_time(progress_file)) on_progress(*seconds);
  };
  args.insert(args.end(), {"-progress", progress_file});
  run_ffmpeg(std::move(args), out, cancel, poll);
  std::error_code ec;
  std::filesystem::remove(progress_file, ec);
}

void VideoEncoder::thumbnail(const std::filesystem::path& png, const std::filesystem::path& out,
                             const CancelToken& cancel) const {
  run_ffmpeg({"-i", png.string(), "-vf", "scale='min(640,iw)':-2", "-frames:v", "1", "-q:v", "3"},
             out, cancel);
}

}  // namespace deckd
