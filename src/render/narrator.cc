#include "render/narrator.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "render/atomic_file.h"
#include "render/child_process.h"

namespace deckd {

std::vector<std::string> installed_voices() {
  const auto log = std::filesystem::temp_directory_path() /
                   ("deckd-voices-" + std::to_string(::getpid()) + ".txt");
  CancelToken never;
  {
    ChildProcess child({"espeak-ng", "--voices"}, log);
    if (child.wait(never, std::chrono::seconds(20)) != 0)
      throw ProcessError("espeak-ng --voices failed");
  }
  std::ifstream in(log);
  std::vector<std::string> voices;
  std::string line;
  std::getline(in, line);  // header: Pty Language Age/Gender VoiceName File Other
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string priority, language;
    if (fields >> priority >> language) voices.push_back(language);
  }
  std::filesystem::remove(log);
  std::sort(voices.begin(), voices.end());
  voices.erase(std::unique(voices.begin(), voices.end()), voices.end());
  return voices;
}

void speak_to_wav(const std::string& text, const std::string& voice,
                  const std::filesystem::path& wav_path, const CancelToken& cancel,
                  std::chrono::milliseconds timeout) {
  // The text goes through a file, never argv: it may start with '-'.
  const auto text_path = wav_path.string() + ".txt";
  const auto temp_wav = wav_path.string() + ".tmp-espeak.wav";
  {
    std::ofstream out(text_path, std::ios::binary);
    out << text;
    if (!out) throw_errno("cannot write", text_path);
  }
  try {
    run_program({"espeak-ng", "-v", voice, "-b", "1", "-f", text_path, "-w", temp_wav},
                wav_path.string() + ".log", cancel, timeout);
  } catch (...) {
    std::filesystem::remove(text_path);
    std::filesystem::remove(temp_wav);
    throw;
  }
  std::filesystem::remove(text_path);
  publish_file(temp_wav, wav_path);
}

}  // namespace deckd
