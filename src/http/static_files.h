// The built front end (web/dist) served from a folder: safe path resolution (no "..", no dot
// files, no symlink leaving the folder), content types by extension, index.html for "/" and for
// unknown paths without a file extension (the single-page app's own routes), a long cache for
// the hashed files under /assets/, weak ETags (size and modification time) with 304 answers.
// No Beast types: the server calls Serve for GET and HEAD requests outside /api.
//
//   StaticFiles files("/srv/reparto/web/dist");
//   Response r = files.Serve(request);   // 200, 304 or 404
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "http/message.h"

namespace reparto::http {

class StaticFiles {
 public:
  // `root` may be empty or missing: every page then says the front end is not built.
  explicit StaticFiles(std::filesystem::path root);

  // `request.path` is the decoded path. Never reads outside the root.
  Response Serve(const Request& request) const;

  // The content type for a file name by its extension ("app.js" -> "text/javascript").
  static std::string ContentType(std::string_view file_name);

 private:
  std::filesystem::path root_;  // canonical, or empty when missing
};

}  // namespace reparto::http
