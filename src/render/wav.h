// Mono 16-bit PCM WAV, the format espeak-ng writes: read a narration, and
// build the presentation's audio track from narrations and silence.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

namespace deckd {

struct PcmAudio {
  int sample_rate = 22050;
  std::vector<std::int16_t> samples;  // mono

  double seconds() const { return double(samples.size()) / sample_rate; }
};

// Reads a PCM s16 WAV (stereo is mixed down). Throws std::runtime_error
// naming the file when it is not one.
PcmAudio read_wav(const std::filesystem::path& path);

// Writes `audio` atomically as a mono PCM s16 WAV.
void write_wav(const PcmAudio& audio, const std::filesystem::path& path);

}  // namespace deckd
