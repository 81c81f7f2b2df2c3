// The PostgreSQL adapter beyond the shared contract (store_contract_test.cc): the bulk COPY path
// with a large batch and repeated participant-days, messages for the failures a server brings
// (refused connection, missing database, wrong password, read-only database, a newer schema), and
// one writer per community. Runs against the real server of postgres_server.h.
#include "store/postgres/postgres_store.h"

#include <gtest/gtest.h>

#include "core/series_codec.h"
#include "store/postgres_server.h"

namespace reparto {
namespace {

constexpr UtcSeconds kJan2025 = 1735689600;  // 2025-01-01T00:00:00Z

StoredCommunity Community(const std::string& id, int participants) {
  StoredCommunity c;
  c.id = id;
  c.name = "Grande";
  c.rules = RulesFor(Country::kSpain);
  CoefficientVersion v;
  v.valid_from = kBeginningOfTime;
  v.period.method = Method::kFixed;
  for (int i = 0; i < participants; ++i) {
    StoredParticipant sp;
    sp.participant.id = "ES" + std::to_string(1000000 + i);
    sp.participant.role = i == 0 ? Role::kProducer : Role::kConsumer;
    c.participants.push_back(sp);
    v.participant_ids.push_back(sp.participant.id);
    v.period.fixed.push_back(i == 0 ? 0 : 1'000'000'000 / (participants - 1));
  }
  c.versions.push_back(v);
  return c;
}

std::string Packed(MilliWh base, std::int64_t source) {
  DayReadings day = DayReadings::Empty(96);
  for (int i = 0; i < 96; ++i) {
    day.cr[i] = base + i;
    day.cr_quality[i] = day.ir_quality[i] = Quality::kReal;
    day.source[i] = source;
  }
  return EncodeDayReadings(day);
}

Status Save(Store& store, const StoredCommunity& c) {
  auto tx = store.Begin();
  if (!tx.ok()) return tx.status();
  auto saved = (*tx)->SaveCommunity(c);
  if (!saved.ok()) return saved.status();
  return (*tx)->Commit();
}

Result<std::int64_t> Import(Store& store, const std::string& community,
                            const std::vector<StoredDay>& days) {
  auto tx = store.Begin();
  if (!tx.ok()) return tx.status();
  auto id = (*tx)->AddImport(ImportRecord{.community = community,
                                          .source = "big.csv",
                                          .format = "canonical",
                                          .content_hash = "ff",
                                          .imported_at = kJan2025 + 7});
  if (!id.ok()) return id.status();
  REPARTO_RETURN_IF_ERROR((*tx)->PutReadings(community, days, *id));
  REPARTO_RETURN_IF_ERROR((*tx)->Commit());
  return *id;
}

// "t_3" of "postgresql://postgres@/t_3?host=...".
std::string DatabaseOf(const std::string& url) {
  const std::size_t start = url.find("@/") + 2;
  return url.substr(start, url.find('?') - start);
}

class PostgresStore : public ::testing::Test {
 protected:
  void SetUp() override {
    auto server = PostgresServer::Get();
    ASSERT_TRUE(server.ok()) << server.status().message();
    server_ = *server;
  }
  PostgresServer& Server() { return *server_; }

  std::unique_ptr<Store> FreshStore(std::string* url_out = nullptr) {
    auto url = Server().NewDatabase();
    EXPECT_TRUE(url.ok()) << url.status().message();
    if (url_out) *url_out = *url;
    auto store = postgres::OpenStore(*url);
    EXPECT_TRUE(store.ok()) << store.status().message();
    return store.ok() ? std::move(*store) : nullptr;
  }

 private:
  PostgresServer* server_ = nullptr;
};

TEST_F(PostgresStore, LargeBatchGoesThroughCopyAndKeepsHistory) {
  auto store = FreshStore();
  ASSERT_TRUE(store);
  const StoredCommunity c = Community("ES-BIG", 100);
  ASSERT_TRUE(Save(*store, c).ok());
  std::vector<StoredDay> days;
  for (int d = 0; d < 60; ++d) {
    for (const auto& p : c.participants) {
      days.push_back({p.participant.id, AddDays({2025, 1, 1}, d), Packed(d, 1)});
    }
  }
  auto first = Import(*store, "ES-BIG", days);  // 6 000 rows: several COPY chunks
  ASSERT_TRUE(first.ok()) << first.status().message();
  for (auto& day : days) day.packed = Packed(500, 2);
  days.resize(days.size() / 2);
  auto second = Import(*store, "ES-BIG", days);
  ASSERT_TRUE(second.ok()) << second.status().message();

  auto all = store->LoadReadings("ES-BIG", "", {2025, 1, 1}, {2025, 4, 1});
  ASSERT_TRUE(all.ok()) << all.status().message();
  ASSERT_EQ(all->size(), 6000u);
  EXPECT_EQ((*all)[0].participant, "ES1000000");  // ordered by day, then position
  EXPECT_EQ((*all)[0].packed, Packed(500, 2));
  EXPECT_EQ(all->back().packed, Packed(59, 1));
  auto history = store->LoadHistory("ES-BIG", "ES1000042", {2025, 1, 5});
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].packed, Packed(4, 1));
  EXPECT_EQ((*history)[0].replaced_by, *second);
  auto states = store->LoadDayStates("ES-BIG", {2025, 1, 1}, {2025, 4, 1});
  ASSERT_EQ(states->size(), 60u);
  EXPECT_EQ((*states)[0].readings_revision, 2);
  EXPECT_EQ((*states)[59].readings_revision, 1);
}

TEST_F(PostgresStore, ADayTwiceInOneBatchIsWrittenInOrder) {
  auto store = FreshStore();
  ASSERT_TRUE(store);
  ASSERT_TRUE(Save(*store, Community("ES-TWICE", 3)).ok());
  const CivilDate d{2025, 2, 1};
  ASSERT_TRUE(Import(*store, "ES-TWICE", {{"ES1000001", d, Packed(1, 1)}}).ok());
  auto id =
      Import(*store, "ES-TWICE", {{"ES1000001", d, Packed(2, 2)}, {"ES1000001", d, Packed(3, 2)}});
  ASSERT_TRUE(id.ok()) << id.status().message();
  auto now = store->LoadReadings("ES-TWICE", "ES1000001", d, AddDays(d, 1));
  ASSERT_EQ(now->size(), 1u);
  EXPECT_EQ((*now)[0].packed, Packed(3, 2));
  auto history = store->LoadHistory("ES-TWICE", "ES1000001", d);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].packed, Packed(1, 1));
  EXPECT_EQ((*history)[1].packed, Packed(2, 2));
  EXPECT_EQ((*store->LoadDayStates("ES-TWICE", d, AddDays(d, 1)))[0].readings_revision, 2);
}

