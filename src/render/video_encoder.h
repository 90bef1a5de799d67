// VideoEncoder drives ffmpeg to make the presentation video cheaply: a still
// slide is encoded once as a one-second clip, and the concat demuxer repeats
// that clip (stream copy, no re-encode) for as long as the slide is on
// screen. Only fades are encoded frame by frame. Every clip shares the same
// encoder settings, so the copies join into one valid H.264 stream.
// Immutable after construction; thread-safe.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "render/cancel_token.h"
#include "render/timeline.h"

namespace deckd {

struct EncoderSettings {
  int width = 1920;   // even
  int height = 1080;  // even
  int crf = 23;
  std::string preset = "veryfast";
  std::string audio_bitrate = "64k";  // mono speech
};

// `quality` is low, medium or high (api.md); width and height are rounded
// down to even numbers, as yuv420p needs.
EncoderSettings encoder_settings(const std::string& quality, int width, int height);

class VideoEncoder {
 public:
  // Every ffmpeg it runs is stopped (ProcessError) once `deadline` passes.
  VideoEncoder(EncoderSettings settings, std::chrono::steady_clock::time_point deadline)
      : settings_(std::move(settings)), deadline_(deadline) {}

  // What it encodes with: the frame size is the video's, always even.
  const EncoderSettings& settings() const { return settings_; }

  // A kFps-frame clip of one still image.
  void encode_still(const std::filesystem::path& png, const std::filesystem::path& out,
                    const CancelToken& cancel) const;

  // `frames` frames fading from image a to image b.
  void encode_fade(const std::filesystem::path& a, const std::filesystem::path& b, int frames,
                   const std::filesystem::path& out, const CancelToken& cancel) const;

  // Encodes a WAV track as AAC (an .m4a at `out`).
  void encode_audio(const std::filesystem::path& wav, const std::filesystem::path& out,
                    const CancelToken& cancel) const;

  // Called with the seconds of video written so far, about twice a second.
  using SecondsDone = std::function<void(double)>;

  // Joins the clips along `timeline` with the encoded audio into a faststart
  // MP4 at `out`, copying both streams. stills[i], fades[i] are slide i's clips.
  void assemble(const Timeline& timeline, const std::vector<std::filesystem::path>& stills,
                const std::vector<std::filesystem::path>& fades, const std::filesystem::path& audio,
                const std::filesystem::path& work_dir, const std::filesystem::path& out,
                const CancelToken& cancel, const SecondsDone& on_progress) const;

  // Throws ProcessError unless ffmpeg decodes a video frame from `file`;
  // what ffmpeg said goes to `log`.
  void check_video(const std::filesystem::path& file, const std::filesystem::path& log,
                   const CancelToken& cancel) const;

  // Re-encodes the assembled `slides` video with `presenter` (looped as
  // needed) placed by the presenter_filter graph `filter`, keeping the audio.
  void compose_presenter(const std::filesystem::path& slides, const std::filesystem::path& presenter,
                         const std::string& filter, const std::filesystem::path& out,
                         const CancelToken& cancel, const SecondsDone& on_progress) const;

  // A JPEG of `png`, at most 640 pixels wide.
  void thumbnail(const std::filesystem::path& png, const std::filesystem::path& out,
                 const CancelToken& cancel) const;

 private:
  // Runs ffmpeg with `args` writing to a temporary next to `out`, then
  // publishes it under `out`.
  void run_ffmpeg(std::vector<std::string> args, const std::filesystem::path& out,
                  const CancelToken& cancel, const std::function<void()>& on_poll = {}) const;
  // run_ffmpeg for a long step, passing on what its -progress output says.
  void run_ffmpeg_reporting(std::vector<std::string> args, const std::filesystem::path& out,
                            const CancelToken& cancel, const SecondsDone& on_progress) const;
  std::string scale_filter() const;
  std::vector<std::string> video_codec_args() const;

  const EncoderSettings settings_;
  const std::chrono::steady_clock::time_point deadline_;
};

// The concat demuxer script that plays the clips along `timeline`.
std::string concat_script(const Timeline& timeline, const std::vector<std::filesystem::path>& stills,
                          const std::vector<std::filesystem::path>& fades);

}  // namespace deckd
