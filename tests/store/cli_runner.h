// Runs the real `reparto` binary (REPARTO_BINARY) as a user would, for the CLI tests: exit code
// and everything printed (standard output and error together).
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <memory>
#include <string>

namespace reparto {

struct Output {
  int code = -1;
  std::string text;  // standard output and error
};

inline Output Reparto(const std::string& args) {
  Output out;
  const std::string command = std::string(REPARTO_BINARY) + " " + args + " 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe.get())) > 0) out.text.append(buffer, n);
  const int status = pclose(pipe.release());
  out.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

}  // namespace reparto