TEST_F(PostgresStore, NoServerListeningNamesTheAddressNotThePassword) {
  auto store = postgres::OpenStore(
      "postgresql://someone:hunter2@/reparto?host=" + Server().socket_dir() + "&port=1");
  ASSERT_FALSE(store.ok());
  const std::string m = store.status().message();
  EXPECT_NE(m.find("cannot connect"), std::string::npos) << m;
  EXPECT_NE(m.find(Server().socket_dir()), std::string::npos) << m;
  EXPECT_NE(m.find("port=1"), std::string::npos) << m;
  EXPECT_EQ(m.find("hunter2"), std::string::npos) << m;
}

TEST_F(PostgresStore, MissingDatabaseIsSaid) {
  auto store = postgres::OpenStore(Server().Url("no_such_db"));
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("database does not exist"), std::string::npos)
      << store.status().message();
}

TEST_F(PostgresStore, WrongPasswordIsAnAuthenticationFailure) {
  auto store =
      postgres::OpenStore(Server().Url("postgres", PostgresServer::kPasswordUser, "wrong-secret"));
  ASSERT_FALSE(store.ok());
  const std::string m = store.status().message();
  EXPECT_NE(m.find("authentication failed"), std::string::npos) << m;
  EXPECT_EQ(m.find("wrong-secret"), std::string::npos) << m;
}

