// Router (router.h): pattern matching on decoded path segments, 404/405, HEAD as GET, handler
// exceptions turned into a generic 500, per-route body limits for uploads.
#include "http/router.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <set>

#include "http/url.h"

namespace reparto::http {
namespace {

bool IsPlaceholder(const std::string& segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

// "/a/b/" -> {"a", "b"}; "/" -> {}. Empty inner segments are kept (they match nothing).
std::vector<std::string_view> SplitSegments(std::string_view path) {
  std::vector<std::string_view> out;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (!path.empty() && path.back() == '/') path.remove_suffix(1);
  if (path.empty()) return out;
  while (true) {
    std::size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

// The request's decoded segments: from raw_path (each segment decoded on its own) when set.
std::optional<std::vector<std::string>> DecodedSegments(std::string_view raw_path,
                                                        std::string_view decoded_path) {
  std::vector<std::string> out;
  if (raw_path.empty()) {
    for (auto segment : SplitSegments(decoded_path)) out.emplace_back(segment);
    return out;
  }
  for (auto segment : SplitSegments(raw_path)) {
    auto decoded = PercentDecode(segment, /*plus_is_space=*/false);
    if (!decoded) return std::nullopt;
    out.push_back(std::move(*decoded));
  }
  return out;
}

bool Matches(const std::vector<std::string>& pattern, const std::vector<std::string>& path) {
  if (pattern.size() != path.size()) return false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (IsPlaceholder(pattern[i])) {
      if (path[i].empty()) return false;
    } else if (pattern[i] != path[i]) {
      return false;
    }
  }
  return true;
}

// True when `a` is more specific than `b`: at the first segment where one is literal and the
// other a placeholder, the literal wins.
bool MoreSpecific(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    bool a_literal = !IsPlaceholder(a[i]);
    bool b_literal = !IsPlaceholder(b[i]);
    if (a_literal != b_literal) return a_literal;
  }
  return false;
}

std::vector<std::string> PatternSegments(std::string_view pattern) {
  std::vector<std::string> out;
  for (auto segment : SplitSegments(pattern)) out.emplace_back(segment);
  return out;
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Handler handler) {
  Route route;
  route.segments = PatternSegments(pattern);
  route.method = std::move(method);
  route.pattern = std::move(pattern);
  route.handler = std::move(handler);
  routes_.push_back(std::move(route));
}

Response Router::Dispatch(Request& request) const {
  auto segments = DecodedSegments(request.raw_path, request.path);
  if (!segments) return JsonError(400, "bad_request", "malformed percent-encoding in the path");

  const Route* best = nullptr;
  const Route* best_get = nullptr;  // for HEAD without a HEAD route
  std::set<std::string> allowed;
  for (const Route& route : routes_) {
    if (!Matches(route.segments, *segments)) continue;
    allowed.insert(route.method);
    if (route.method == request.method) {
      if (!best || MoreSpecific(route.segments, best->segments)) best = &route;
    } else if (request.method == "HEAD" && route.method == "GET") {
      if (!best_get || MoreSpecific(route.segments, best_get->segments)) best_get = &route;
    }
  }
  if (!best) best = best_get;
  if (!best) {
    if (allowed.empty()) return JsonError(404, "not_found", "no such resource");
    if (allowed.count("GET")) allowed.insert("HEAD");
    std::string allow;
    for (const auto& method : allowed) allow += (allow.empty() ? "" : ", ") + method;
    Response response =
        JsonError(405, "method_not_allowed", request.method + " is not allowed here");
    response.headers.emplace_back("Allow", allow);
    return response;
  }

  request.path_params.clear();
  for (std::size_t i = 0; i < best->segments.size(); ++i) {
    const std::string& segment = best->segments[i];
    if (IsPlaceholder(segment)) {
      request.path_params[segment.substr(1, segment.size() - 2)] = (*segments)[i];
    }
  }
  try {
    return best->handler(request);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "reparto serve: %s %s: handler failed: %s\n", request.method.c_str(),
                 request.path.c_str(), e.what());
  } catch (...) {
    std::fprintf(stderr, "reparto serve: %s %s: handler failed\n", request.method.c_str(),
                 request.path.c_str());
  }
  return JsonError(500, "internal", "internal error; the server log says more");
}

void Router::SetBodyLimit(std::string method, std::string pattern, std::size_t max_bytes) {
  body_limits_.push_back({std::move(method), PatternSegments(pattern), max_bytes});
}

std::optional<std::size_t> Router::BodyLimit(std::string_view method,
                                             std::string_view raw_path) const {
  auto segments = DecodedSegments(raw_path, raw_path);
  if (!segments) return std::nullopt;
  for (const auto& rule : body_limits_) {
    if (rule.method == method && Matches(rule.segments, *segments)) return rule.max_bytes;
  }
  return std::nullopt;
}

std::size_t Router::LargestBodyLimit() const {
  std::size_t largest = 0;
  for (const auto& rule : body_limits_) largest = std::max(largest, rule.max_bytes);
  return largest;
}

}  // namespace reparto::http
