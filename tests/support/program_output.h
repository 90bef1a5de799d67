// program_output runs a tool (ffprobe, pdftotext, ...) from an argument vector
// and returns what it wrote, failing the test if it does not exit 0.
#pragma once

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "render/child_process.h"
#include "support/temp_dir.h"

namespace deckd::test {

// stdout and stderr interleaved; callers ask tools to keep stderr quiet.
inline std::string program_output(const std::vector<std::string>& argv) {
  TempDir dir;
  const auto out = dir / "output";
  {
    ChildProcess child(argv, out);
    REQUIRE(child.wait(CancelToken{}, std::chrono::minutes(2)) == 0);
  }
  std::ifstream in(out);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace deckd::test
