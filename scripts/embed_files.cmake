# Writes OUT, a C++ source defining deckd::web_assets() (http/web_assets.h)
# with the bytes of every file in FILES (a ;-list), served under its name.
# Run as: cmake -DOUT=... -DFILES=... -P embed_files.cmake
set(entries "")
set(arrays "")
set(n 0)
foreach(file IN LISTS FILES)
  get_filename_component(name "${file}" NAME)
  get_filename_component(ext "${file}" LAST_EXT)
  set(type "application/octet-stream")
  if(ext STREQUAL ".html")
    set(type "text/html; charset=utf-8")
  elseif(ext STREQUAL ".css")
    set(type "text/css; charset=utf-8")
  elseif(ext STREQUAL ".js")
    set(type "text/javascript; charset=utf-8")
  elseif(ext STREQUAL ".svg")
    set(type "image/svg+xml")
  endif()
  file(READ "${file}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  string(APPEND arrays "constexpr char kFile${n}[] = {${bytes} 0};\n")
  string(APPEND entries "      {\"${name}\", \"${type}\", {kFile${n}, sizeof kFile${n} - 1}},\n")
  math(EXPR n "${n} + 1")
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from web/ by scripts/embed_files.cmake; do not edit.
#include \"http/web_assets.h\"

namespace deckd {
namespace {
${arrays}
}  // namespace

const std::vector<WebAsset>& web_assets() {
  static const std::vector<WebAsset> assets = {
${entries}  };
  return assets;
}

}  // namespace deckd
")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
