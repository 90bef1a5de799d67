#include "support/deckd_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "support/wait_until.h"

namespace deckd::test {
namespace {

pid_t spawn(const std::vector<std::string>& args, const std::filesystem::path& log_path) {
  std::vector<char*> argv;
  std::string binary = DECKD_BINARY;
  argv.push_back(binary.data());
  std::vector<std::string> copy = args;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  const int fd = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error("cannot open " + log_path.string());
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(fd, 1);
    ::dup2(fd, 2);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(fd);
  if (pid < 0) throw std::runtime_error("fork failed");
  return pid;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int decode_status(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return -WTERMSIG(status);
  return -1000;
}

}  // namespace

DeckdProcess::DeckdProcess(const std::filesystem::path& data_dir, std::vector<std::string> extra) {
  static int counter = 0;
  log_path_ = data_dir.parent_path() / ("deckd-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(counter++) + ".log");
  std::vector<std::string> args = {"serve", "--listen", "127.0.0.1:0", "--data-dir",
                                   data_dir.string(), "--log-level", "debug"};
  args.insert(args.end(), extra.begin(), extra.end());
  pid_ = spawn(args, log_path_);
  const std::regex started(R"(deckd\.started listen=127\.0\.0\.1:(\d+))");
  bool exited = false;
  const bool up = wait_until([&] {
    std::smatch m;
    const std::string text = read_file(log_path_);
    if (std::regex_search(text, m, started)) {
      port_ = std::stoi(m[1]);
      return true;
    }
    int status;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      exited = true;
      return true;
    }
    return false;
  });
  if (exited || !up) {
    const std::string text = log();
    kill_hard();
    throw std::runtime_error("deckd did not start:\n" + text);
  }
}

DeckdProcess::~DeckdProcess() { kill_hard(); }

httplib::Client DeckdProcess::client() const {
  httplib::Client c("127.0.0.1", port_);
  c.set_connection_timeout(5);
  c.set_read_timeout(30);
  return c;
}

void DeckdProcess::kill_hard() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  int status;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

int DeckdProcess::wait_exit(int timeout_ms) {
  int result = -2000;
  wait_until(
      [&] {
        int status;
        if (::waitpid(pid_, &status, WNOHANG) != pid_) return false;
        result = decode_status(status);
        pid_ = -1;
        return true;
      },
      std::chrono::milliseconds(timeout_ms));
  return result;
}

int DeckdProcess::terminate() {
  if (pid_ <= 0) return -3000;
  ::kill(pid_, SIGTERM);
  return wait_exit(60'000);
}

std::string DeckdProcess::log() const { return read_file(log_path_); }

std::pair<int, std::string> run_deckd(const std::vector<std::string>& args,
                                      const std::filesystem::path& log_path) {
  const pid_t pid = spawn(args, log_path);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return {decode_status(status), read_file(log_path)};
}

namespace {
JsonResponse to_json_response(const httplib::Result& r) {
  JsonResponse out;
  if (!r) throw std::runtime_error("HTTP request failed: " + httplib::to_string(r.error()));
  out.status = r->status;
  out.headers = r->headers;
  out.body = nlohmann::json::parse(r->body, nullptr, false);
  return out;
}
}  // namespace

JsonResponse get_json(httplib::Client& c, const std::string& path) {
  return to_json_response(c.Get(path));
}

JsonResponse post_json(httplib::Client& c, const std::string& path, const nlohmann::json& body,
                       const httplib::Headers& headers) {
  return to_json_response(c.Post(path, headers, body.dump(), "application/json"));
}

JsonResponse send(httplib::Client& c, const std::string& method, const std::string& path) {
  if (method == "DELETE") return to_json_response(c.Delete(path));
  if (method == "POST") return to_json_response(c.Post(path));
  if (method == "PUT") return to_json_response(c.Put(path));
  if (method == "PATCH") return to_json_response(c.Patch(path));
  return to_json_response(c.Get(path));
}

std::string send_raw(int port, const std::string& request) {
  struct Socket {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    ~Socket() { if (fd >= 0) ::close(fd); }
  } socket;
  const int fd = socket.fd;
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string response;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
    char buf[4096];
    for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) response.append(buf, static_cast<std::size_t>(n));
  }
  return response;
}

nlohmann::json sample_request(int slides, const std::string& project) {
  nlohmann::json req = {{"projectName", project}, {"slidesData", nlohmann::json::array()}};
  for (int i = 0; i < slides; ++i) {
    req["slidesData"].push_back(
        {{"templateId", i == 0 ? "title-slide" : "bullet-points"},
         {"slideId", "s" + std::to_string(i + 1)},
         {"props",
          {{"title", "Slide " + std::to_string(i + 1)},
           {"bullets", {"First point", "Second point"}}}}});
  }
  return req;
}

}  // namespace deckd::test
