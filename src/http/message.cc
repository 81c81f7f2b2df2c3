// Request accessors and the Response builders of message.h (JSON bodies, JSON errors, files).
#include "http/message.h"

#include <cstdio>

namespace reparto::http {
namespace {

const std::string& Find(const std::map<std::string, std::string>& map, const std::string& key) {
  static const std::string kEmpty;
  auto it = map.find(key);
  return it == map.end() ? kEmpty : it->second;
}

}  // namespace

const std::string& Request::Header(const std::string& name) const { return Find(headers, name); }
const std::string& Request::Query(const std::string& name) const { return Find(query, name); }
const std::string& Request::Param(const std::string& name) const { return Find(path_params, name); }

std::string JsonString(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('"');
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned char>(c));
          out += escaped;
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
  return out;
}

Response JsonResponse(int status, std::string json_body) {
  Response response;
  response.status = status;
  response.content_type = "application/json";
  response.body = std::move(json_body);
  return response;
}

Response JsonError(int status, std::string_view code, std::string_view message) {
  return JsonResponse(status, "{\"error\":{\"code\":" + JsonString(code) +
                                  ",\"message\":" + JsonString(message) + "}}");
}

Response FileResponse(std::string content_type, std::string body, std::string download_name) {
  Response response;
  response.content_type = std::move(content_type);
  response.body = std::move(body);
  response.download_name = std::move(download_name);
  return response;
}

}  // namespace reparto::http
