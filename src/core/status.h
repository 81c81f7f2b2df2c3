// Status and Result<T>: errors returned as values (LevelDB style), never thrown across the core.
//
// A Status is either ok or carries a message meant for a person ("readings.csv:12:3: negative
// consumption -0.5"). Result<T> holds a value or a non-ok Status.
//
//   Result<int> ParseStep(std::string_view text);
//   auto step = ParseStep("15");
//   if (!step.ok()) return step.status();
//   Use(*step);
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace reparto {

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(std::string message) { return Status(std::move(message)); }

  bool ok() const { return !message_.has_value(); }
  const std::string& message() const {
    static const std::string kOk = "ok";
    return message_ ? *message_ : kOk;
  }
  // Returns a copy of this error with `context` prepended ("file.csv: " + message).
  Status WithContext(const std::string& context) const {
    return ok() ? *this : Status(context + ": " + *message_);
  }

 private:
  explicit Status(std::string message) : message_(std::move(message)) {}
  std::optional<std::string> message_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : state_(std::move(status)) {}  // NOLINT: must be an error

  bool ok() const { return std::holds_alternative<T>(state_); }
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(state_); }

  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace reparto

// Returns the Status of `expr` from the enclosing function when it is an error.
#define REPARTO_RETURN_IF_ERROR(expr)                  \
  do {                                                 \
    ::reparto::Status reparto_status_ = (expr);        \
    if (!reparto_status_.ok()) return reparto_status_; \
  } while (false)
