// StaticFiles (static_files.h): resolving a decoded URL path to a file under the web root.
#include "http/static_files.h"

#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <system_error>

namespace reparto::http {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kNotBuilt =
    "reparto is running, but its web front end is not built yet.\n\n"
    "Build it once with:\n\n    cd web && npm ci && npm run build\n\n"
    "then reload this page. The JSON API answers under /api/ in the meantime.\n";

Response PlainResponse(int status, std::string body) {
  Response response;
  response.status = status;
  response.content_type = "text/plain; charset=utf-8";
  response.body = std::move(body);
  return response;
}

// True when `path` lies inside `root` (both canonical).
bool Inside(const fs::path& root, const fs::path& path) {
  auto r = root.begin();
  auto p = path.begin();
  for (; r != root.end(); ++r, ++p) {
    if (p == path.end() || *r != *p) return false;
  }
  return true;
}

struct Found {
  fs::path path;
  std::uintmax_t size = 0;
  fs::file_time_type modified;
};

// The regular file `relative` names under `root`, after resolving symlinks; nullopt when
// missing, not a regular file or outside the root.
std::optional<Found> Resolve(const fs::path& root, const fs::path& relative) {
  std::error_code ec;
  fs::path candidate = root / relative;
  if (fs::is_directory(candidate, ec)) candidate /= "index.html";
  fs::path canonical = fs::canonical(candidate, ec);
  if (ec || !Inside(root, canonical)) return std::nullopt;
  auto status = fs::status(canonical, ec);
  if (ec || !fs::is_regular_file(status)) return std::nullopt;
  Found found;
  found.path = canonical;
  found.size = fs::file_size(canonical, ec);
  if (ec) return std::nullopt;
  found.modified = fs::last_write_time(canonical, ec);
  if (ec) return std::nullopt;
  return found;
}

std::string ETag(const Found& found) {
  std::ostringstream tag;
  tag << "W/\"" << std::hex << found.size << '-'
      << static_cast<long long>(found.modified.time_since_epoch().count()) << '"';
  return tag.str();
}

}  // namespace

StaticFiles::StaticFiles(fs::path root) {
  std::error_code ec;
  if (!root.empty() && fs::is_directory(root, ec)) {
    root_ = fs::canonical(root, ec);
    if (ec) root_.clear();
  }
}

std::string StaticFiles::ContentType(std::string_view file_name) {
  std::size_t dot = file_name.rfind('.');
  std::string_view ext = dot == std::string_view::npos ? "" : file_name.substr(dot + 1);
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "ico") return "image/x-icon";
  if (ext == "json" || ext == "map") return "application/json";
  if (ext == "woff2") return "font/woff2";
  if (ext == "txt") return "text/plain; charset=utf-8";
  if (ext == "webmanifest") return "application/manifest+json";
  return "application/octet-stream";
}

Response StaticFiles::Serve(const Request& request) const {
  // Split the decoded path; refuse "..", dot files, backslashes and NULs outright.
  fs::path relative;
  std::string_view path = request.path;
  std::string_view last;
  bool under_assets = path.rfind("/assets/", 0) == 0;
  while (!path.empty()) {
    std::size_t slash = path.find('/');
    std::string_view segment = path.substr(0, slash);
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
    if (segment.empty()) continue;
    if (segment.front() == '.' || segment.find('\\') != std::string_view::npos ||
        segment.find('\0') != std::string_view::npos) {
      return PlainResponse(404, "not found\n");
    }
    relative /= fs::path(std::string(segment));
    last = segment;
  }

  std::optional<Found> found;
  if (!root_.empty()) found = Resolve(root_, relative);
  if (!found) {
    // The single-page app's own routes ("/communities/x") get index.html; a missing file
    // ("/assets/app-123.js", "/favicon.ico") gets a 404.
    if (last.find('.') != std::string_view::npos) return PlainResponse(404, "not found\n");
    if (!root_.empty()) found = Resolve(root_, "index.html");
    if (!found) return PlainResponse(200, std::string(kNotBuilt));
    under_assets = false;
  }

  Response response;
  std::string etag = ETag(*found);
  response.headers.emplace_back("ETag", etag);
  response.headers.emplace_back("Cache-Control",
                                under_assets ? "public, max-age=31536000, immutable" : "no-cache");
  response.content_type = ContentType(found->path.filename().string());
  if (request.Header("if-none-match") == etag) {
    response.status = 304;
    return response;
  }
  std::ifstream in(found->path, std::ios::binary);
  if (!in) return PlainResponse(404, "not found\n");
  response.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return response;
}

}  // namespace reparto::http
