# Every external library deckd uses, found from Debian 12 packages
# (scripts/install-deps.sh installs them). Nothing is vendored here.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(SQLiteCpp REQUIRED)          # libsqlitecpp-dev
find_package(nlohmann_json 3.11 REQUIRED) # nlohmann-json3-dev
find_package(spdlog REQUIRED)             # libspdlog-dev
find_package(Catch2 2 REQUIRED)           # catch2 (v2)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)    # libcpp-httplib-dev
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo)  # libpango1.0-dev, libcairo2-dev
pkg_check_modules(PIXBUF REQUIRED IMPORTED_TARGET gdk-pixbuf-2.0)   # libgdk-pixbuf-2.0-dev: PNG/JPEG decoding
