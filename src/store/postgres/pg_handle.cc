// RAII wrappers around libpq: see pg_handle.h.
#include "store/postgres/pg_handle.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>

namespace reparto::postgres {
namespace {

constexpr std::size_t kCopyChunk = 1 << 20;

// Big-endian (network order) integers, as the binary formats use them.
std::uint64_t ReadBigEndian(const char* data, int length) {
  std::uint64_t value = 0;
  for (int i = 0; i < length; ++i) value = (value << 8) | static_cast<unsigned char>(data[i]);
  return value;
}
void AppendBigEndian(std::string& out, std::uint64_t value, int length) {
  for (int i = length - 1; i >= 0; --i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

bool StartsWith(const char* text, const char* prefix) {
  return text != nullptr && std::strncmp(text, prefix, std::strlen(prefix)) == 0;
}
bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// The first line of a libpq message, without its "connection to server ... failed: " preamble
// (which repeats the address) and the server's "FATAL:  " tag.
std::string Reason(std::string_view message) {
  message = message.substr(0, message.find('\n'));
  if (auto failed = message.find("failed: "); failed != std::string_view::npos) {
    message.remove_prefix(failed + 8);
  }
  for (std::string_view tag : {"FATAL:  ", "ERROR:  "}) {
    if (message.starts_with(tag)) message.remove_prefix(tag.size());
  }
  return std::string(message);
}

// Why a connection could not be made. libpq gives no SQLSTATE before the session exists, so the
// cause is recognised from the message (libpq's and the server's English texts).
Status ConnectError(PGconn* conn, const std::string& address) {
  const std::string message = conn ? PQerrorMessage(conn) : "out of memory";
  const std::string where = "database " + address + ": ";
  const std::string reason = Reason(message);
  if (Contains(message, "database \"") && Contains(message, "does not exist")) {
    return Status::Error(where +
                         "the database does not exist (create it, or fix the URL): " + reason);
  }
  if (Contains(message, "authentication failed") || Contains(message, "no password supplied") ||
      Contains(message, "no pg_hba.conf entry") || Contains(message, "role \"")) {
    return Status::Error(where +
                         "authentication failed (check the user name and password): " + reason);
  }
  if (Contains(message, "too many clients")) {
    return Status::Error(where + "the server has too many connections; try again later");
  }
  return Status::Error(where +
                       "cannot connect to the server (is it running, and are the host and port "
                       "right?): " +
                       reason);
}

// The server's address for messages, without the password.
std::string Address(PGconn* conn) {
  const char* host = PQhost(conn);
  const char* port = PQport(conn);
  const char* user = PQuser(conn);
  const char* db = PQdb(conn);
  std::string address = "postgresql://";
  if (user && *user) address += std::string(user) + "@";
  const bool socket = host == nullptr || *host == '\0' || *host == '/';
  if (!socket) {
    const bool ipv6 = std::strchr(host, ':') != nullptr;
    address += ipv6 ? "[" + std::string(host) + "]" : std::string(host);
    if (port && *port) address += std::string(":") + port;
  }
  address += "/";
  if (db) address += db;
  if (socket) {
    const std::string dir = host && *host ? host : "";
    std::string query;
    if (!dir.empty()) query += "host=" + dir;
    if (port && *port) query += (query.empty() ? "" : "&") + std::string("port=") + port;
    if (!query.empty()) address += "?" + query;
  }
  return address;
}

void IgnoreNotice(void*, const char*) {}

// Session settings every connection gets: no notices on stderr, UTC, plain string literals.
Status SetUpSession(PGconn* conn, const std::string& address) {
  PQsetNoticeProcessor(conn, IgnoreNotice, nullptr);
  PGresult* raw = PQexec(conn,
                         "SET client_min_messages TO warning; SET TIME ZONE 'UTC'; "
                         "SET standard_conforming_strings TO on");
  PgResult owner(raw);
  if (raw == nullptr || PQresultStatus(raw) != PGRES_COMMAND_OK) {
    return PgError(conn, raw, address);
  }
  return Status::Ok();
}

}  // namespace

Status PgError(PGconn* conn, const PGresult* result, const std::string& address) {
  const std::string where = "database " + address + ": ";
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  std::string detail = primary ? primary : Reason(conn ? PQerrorMessage(conn) : "");
  if (state == nullptr) {
    if (conn == nullptr || PQstatus(conn) == CONNECTION_BAD) {
      return Status::Error(where +
                           "lost the connection to the server; nothing of this operation was "
                           "written (" +
                           detail + ")");
    }
    return Status::Error(where + detail);
  }
  const std::string_view code = state;
  if (StartsWith(state, "08") || code == "57P01" || code == "57P02" || code == "57P03") {
    return Status::Error(where +
                         "lost the connection to the server (it stopped or the network failed); "
                         "nothing of this operation was written");
  }
  if (StartsWith(state, "28")) {
    return Status::Error(where + "authentication failed (check the user name and password)");
  }
  if (StartsWith(state, "3D")) return Status::Error(where + "the database does not exist");
  if (code == "53100") {
    return Status::Error(where +
                         "the server's disk is full; nothing of this operation was written");
  }
  if (code == "53300") {
    return Status::Error(where + "the server has too many connections; try again later");
  }
  if (StartsWith(state, "53")) {
    return Status::Error(where + "the server ran out of resources (" + detail +
                         "); nothing of this operation was written");
  }
  if (code == "25006") {
    return Status::Error(where +
                         "the database is read-only (a standby server, or a read-only "
                         "setting); nothing was written");
  }
  if (code == "40001" || code == "40P01") {
    return Status::Error(where + "another writer got in the way; try again (" + detail + ")");
  }
  if (StartsWith(state, "23")) {
    return Status::Error(where + "the data break a rule of the database (" + detail + ")");
  }
  if (code == "55P03") {
    return Status::Error(where +
                         "another reparto process is writing to this community; try again when "
                         "it ends");
  }
  if (code == "57014") return Status::Error(where + "the operation was cancelled (" + detail + ")");
  return Status::Error(where + detail);
}

PgParams& PgParams::Add(std::int64_t value) {
  values_.push_back(std::to_string(value));
  null_.push_back(false);
  formats_.push_back(0);
  return *this;
}

PgParams& PgParams::Add(double value) {
  char text[32];
  auto end = std::to_chars(text, text + sizeof text, value).ptr;  // shortest exact form
  values_.emplace_back(text, end);
  null_.push_back(false);
  formats_.push_back(0);
  return *this;
}

PgParams& PgParams::Add(std::string_view text) {
  values_.emplace_back(text);
  null_.push_back(false);
  formats_.push_back(0);
  return *this;
}

PgParams& PgParams::AddBytes(std::string_view bytes) {
  values_.emplace_back(bytes);
  null_.push_back(false);
  formats_.push_back(1);
  return *this;
}

PgParams& PgParams::AddNull() {
  values_.emplace_back();
  null_.push_back(true);
  formats_.push_back(0);
  return *this;
}

PgResult& PgResult::operator=(PgResult&& other) noexcept {
  if (this != &other) {
    PQclear(result_);
    result_ = other.result_;
    other.result_ = nullptr;
  }
  return *this;
}

PgResult::~PgResult() { PQclear(result_); }

int PgResult::rows() const { return PQntuples(result_); }

bool PgResult::IsNull(int row, int column) const { return PQgetisnull(result_, row, column) != 0; }

std::int64_t PgResult::Int(int row, int column) const {
  if (IsNull(row, column)) return 0;
  const int length = PQgetlength(result_, row, column);
  const std::uint64_t bits = ReadBigEndian(PQgetvalue(result_, row, column), length);
  switch (length) {
    case 2:
      return static_cast<std::int16_t>(bits);
    case 4:
      return static_cast<std::int32_t>(bits);
    default:
      return static_cast<std::int64_t>(bits);
  }
}

double PgResult::Double(int row, int column) const {
  if (IsNull(row, column)) return 0;
  const std::uint64_t bits = ReadBigEndian(PQgetvalue(result_, row, column), 8);
  double value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

bool PgResult::Bool(int row, int column) const {
  return !IsNull(row, column) && PQgetvalue(result_, row, column)[0] != 0;
}

std::string_view PgResult::Bytes(int row, int column) const {
  return std::string_view(PQgetvalue(result_, row, column),
                          static_cast<std::size_t>(PQgetlength(result_, row, column)));
}

PgCopy::PgCopy(PgConn& conn) : conn_(&conn) {
  static constexpr char kSignature[] = "PGCOPY\n\377\r\n";  // 11 bytes with the final NUL
  buffer_.append(kSignature, 11);
  AppendBigEndian(buffer_, 0, 4);  // flags
  AppendBigEndian(buffer_, 0, 4);  // header extension length
}

PgCopy::PgCopy(PgCopy&& other) noexcept
    : conn_(other.conn_),
      buffer_(std::move(other.buffer_)),
      status_(std::move(other.status_)),
      open_(other.open_) {
  other.open_ = false;
}

PgCopy::~PgCopy() {
  if (!open_) return;
  PGconn* conn = conn_->raw();
  PQputCopyEnd(conn, "abandoned");
  while (PGresult* result = PQgetResult(conn)) PQclear(result);
}

void PgCopy::StartRow(int fields) {
  if (buffer_.size() >= kCopyChunk) Flush();
  AppendBigEndian(buffer_, static_cast<std::uint64_t>(fields), 2);
}

void PgCopy::Int64(std::int64_t value) {
  AppendBigEndian(buffer_, 8, 4);
  AppendBigEndian(buffer_, static_cast<std::uint64_t>(value), 8);
}

void PgCopy::Int32(std::int32_t value) {
  AppendBigEndian(buffer_, 4, 4);
  AppendBigEndian(buffer_, static_cast<std::uint32_t>(value), 4);
}

void PgCopy::Bool(bool value) {
  AppendBigEndian(buffer_, 1, 4);
  buffer_.push_back(value ? 1 : 0);
}

void PgCopy::Bytes(std::string_view bytes) {
  AppendBigEndian(buffer_, bytes.size(), 4);
  buffer_.append(bytes);
}

void PgCopy::Null() { AppendBigEndian(buffer_, 0xffffffff, 4); }

void PgCopy::Flush() {
  if (status_.ok() && !buffer_.empty() &&
      PQputCopyData(conn_->raw(), buffer_.data(), static_cast<int>(buffer_.size())) != 1) {
    status_ = PgError(conn_->raw(), nullptr, conn_->address());
  }
  buffer_.clear();
}

Status PgCopy::Finish() {
  if (!open_) return Status::Error("COPY already finished");
  AppendBigEndian(buffer_, 0xffff, 2);  // trailer: -1 fields
  Flush();
  open_ = false;
  PGconn* conn = conn_->raw();
  if (PQputCopyEnd(conn, status_.ok() ? nullptr : "failed") != 1 && status_.ok()) {
    status_ = PgError(conn, nullptr, conn_->address());
  }
  while (PGresult* result = PQgetResult(conn)) {
    if (PQresultStatus(result) != PGRES_COMMAND_OK && status_.ok()) {
      status_ = PgError(conn, result, conn_->address());
    }
    PQclear(result);
  }
  return status_;
}

Result<std::unique_ptr<PgConn>> PgConn::Open(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (conn == nullptr) return Status::Error("database: out of memory");
  const std::string address = Address(conn);
  if (PQstatus(conn) != CONNECTION_OK) {
    Status error = ConnectError(conn, address);
    PQfinish(conn);
    return error;
  }
  if (Status s = SetUpSession(conn, address); !s.ok()) {
    PQfinish(conn);
    return s;
  }
  return std::unique_ptr<PgConn>(new PgConn(conn, address));
}

PgConn::~PgConn() { PQfinish(conn_); }

Status PgConn::EnsureConnected() {
  if (PQstatus(conn_) == CONNECTION_OK) return Status::Ok();
  PQreset(conn_);
  if (PQstatus(conn_) != CONNECTION_OK) return ConnectError(conn_, address_);
  return SetUpSession(conn_, address_);
}

PgConn::TransactionState PgConn::transaction_state() const {
  switch (PQtransactionStatus(conn_)) {
    case PQTRANS_IDLE:
      return TransactionState::kIdle;
    case PQTRANS_INTRANS:
      return TransactionState::kOpen;
    case PQTRANS_INERROR:
      return TransactionState::kFailed;
    default:
      return TransactionState::kUnknown;
  }
}

Status PgConn::Execute(const char* sql) {
  // PQexec returns the last statement's result; a failure stops the statements after it.
  PGresult* raw = PQexec(conn_, sql);
  PgResult owner(raw);
  const ExecStatusType status = raw ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return PgError(conn_, raw, address_);
  }
  return Status::Ok();
}

Result<PgResult> PgConn::Query(const char* sql, const PgParams& params) {
  const int n = params.size();
  std::vector<const char*> values(static_cast<std::size_t>(n));
  std::vector<int> lengths(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    values[i] = params.null_[i] ? nullptr : params.values_[i].data();
    lengths[i] = static_cast<int>(params.values_[i].size());
  }
  PGresult* raw = PQexecParams(conn_, sql, n, nullptr, values.data(), lengths.data(),
                               params.formats_.data(), /*resultFormat=*/1);
  PgResult result(raw);
  const ExecStatusType status = raw ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return PgError(conn_, raw, address_);
  }
  return result;
}

Status PgConn::Run(const char* sql, const PgParams& params) {
  auto result = Query(sql, params);
  return result.ok() ? Status::Ok() : result.status();
}

Result<PgCopy> PgConn::BeginCopy(const char* copy_sql) {
  PGresult* raw = PQexec(conn_, copy_sql);
  PgResult result(raw);
  if (raw == nullptr || PQresultStatus(raw) != PGRES_COPY_IN) return PgError(conn_, raw, address_);
  return PgCopy(*this);
}

}  // namespace reparto::postgres