TEST_F(PostgresStore, ReadOnlyDatabaseReadsButRefusesWrites) {
  std::string url;
  auto store = FreshStore(&url);
  ASSERT_TRUE(store);
  ASSERT_TRUE(Save(*store, Community("ES-RO", 3)).ok());
  ASSERT_TRUE(
      Server()
          .Admin("ALTER DATABASE " + DatabaseOf(url) + " SET default_transaction_read_only = on")
          .ok());
  auto read_only = postgres::OpenStore(url);
  ASSERT_TRUE(read_only.ok()) << read_only.status().message();
  auto loaded = (*read_only)->LoadCommunity("ES-RO");
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_TRUE(loaded->has_value());
  Status s = Save(**read_only, Community("ES-RO2", 3));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("read-only"), std::string::npos) << s.message();
  EXPECT_EQ(s.message().find("INSERT"), std::string::npos) << s.message();
}

TEST_F(PostgresStore, NewerSchemaIsRefused) {
  std::string url;
  ASSERT_TRUE(FreshStore(&url));
  ASSERT_TRUE(
      Server().AdminOn(DatabaseOf(url), "INSERT INTO schema_version (version) VALUES (99)").ok());
  auto newer = postgres::OpenStore(url);
  ASSERT_FALSE(newer.ok());
  EXPECT_NE(newer.status().message().find("newer reparto"), std::string::npos)
      << newer.status().message();
}

TEST_F(PostgresStore, OneWriterPerCommunity) {
  std::string url;
  auto a = FreshStore(&url);
  ASSERT_TRUE(a);
  ASSERT_TRUE(Save(*a, Community("ES-A", 3)).ok());
  ASSERT_TRUE(Save(*a, Community("ES-B", 3)).ok());
  // A second connection that waits at most 200 ms for a lock.
  auto b = postgres::OpenStore(url + "&options=-c%20lock_timeout%3D200");
  ASSERT_TRUE(b.ok()) << b.status().message();

  auto holder = a->Begin();
  ASSERT_TRUE(holder.ok());
  ASSERT_TRUE((*holder)->LoadReadings("ES-A", {2025, 1, 1}, {2025, 1, 2}).ok());
  {
    auto other = (*b)->Begin();  // another community: not blocked
    ASSERT_TRUE(other.ok());
    auto id = (*other)->AddImport(ImportRecord{
        .community = "ES-B", .source = "b.csv", .format = "canonical", .content_hash = "0"});
    ASSERT_TRUE(id.ok()) << id.status().message();
    EXPECT_TRUE((*other)->Commit().ok());
  }
  {
    auto same = (*b)->Begin();  // the same community waits for the holder
    ASSERT_TRUE(same.ok());
    auto id = (*same)->AddImport(ImportRecord{
        .community = "ES-A", .source = "a.csv", .format = "canonical", .content_hash = "0"});
    EXPECT_FALSE(id.ok());
    EXPECT_FALSE((*same)->Commit().ok());
  }
  EXPECT_TRUE((*holder)->Commit().ok());
  auto tx = (*b)->Begin();
  ASSERT_TRUE(tx.ok());
  EXPECT_TRUE(
      (*tx)
          ->AddImport(ImportRecord{
              .community = "ES-A", .source = "a.csv", .format = "canonical", .content_hash = "0"})
          .ok());
  EXPECT_TRUE((*tx)->Commit().ok());
}

TEST_F(PostgresStore, RightPasswordOpensAndDescribeHidesIt) {
  ASSERT_TRUE(
      Server()
          .Admin(std::string("CREATE DATABASE owned OWNER ") + PostgresServer::kPasswordUser)
          .ok());
  auto store = postgres::OpenStore(
      Server().Url("owned", PostgresServer::kPasswordUser, PostgresServer::kPassword));
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ((*store)->Describe().find(PostgresServer::kPassword), std::string::npos);
  EXPECT_NE((*store)->Describe().find("postgresql://reparto_pw@/owned?host="), std::string::npos)
      << (*store)->Describe();
}

}  // namespace
}  // namespace reparto
