#include "render/wav.h"

#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>

#include "render/atomic_file.h"

namespace deckd {
namespace {

std::uint32_t u32(const unsigned char* p) { return p[0] | p[1] << 8 | p[2] << 16 | std::uint32_t(p[3]) << 24; }
std::uint16_t u16(const unsigned char* p) { return static_cast<std::uint16_t>(p[0] | p[1] << 8); }

void put32(std::string& s, std::uint32_t v) { for (int i = 0; i < 4; ++i) s.push_back(char(v >> (8 * i))); }
void put16(std::string& s, std::uint16_t v) { for (int i = 0; i < 2; ++i) s.push_back(char(v >> (8 * i))); }

}  // namespace

PcmAudio read_wav(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<unsigned char> data((std::istreambuf_iterator<char>(in)), {});
  auto bad = [&](const char* why) {
    return std::runtime_error(path.string() + " is not a usable WAV file: " + why);
  };
  if (data.size() < 12 || std::memcmp(data.data(), "RIFF", 4) || std::memcmp(data.data() + 8, "WAVE", 4))
    throw bad("no RIFF/WAVE header");
  PcmAudio audio;
  int channels = 0, bits = 0;
  for (std::size_t pos = 12; pos + 8 <= data.size();) {
    const unsigned char* chunk = data.data() + pos;
    // espeak-ng writes 0xffffffff as the data size when it streams; clamp.
    std::size_t size = std::min<std::size_t>(u32(chunk + 4), data.size() - pos - 8);
    if (!std::memcmp(chunk, "fmt ", 4) && size >= 16) {
      if (u16(chunk + 8) != 1) throw bad("not PCM");
      channels = u16(chunk + 10);
      audio.sample_rate = static_cast<int>(u32(chunk + 12));
      bits = u16(chunk + 22);
    } else if (!std::memcmp(chunk, "data", 4)) {
      if (bits != 16 || channels < 1) throw bad("not 16-bit PCM");
      const std::size_t frames = size / (2 * channels);
      audio.samples.resize(frames);
      for (std::size_t f = 0; f < frames; ++f) {
        int sum = 0;
        for (int c = 0; c < channels; ++c)
          sum += static_cast<std::int16_t>(u16(chunk + 8 + 2 * (f * channels + c)));
        audio.samples[f] = static_cast<std::int16_t>(sum / channels);
      }
      return audio;
    }
    pos += 8 + size + (size & 1);
  }
  throw bad("no data chunk");
}

void write_wav(const PcmAudio& audio, const std::filesystem::path& path) {
  const std::uint32_t bytes = static_cast<std::uint32_t>(audio.samples.size() * 2);
  std::string h = "RIFF";
  put32(h, 36 + bytes);
  h += "WAVEfmt ";
  put32(h, 16);
  put16(h, 1);  // PCM
  put16(h, 1);  // mono
  put32(h, static_cast<std::uint32_t>(audio.sample_rate));
  put32(h, static_cast<std::uint32_t>(audio.sample_rate * 2));
  put16(h, 2);
  put16(h, 16);
  h += "data";
  put32(h, bytes);
  AtomicFile file(path);
  file.write(h.data(), h.size());
  file.write(audio.samples.data(), bytes);  // little-endian host
  file.commit();
}

}  // namespace deckd
